using Outbound.Core.Campaigns;
using Outbound.Core.Performance;
using Outbound.Core.Tenants;

namespace Outbound.Reports.Performance;

/// <summary>A campaign's performance over a period, with what is needed to label it (disposition names, questionnaire).</summary>
public sealed record PerformanceReportModel(
    string CampaignCode,
    string CampaignName,
    CampaignKind Kind,
    TenantId TenantId,
    string ClientName,
    DateOnly From,
    DateOnly To,
    PerformanceFigures Figures,
    IReadOnlyList<Disposition> Dispositions,
    Questionnaire? Questionnaire,
    DateTimeOffset GeneratedAt,
    Data.Quality.QualitySummary? Quality = null,
    ServiceReport? Service = null);

/// <summary>The campaign's work orders and its client's knowledge-base timeliness over the period (see Core's ServiceMetrics).</summary>
public sealed record ServiceReport(Outbound.Core.WorkOrders.WorkOrderFigures Orders, Ratio KnowledgeTimeliness);
