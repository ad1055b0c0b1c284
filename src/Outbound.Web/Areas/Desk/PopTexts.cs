using Outbound.Core.Campaigns;
using Outbound.Web.Areas.Campaigns;
using Outbound.Web.Areas.Campaigns.Live;
using Outbound.Web.Localization;

namespace Outbound.Web.Areas.Desk;

/// <summary>
/// The words for the codes a screen pop carries (its kind, the contact history's kinds and outcomes, a lead's status), handed to the
/// desk's script as labels: pops are pushed outside any request, so the page, not the push, knows the agent's language.
/// </summary>
public static class PopTexts
{
    public static readonly Text Bot = new("演示机器人 {0} 号", "Demo bot {0}");

    private static readonly Dictionary<string, Text> Kinds = new()
    {
        ["preview"] = new("预览", "Preview"),
        ["call"] = new("通话", "Call"),
    };

    private static readonly Dictionary<string, Text> HistoryKinds = new()
    {
        ["outbound"] = new("外呼", "Outbound call"),
        ["inbound"] = new("呼入", "Inbound call"),
        ["form"] = new("工作台记录", "Desk record"),
    };

    /// <summary>Inbound calls store their own outcome codes (the queue's), outbound ones the <see cref="CallOutcome"/> names.</summary>
    private static readonly Dictionary<string, Text> InboundOutcomes = new()
    {
        ["answered"] = new("已接听", "Answered"),
        ["abandoned"] = new("排队放弃", "Abandoned in queue"),
        ["overflowed"] = new("溢出", "Overflowed"),
        ["voicemail"] = new("留言", "Voicemail"),
        ["callback"] = new("请求回电", "Callback requested"),
        ["hung_up"] = new("IVR 中挂机", "Hung up in the IVR"),
    };

    private static readonly Dictionary<string, Text> LeadStatuses = new()
    {
        ["new"] = LiveTexts.LeadsNew,
        ["retry"] = LiveTexts.LeadsRetry,
        ["callback"] = LiveTexts.LeadsCallback,
        ["dialing"] = LiveTexts.LeadsDialing,
        ["done"] = LiveTexts.LeadsDone,
        ["dnc"] = LiveTexts.LeadsDnc,
    };

    /// <summary>Everything above in the request's language, for the desk page's script.</summary>
    public static object Labels() => new
    {
        kinds = Render(Kinds),
        historyKinds = Render(HistoryKinds),
        outcomes = Render(InboundOutcomes.Concat(Enum.GetValues<CallOutcome>().Select(o =>
            KeyValuePair.Create(o.ToString(), CampaignTexts.OutcomeName(o))))),
        leadStatuses = Render(LeadStatuses),
        bot = Bot.ToString(),
    };

    private static Dictionary<string, string> Render(IEnumerable<KeyValuePair<string, Text>> texts) =>
        texts.GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.First().Value.ToString());
}
