using System.Text.Json;
using System.Text.Json.Serialization;
using Outbound.Core.Campaigns;
using Outbound.Core.Desk;
using Outbound.Data.Desk;

namespace Outbound.Web.Areas.Desk;

/// <summary>The JSON the desk receives when a call connects or a preview lead is offered.</summary>
/// <param name="Script">The campaign's script filled from the lead; a missing field is a part marked <c>missing</c>.</param>
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
    IReadOnlyList<ScriptPartView> Script,
    int WrapUpSeconds,
    int CountdownSeconds,
    [property: JsonIgnore] Guid TenantId)
{
    public const string CallKind = "call";
    public const string PreviewKind = "preview";
}

public sealed record FieldView(string Key, string Label, string Value);

/// <summary>A piece of the filled script; <paramref name="Label"/> names a missing field for its marker.</summary>
public sealed record ScriptPartView(string Text, bool Missing, string? Label);

public sealed record DispositionView(string Code, string Label, bool IsPromiseToPay);

/// <summary>
/// The desk as the page shows it, pushed on every change and returned after a reload: the state, the buttons it allows
/// (<see cref="DeskMachine.Actions"/>, snake_case codes), and the call's result and consult. The page keeps no rules of its own.
/// </summary>
/// <param name="Reason">The not-ready reason; during a call, what the agent returns to afterwards when not ready.</param>
public sealed record DeskView(
    string AgentId,
    string State,
    string? Reason,
    DateTimeOffset Since,
    string Presence,
    string? CallKind,
    IReadOnlyList<string> Actions,
    bool ResultSaved,
    bool ResultRequired,
    bool WrapUpOver,
    DateTimeOffset? WrapUpEndsAt,
    bool Held,
    string? ConsultWith,
    bool ConsultUp,
    bool Conference)
{
    public static DeskView From(string agentId, DeskMachine desk, DateTimeOffset? wrapUpEndsAt, DateTimeOffset since, Func<string, string> nameOf)
    {
        var call = desk.Call;
        return new DeskView(agentId, Code(desk.State), desk.Reason, since, Code(desk.Presence), call is null ? null : Code(call.Kind),
            desk.Actions.Order().Select(Code).ToList(), call?.Result is not null, call is { Ended: true, Closable: false }, call?.WrapUpOver ?? false,
            call is { Ended: true } ? wrapUpEndsAt : null, call?.Held ?? false, call?.ConsultWith is { } with ? nameOf(with) : null,
            call?.ConsultUp ?? false, call?.Conference ?? false);
    }

    /// <summary>The wire name of a desk state, action, presence or call kind: snake_case, as the page's buttons carry it.</summary>
    public static string Code<T>(T value) where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}

/// <summary>What the agent submits as the call's result (during the call or after it): the disposition is required, the rest depends on the campaign.</summary>
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
    string? Note);

/// <summary>An internal call as the desk shows it: phase calling, ringing, talking or ended (with its outcome).</summary>
public sealed record InternalCallView(string PeerAgentId, string PeerName, string Phase, string? Outcome);
