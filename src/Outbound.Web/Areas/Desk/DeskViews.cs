using System.Text.Json.Serialization;
using Outbound.Core.Campaigns;
using Outbound.Data.Desk;

namespace Outbound.Web.Areas.Desk;

/// <summary>The JSON the desk receives when a call connects or a preview lead is offered.</summary>
public sealed record ScreenPop(
    string Kind,
    long LeadId,
    Guid CampaignId,
    string CampaignName,
    string CampaignKind,
    string Phone,
    string? Name,
    IReadOnlyList<FieldView> Fields,
    IReadOnlyList<ContactHistoryItem> History,
    IReadOnlyList<DispositionView> Dispositions,
    Questionnaire? Questionnaire,
    string Script,
    int WrapUpSeconds,
    int CountdownSeconds,
    [property: JsonIgnore] Guid TenantId);

public sealed record FieldView(string Key, string Label, string Value);

public sealed record DispositionView(string Code, string Label, bool IsPromiseToPay);

public sealed record AgentStateView(string AgentId, string State, string? Reason, DateTimeOffset Since);

/// <summary>What the agent submits to close a call: the disposition is required, the rest depends on the campaign.</summary>
public sealed record DispositionInput(
    string? Disposition,
    bool? RightParty,
    decimal? AmountDue,
    decimal? PromiseAmount,
    DateOnly? PromiseDate,
    string? PaymentPlan,
    string? RefusalReason,
    Dictionary<string, string[]>? SurveyAnswers,
    DateTimeOffset? CallbackAt,
    bool CallbackMine,
    string? Note,
    string? StayNotReady);

/// <summary>An internal call as the desk shows it: phase calling, ringing, talking or ended (with its outcome).</summary>
public sealed record InternalCallView(string PeerAgentId, string PeerName, string Phase, string? Outcome);
