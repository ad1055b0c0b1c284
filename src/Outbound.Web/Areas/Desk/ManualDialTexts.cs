using Outbound.Core.Compliance;
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
    public static readonly Text Placed = new("正在呼叫 {0}…", "Calling {0}…");

    public static Text Reason(string code) => code switch
    {
        _ when code == RefusalReason.OutsideWindow.Code() => new("不在允许的呼叫时段内（按对方当地时间）", "outside the calling window (the called party's local time)"),
        _ when code == RefusalReason.Dnc.Code() => new("号码在禁呼名单中", "the number is on a do-not-call list"),
        _ when code == RefusalReason.MaxAttempts.Code() => new("已达最大拨打次数", "the attempt limit is reached"),
        _ when code == RefusalReason.DailyUnansweredLimit.Code() => new("已达当日未接通次数上限", "the daily unanswered limit is reached"),
        _ when code == RefusalReason.RetryDelay.Code() => new("重拨间隔未到", "the retry delay has not passed"),
        _ when code == RefusalReason.OfcomAbandon72h.Code() => new("72 小时内曾放弃此号码，须由坐席接听后方可再拨", "an abandoned call to this number in the last 72 h"),
        _ when code == RefusalReason.CallbackOwnedByOther.Code() => new("该预约回拨属于其他坐席", "the callback belongs to another agent"),
        _ when code == RefusalReason.TenantSuspended.Code() => new("客户已停机", "the client is suspended"),
        _ when code == RefusalReason.CampaignNotRunning.Code() => new("项目未在运行", "the campaign is not running"),
        _ when code == RefusalReason.UnknownTimeZone.Code() => new("无法确定号码所在时区", "the number's time zone is unknown"),
        CampaignReplies.ManualDialReply.AgentNotFree => new("您正在通话或处理中", "you are on a call or in after-call work"),
        CampaignReplies.ManualDialReply.NumberBusy => new("该号码正在被拨打", "the number is being called right now"),
        _ => new(code, code),
    };
}
