using Outbound.Core.Campaigns;
using Outbound.Core.Performance;
using Outbound.Core.Tenants;
using Outbound.Data.Identity;

namespace Outbound.Reports.Performance;

/// <summary>A campaign's performance over a period, with what is needed to label it (disposition names, questionnaire, agents' names).</summary>
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
    IReadOnlyDictionary<string, AgentName> AgentNames,
    Data.Quality.QualitySummary? Quality = null,
    ServiceReport? Service = null)
{
    /// <summary>An agent as the client's report names it: the person's name, a demo bot as such, never an internal id.</summary>
    public AgentName NameOf(string agentId) => AgentNames.GetValueOrDefault(agentId) ?? new AgentName(agentId, null, null);

    /// <summary>The dials refused in the period and why (合规拦截), with the pacing notices raised.</summary>
    public Data.Performance.ComplianceRefusals Refusals { get; init; } = Data.Performance.ComplianceRefusals.None;
}

/// <summary>The campaign's work orders and its client's knowledge-base timeliness over the period (see Core's ServiceMetrics).</summary>
public sealed record ServiceReport(Outbound.Core.WorkOrders.WorkOrderFigures Orders, Ratio KnowledgeTimeliness);
