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
    DateTimeOffset GeneratedAt)
{
    /// <summary>The dials refused in the period and why (合规拦截), with the pacing notices raised.</summary>
    public Data.Performance.ComplianceRefusals Refusals { get; init; } = Data.Performance.ComplianceRefusals.None;
}
