using Outbound.Core.Acd;
using Outbound.Web.Localization;

namespace Outbound.Web.Areas.Desk;

/// <summary>Texts of the inbound queue settings page (呼入队列设置).</summary>
public static class QueueTexts
{
    public static readonly Text Title = new("呼入队列设置：{0}", "Inbound queue settings: {0}");
    public static readonly Text Settings = new("队列设置", "Queue settings");
    public static readonly Text Help = new("队列启动时读取这些设置；修改对正在运行的队列在下次启动时生效。",
        "The queue reads these settings when it starts; a running queue takes changes at its next start.");
    public static readonly Text Saved = new("已保存队列设置，运行中的队列已立即采用（已在排队的来电保留其原最长等待时间）。",
        "Queue settings saved and applied to the running queue at once (callers already waiting keep the max wait they were given).");
    public static readonly Text NotInbound = new("只有呼入项目才有队列设置。", "Only inbound campaigns have a queue.");
    public static readonly Text Routing = new("分配策略", "Routing");
    public static readonly Text Strategy = new("坐席选择策略", "Agent selection strategy");
    public static readonly Text TierEscalation = new("技能层级升级间隔（秒，0 = 所有层级同时）", "Tier escalation step (s, 0 = every tier at once)");
    public static readonly Text PriorityPerMinute = new("每等待一分钟增加的优先级", "Priority gained per minute of waiting");
    public static readonly Text Agents = new("坐席时间", "Agent timing");
    public static readonly Text WrapUp = new("话后处理时间（秒）", "Wrap-up time (s)");
    public static readonly Text OfferTimeout = new("振铃超时（秒）", "Offer timeout (s)");
    public static readonly Text NoAnswerDelay = new("未接后暂停分配（秒）", "No-answer delay (s)");
    public static readonly Text RejectDelay = new("拒接后暂停分配（秒）", "Reject delay (s)");
    public static readonly Text MaxNoAnswer = new("连续未接次数上限（置为示忙，0 = 不限）", "Max no-answers in a row (then not ready, 0 = never)");
    public static readonly Text Overflow = new("排队与溢出", "Waiting and overflow");
    public static readonly Text MaxWait = new("最长等待（秒，0 = 不限）", "Max wait (s, 0 = for ever)");
    public static readonly Text OverflowAction = new("超时后", "At max wait");
    public static readonly Text OverflowCampaign = new("溢出队列", "Overflow queue");
    public static readonly Text ServiceLevel = new("服务水平目标（秒内接通）", "Service level target (answered within s)");
    public static readonly Text Announcements = new("等待提示", "While waiting");
    public static readonly Text MusicOnHold = new("等待音乐提示音", "Music-on-hold prompt");
    public static readonly Text AnnounceEvery = new("播报间隔（秒，0 = 不播报）", "Announce every (s, 0 = never)");
    public static readonly Text AnnouncePosition = new("播报排队位置", "Announce the position");
    public static readonly Text AnnounceExpectedWait = new("播报预计等待时间", "Announce the expected wait");
    public static readonly Text Skills = new("坐席技能与层级", "Agent skills and tiers");
    public static readonly Text SkillsHelp = new("每位坐席填写“技能:层级”，以空格分隔，例如 general:1 billing:2；层级 1 最先分配，留空则为任意来电的第 1 层。",
        "For each agent, skill:level pairs separated by spaces, e.g. general:1 billing:2; level 1 is offered first; empty: first tier for any caller.");
    public static readonly Text Agent = new("坐席", "Agent");
    public static readonly Text None = new("（无）", "(none)");

    public static Text ActionName(OverflowAction action) => action switch
    {
        Core.Acd.OverflowAction.None => new("继续等待", "Keep waiting"),
        Core.Acd.OverflowAction.OverflowQueue => new("转溢出队列", "Send to the overflow queue"),
        Core.Acd.OverflowAction.Voicemail => new("转语音留言", "Voicemail"),
        Core.Acd.OverflowAction.CallbackOffer => new("提供回拨", "Offer a callback"),
        _ => new("播报后挂机", "Announce and hang up"),
    };

    public static Text StrategyName(RoutingStrategy strategy) => strategy switch
    {
        RoutingStrategy.LongestIdle => new("最长空闲坐席", "Longest idle agent"),
        RoutingStrategy.RoundRobin => new("轮询", "Round robin"),
        RoutingStrategy.TopDown => new("顺序（自上而下）", "Top down"),
        RoutingStrategy.LeastTalkTime => new("通话时长最少", "Least talk time"),
        RoutingStrategy.FewestCalls => new("接听次数最少", "Fewest calls"),
        RoutingStrategy.RingAll => new("同时振铃", "Ring all"),
        _ => new("随机", "Random"),
    };

    private static Text FieldName(string field) => field switch
    {
        nameof(QueuePolicy.TierEscalationStep) => TierEscalation,
        nameof(QueuePolicy.WrapUp) => WrapUp,
        nameof(QueuePolicy.OfferTimeout) => OfferTimeout,
        nameof(QueuePolicy.NoAnswerDelay) => NoAnswerDelay,
        nameof(QueuePolicy.RejectDelay) => RejectDelay,
        nameof(QueuePolicy.MaxWait) => MaxWait,
        nameof(QueuePolicy.ServiceLevelTarget) => ServiceLevel,
        nameof(QueuePolicy.AnnounceEvery) => AnnounceEvery,
        nameof(QueuePolicy.MaxNoAnswer) => MaxNoAnswer,
        nameof(QueuePolicy.PriorityPerMinute) => PriorityPerMinute,
        _ => new(field, field),
    };

    public static readonly Text BadSkillLevel = new("坐席 {0} 的技能 {1} 的层级不是数字。", "Agent {0}: the level of {1} is not a number.");

    public static string Describe(QueueSettingProblem p, Func<string, string> agentName) => p.Kind switch
    {
        QueueSettingProblemKind.OutOfRange => new Text("“{0}”须在 {1} 之间。", "“{0}” must be within {1}.").Format(FieldName(p.Field).ToString(), p.Detail ?? ""),
        QueueSettingProblemKind.OverflowTargetMissing => new Text("选择“转溢出队列”时必须指定溢出队列。", "Choose the overflow queue to send callers to."),
        QueueSettingProblemKind.OverflowTargetIsSelf => new Text("溢出队列不能是本队列。", "The overflow queue cannot be this queue."),
        QueueSettingProblemKind.OverflowWithoutMaxWait => new Text("设置了超时处理时，最长等待不能为 0。", "An overflow action needs a max wait above 0."),
        QueueSettingProblemKind.PromptInvalid => new Text("提示音名称“{0}”无效：只能用小写字母、数字、- 和 _。", "Prompt “{0}” is not valid: lower-case letters, digits, - and _ only.").Format(p.Detail ?? ""),
        QueueSettingProblemKind.SkillInvalid => new Text("坐席 {0} 的技能名“{1}”无效：只能用小写字母、数字、- 和 _。", "Agent {0}: skill “{1}” is not valid: lower-case letters, digits, - and _ only.").Format(agentName(p.Field), p.Detail ?? ""),
        QueueSettingProblemKind.SkillLevelOutOfRange => new Text("坐席 {0} 的 {1}：层级须在 1–9 之间。", "Agent {0}, {1}: the level must be within 1–9.").Format(agentName(p.Field), p.Detail ?? ""),
        _ => p.ToString(),
    };
}
