using Outbound.Dialer.Campaigns;
using Outbound.Web.Localization;

namespace Outbound.Web.Areas.Desk;

/// <summary>Texts of manual dial (手工外呼) on the desk.</summary>
public static class ManualDialTexts
{
    public static readonly Text Number = new("手工外呼号码", "Number to dial");
    public static readonly Text Dial = new("外呼", "Call");
    public static readonly Text InvalidNumber = new("号码无效：{0}", "Not a valid number: {0}");
    public static readonly Text NotOutbound = new("请选择一个已签入的外呼项目。", "Choose an outbound campaign you are logged in to.");
    public static readonly Text Refused = new("不能拨打：{0}", "Cannot call: {0}");

    public static Text Reason(string code) => code switch
    {
        CampaignReplies.ManualDialReply.AgentNotFree => new("您正在通话或处理中", "you are on a call or in after-call work"),
        CampaignReplies.ManualDialReply.NumberBusy => new("该号码正在被拨打", "the number is being called right now"),
        _ => RefusalTexts.For(code) ?? new(code, code),
    };
}
