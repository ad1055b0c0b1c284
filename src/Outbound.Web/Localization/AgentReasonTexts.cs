using Outbound.Core.Acd;
using Outbound.Core.Desk;
using Outbound.Dialer.Agents;
using Outbound.Web.Areas.Desk;

namespace Outbound.Web.Localization;

/// <summary>
/// Why an agent is in a state (the reason code beside it on the desk and the wallboard), in words. A reason a supervisor typed
/// is free text and shown as written.
/// </summary>
public static class AgentReasonTexts
{
    public static IReadOnlyDictionary<string, Text> All { get; } = new Dictionary<string, Text>
    {
        [DeskMachine.LoginReason] = new("刚签入", "Just signed in"),
        ["logout"] = new("已签出", "Signed out"),
        ["break"] = DeskTexts.ReasonBreak,
        ["training"] = DeskTexts.ReasonTraining,
        ["meeting"] = DeskTexts.ReasonMeeting,
        [DeskMachine.PhoneReason] = new("话机未连接", "Phone not connected"),
        ["supervisor"] = new("班长强制离席", "Set not ready by a supervisor"),
        ["forced_by_supervisor"] = new("班长强制签出", "Signed out by a supervisor"),
        ["call"] = new("外呼接入中", "Call coming in"),
        ["preview"] = new("预览", "Preview"),
        ["manual"] = new("手动外呼", "Manual call"),
        [AgentSessionActor.InternalReason] = new("内部通话", "Internal call"),
        [OfferOutcome.MaxNoAnswerReason] = new("多次未接来电", "Missed offered calls"),
    };

    public static string For(string? code) => code is null ? "" : Of(code);

    /// <summary>The reason's words; a code not in the list (a supervisor's free text) as it is.</summary>
    public static Text Of(string code) => All.TryGetValue(code, out var text) ? text : new(code, code);

    /// <summary>Code → text in the request's language, for the pages' scripts.</summary>
    public static IReadOnlyDictionary<string, string> Labels() => All.ToDictionary(p => p.Key, p => p.Value.ToString());
}
