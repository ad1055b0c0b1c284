using Outbound.Core.Campaigns;
using Outbound.Core.Identity;
using Outbound.Dialer.Agents;
using Outbound.Web.Areas.Campaigns;
using Outbound.Web.Areas.Campaigns.Live;
using Outbound.Web.Areas.Desk;
using Outbound.Web.Areas.Wallboard;
using Outbound.Web.Localization;

namespace Outbound.Web.Areas.Quality;

/// <summary>The words of a call as quality pages show it: who took it, how it ended, what happened on the agent's side.</summary>
public static class QualityCallTexts
{
    public static readonly Text RightParty = new("本人接听", "Right party");
    public static readonly Text AmountDue = new("欠款金额", "Amount due");
    public static readonly Text Promise = new("承诺还款", "Promise to pay");
    public static readonly Text RefusalReason = new("拒绝原因", "Refusal reason");
    public static readonly Text Survey = new("问卷答案", "Survey answers");
    public static readonly Text InProgress = new("通话中", "In progress");
    private static readonly Text AgentSide = new("坐席", "Agent");
    private static readonly Text SupervisorSide = new("班长", "Supervisor");

    /// <summary>A person by name; a demo bot (whose name is its id) by its number, never by the id.</summary>
    public static string Person(string name) => BotAgents.TryParse(name, out var bot) ? PopTexts.Bot.Format(bot) : name;

    /// <summary>An outbound record's outcome (<see cref="CallOutcome"/> by name) or an inbound call's (answered, abandoned …).</summary>
    public static Text OutcomeName(string outcome) =>
        outcome == "in_progress" ? InProgress
        : Enum.TryParse<CallOutcome>(outcome, ignoreCase: true, out var known) ? CampaignTexts.OutcomeName(known)
        : new(outcome, outcome);

    public static Text SourceName(string source) => source == "supervisor" ? SupervisorSide : AgentSide;

    /// <summary>An agent's state change by the state's name, or a supervisor's action by the intervention's.</summary>
    public static Text ActionName(string source, string action) =>
        source == "supervisor" ? WallboardTexts.ActionName(action)
        : Enum.GetValues<AgentState>().Where(s => s.Code() == action).Select(s => LiveTexts.State(s)).FirstOrDefault() ?? new(action, action);

    /// <summary>The reason beside an agent's state change (a break, signing in …); a supervisor's detail is already words.</summary>
    public static string Detail(string source, string? detail) =>
        detail is null ? "" : source == "supervisor" ? detail : DeskTexts.ReasonName(detail);
}
