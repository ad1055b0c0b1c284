using Outbound.Web.Localization;

namespace Outbound.Web.Areas.Wallboard;

/// <summary>Texts of the supervisor wallboard (实时监控墙).</summary>
public static class WallboardTexts
{
    public static readonly Text Title = new("班长监控墙", "Supervisor wallboard");
    public static readonly Text Agents = new("坐席", "Agents");
    public static readonly Text Agent = new("坐席", "Agent");
    public static readonly Text State = new("状态", "State");
    public static readonly Text Reason = new("原因", "Reason");
    public static readonly Text TimeInState = new("持续时间", "Time in state");
    public static readonly Text Actions = new("干预", "Intervene");
    public static readonly Text ForceNotReady = new("强制离席", "Force not ready");
    public static readonly Text ForceReady = new("强制就绪", "Force ready");
    public static readonly Text ForceLogout = new("强制签出", "Force logout");
    public static readonly Text Campaigns = new("项目实时数据", "Campaign figures");
    public static readonly Text Queues = new("呼入队列", "Inbound queues");
    public static readonly Text Queue = new("队列", "Queue");
    public static readonly Text QueueWaiting = new("排队数", "Waiting");
    public static readonly Text LongestWait = new("最长等待（秒）", "Longest wait (s)");
    public static readonly Text Answered = new("已接", "Answered");
    public static readonly Text Abandoned = new("放弃", "Abandoned");
    public static readonly Text Overflowed = new("溢出", "Overflowed");
    public static readonly Text Log = new("干预记录", "Intervention log");
    public static readonly Text When = new("时间", "When");
    public static readonly Text Who = new("班长", "Supervisor");
    public static readonly Text Action = new("操作", "Action");
    public static readonly Text NotOverseen = new("该坐席不在您管理的项目中。", "That agent is not in a campaign you oversee.");
    public static readonly Text Campaign = new("项目", "Campaign");
    public static readonly Text CampaignStatus = new("项目状态", "Status");
    public static readonly Text AgentsByState = new("坐席状态", "Agents by state");
    public static readonly Text PlacedCompleted = new("已拨 / 已完成", "Placed / completed");
    public static readonly Text AbandonRate = new("放弃率", "Abandon rate");

    /// <summary>An intervention as the log names it (force actions and call monitoring alike).</summary>
    public static Text ActionName(string action) => action switch
    {
        "force_not_ready" => ForceNotReady,
        "force_ready" => ForceReady,
        "force_logout" => ForceLogout,
        "listen" => Desk.CallControlTexts.Listen,
        "whisper" => Desk.CallControlTexts.Whisper,
        "barge" => Desk.CallControlTexts.Barge,
        "stop_monitor" => Desk.CallControlTexts.StopMonitor,
        "force_release" => Desk.CallControlTexts.ForceRelease,
        "intercept" => Desk.CallControlTexts.Intercept,
        _ => new(action, action),
    };
}
