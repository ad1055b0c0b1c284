using Outbound.Core.Compliance;

namespace Outbound.Web.Localization;

/// <summary>Why a dial was refused, in words: one wording wherever a refusal is shown (live page, manual dial).</summary>
public static class RefusalTexts
{
    public static Text For(RefusalReason reason) => reason switch
    {
        RefusalReason.OutsideWindow => new("不在允许呼叫时段（客户当地时间）", "Outside the calling window (lead's local time)"),
        RefusalReason.Dnc => new("免打扰名单", "Do-not-call list"),
        RefusalReason.MaxAttempts => new("已达最大拨打次数", "Maximum attempts reached"),
        RefusalReason.DailyUnansweredLimit => new("当日未接通次数已达上限", "Daily unanswered-attempt limit reached"),
        RefusalReason.RetryDelay => new("未到重拨间隔", "Retry delay not yet over"),
        RefusalReason.OfcomAbandon72h => new("放弃呼叫后 72 小时内不得重拨", "No repeat call within 72 h of an abandoned call"),
        RefusalReason.CallbackOwnedByOther => new("预约回拨属于其他坐席", "Callback owned by another agent"),
        RefusalReason.TenantSuspended => new("客户已停机：欠费超过宽限期，缴费后恢复", "Client suspended: overdue beyond the grace days, resumes when paid"),
        RefusalReason.CampaignNotRunning => new("项目未在运行", "Campaign not running"),
        RefusalReason.UnknownTimeZone => new("无法确定客户时区", "Lead's time zone unknown"),
        RefusalReason.CapReached => new("放弃率已近上限：暂停预测式多拨", "Abandon rate near the cap: predictive over-dialling held back"),
        RefusalReason.SmallTeam => new("坐席人数不足：按逐一拨号，不多拨", "Team too small for predictive: one line per ready agent"),
        RefusalReason.DetectorOff => new("答录机检测已关闭：机器应答转坐席处理", "Machine detection off: answering machines put through to agents"),
        _ => new(reason.Code(), reason.Code()),
    };

    /// <summary>The text of a stored refusal code; null when the code is not a <see cref="RefusalReason"/>.</summary>
    public static Text? For(string code) =>
        Enum.GetValues<RefusalReason>().Where(r => r.Code() == code).Select(For).FirstOrDefault();
}
