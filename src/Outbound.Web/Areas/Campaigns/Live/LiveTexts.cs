using Outbound.Core.Campaigns;
using Outbound.Dialer.Agents;
using Outbound.Web.Localization;

namespace Outbound.Web.Areas.Campaigns.Live;

/// <summary>Texts of the live campaign status page.</summary>
public static class LiveTexts
{
    public static readonly Text Title = new("实时监控 {0}", "Live status {0}");
    public static readonly Text Live = new("实时监控", "Live");
    public static readonly Text Start = new("开始", "Start");
    public static readonly Text Pause = new("暂停", "Pause");
    public static readonly Text Stop = new("停止", "Stop");
    public static readonly Text Agents = new("坐席状态", "Agents by state");
    public static readonly Text LinesInFlight = new("在途线路", "Lines in flight");
    public static readonly Text DialLevel = new("拨号比", "Dial level");
    public static readonly Text AnswerRate = new("接通率", "Answer rate");
    public static readonly Text AbandonRate = new("滚动放弃率 / 上限", "Rolling abandon rate / cap");
    public static readonly Text Progress = new("名单进度", "List progress");
    public static readonly Text CallsPlaced = new("已拨", "Placed");
    public static readonly Text CallsCompleted = new("已完成", "Completed");
    public static readonly Text LeadsBuffered = new("待拨缓冲", "Buffered leads");
    public static readonly Text ListExhausted = new("当前无可拨名单", "No callable leads right now");
    public static readonly Text List = new("名单", "Call list");
    public static readonly Text LeadsTotal = new("总数", "Total");
    public static readonly Text LeadsNew = new("未拨", "Not dialled");
    public static readonly Text LeadsRetry = new("待重拨", "To retry");
    public static readonly Text LeadsCallback = new("预约回拨", "Callbacks");
    public static readonly Text LeadsDialing = new("拨打中", "Dialling");
    public static readonly Text LeadsDone = new("已完成", "Finished");
    public static readonly Text LeadsDnc = new("免打扰", "Do not call");
    public static readonly Text ListFinished = new("完成度", "Done");
    public static readonly Text Refusals = new("合规拦截", "Compliance refusals");
    public static readonly Text NoRefusals = new("暂无拦截", "None so far");
    public static readonly Text Pacing = new("拨号控制", "Pacing");
    public static readonly Text PacingMode = new("当前方式", "Dialling now");
    public static readonly Text Since = new("起始", "Since");
    public static readonly Text Team = new("在岗坐席", "Working agents");
    public static readonly Text TeamNeeded = new("{0}（预测式外呼需至少 {1} 名）", "{0} (predictive dialling needs at least {1})");
    public static readonly Text WindowRate = new("窗口放弃率（{0} 小时）/ 上限", "Abandon rate in the window ({0} h) / cap");
    public static readonly Text WindowCounts = new("放弃 {0} · 接通 {1} · 估计检测误挂 {2}", "abandoned {0} · connected {1} · estimated detector hang-ups {2}");
    public static readonly Text Detector = new("答录机检测", "Machine detection");
    public static readonly Text DetectorOn = new("开启：估计误判率 {0}（{1}）", "On: estimated false-positive rate {0} ({1})");
    public static readonly Text DetectorNotConfigured = new("未启用（项目设置）", "Not used (campaign settings)");
    public static readonly Text DetectorOff = new("已自动关闭（自 {0}）：误判率 {1} 超过放弃率上限的一半，机器应答转坐席一键标记",
        "Turned off (since {0}): its false-positive rate {1} would use over half the cap; machines go to agents, who mark them in a keystroke");
    public static readonly Text DetectorTradeOff = new("代价与收益：坐席处理答录机 {0} 分钟，避免误挂真人约 {1} 通",
        "Trade-off: {0} agent minutes on answering machines, about {1} people not hung up on");
    public static readonly Text Measured = new("实测", "measured");
    public static readonly Text Configured = new("配置值", "configured");
    public static readonly Text Notices = new("拨号提醒", "Pacing notices");
    public static readonly Text NoNotices = new("无", "None");

    /// <summary>The mode's code in the pushed figures (the page looks its words up).</summary>
    public static string ModeCode(Core.Pacing.PacingMode mode) => mode switch
    {
        Core.Pacing.PacingMode.Predictive => "predictive",
        Core.Pacing.PacingMode.SmallTeam => "small_team",
        Core.Pacing.PacingMode.WindowFilling => "window_filling",
        Core.Pacing.PacingMode.CapFallback => "cap_fallback",
        _ => mode.ToString(),
    };

    public static Text Mode(Core.Pacing.PacingMode mode) => mode switch
    {
        Core.Pacing.PacingMode.Predictive => new("预测式外呼", "Predictive"),
        Core.Pacing.PacingMode.SmallTeam => new("逐一拨号：坐席人数不足以预测式外呼；答录机检测暂停，答录机转给坐席", "Progressive: the team is too small for predictive dialling; machine detection paused, machines go to agents"),
        Core.Pacing.PacingMode.WindowFilling => new("逐一拨号：统计窗口内接通量尚少，暂不承担放弃风险", "Progressive: too few live calls in the window yet to risk an abandon"),
        Core.Pacing.PacingMode.CapFallback => new("逐一拨号：窗口放弃率（含不确定度）已近上限，待窗口恢复余量后自动恢复预测式",
            "Progressive: the window's abandon rate (with its uncertainty) is near the cap; predictive resumes when the window has room"),
        _ => new(mode.ToString(), mode.ToString()),
    };

    public static Text Notice(Core.Pacing.PacingNoticeKind kind) => kind switch
    {
        Core.Pacing.PacingNoticeKind.CapFallback => new("放弃率近上限，转为逐一拨号", "Abandon rate near the cap: fell back to progressive"),
        Core.Pacing.PacingNoticeKind.PredictiveResumed => new("窗口恢复余量，恢复预测式外呼", "The window has room again: predictive resumed"),
        Core.Pacing.PacingNoticeKind.DetectorOff => new("答录机检测误判过多，已关闭检测", "Detector false positives too costly: detection turned off"),
        _ => new(kind.ToString(), kind.ToString()),
    };

    public static readonly Text NoticeFigures = new("当时窗口放弃率 {0}，检测误判率 {1}", "window abandon rate then {0}, detector false-positive rate {1}");
    public static readonly Text Attention = new("需要关注的项目", "Campaigns needing attention");
    public static readonly Text Connecting = new("正在连接…", "Connecting…");
    public static readonly Text CommandFailed = new("操作未完成：{0}", "The command did not complete: {0}");
    public static readonly Text DialMode = new("拨号模式", "Dial mode");
    public static readonly Text SettingsChanged = new("设置已于 {0} 更新（{1}），自下一次拨号起生效。", "Settings changed at {0} ({1}); in effect from the next dial.");
    public static readonly Text AppliedWhileRunning = new("已保存项目 {0}。项目正在运行，新设置自下一次拨号起生效：{1}。",
        "Saved campaign {0}. It is running: the new settings apply from the next dial: {1}.");

    /// <summary>What changed, in words: the dial mode with its old and new mode, then the other areas.</summary>
    public static string Describe(CampaignChange change) => string.Join(Text.IsChinese ? "、" : ", ", change.Areas.Order().Select(area =>
        area == CampaignSettingArea.DialMode
            ? $"{DialMode}{(Text.IsChinese ? "" : " ")}{CampaignTexts.DialModeName(change.From)} → {CampaignTexts.DialModeName(change.To)}"
            : (string)Area(area)));

    public static Text Area(CampaignSettingArea area) => area switch
    {
        CampaignSettingArea.DialMode => DialMode,
        CampaignSettingArea.Pacing => new("话后处理时长与放弃率上限", "wrap-up time and abandon cap"),
        CampaignSettingArea.CallingWindows => new("呼叫时段", "calling windows"),
        CampaignSettingArea.AttemptLimits => new("拨打次数上限与监管规则", "attempt limits and regulator rules"),
        CampaignSettingArea.Retries => new("重拨规则", "retry rules"),
        CampaignSettingArea.CallerId => new("主叫号码", "caller id"),
        CampaignSettingArea.Amd => new("答录机检测", "answering-machine detection"),
        CampaignSettingArea.Recording => new("录音", "recording"),
        CampaignSettingArea.PreviewCountdown => new("预览倒计时", "preview countdown"),
        CampaignSettingArea.Desk => new("话术、结果代码与问卷", "script, dispositions and questionnaire"),
        _ => new(area.ToString(), area.ToString()),
    };
    public static readonly Text DatabaseDown = new(
        "数据库连接中断（自 {since} 起）：进行中的通话照常完成，暂停拨打新号码；{kept} 条记录暂存在本机，恢复后自动补写并继续拨号。",
        "The database is unreachable (since {since}): calls in progress go on, no new numbers are dialled; {kept} records are kept on this server and will be written, and dialling resumes, once it is back.");
    public static readonly Text Replaying = new("数据库已恢复：正在补写暂存的 {kept} 条记录。", "The database is back: writing the {kept} records kept meanwhile.");
    public static readonly Text Draining = new("系统正在停止：不再拨打新号码，进行中的通话结束后退出。", "The dialer is stopping: no new numbers are dialled; it exits once the calls in progress end.");
    public static readonly Text DatabaseUnavailable = new("数据库暂时无法连接，请稍后重试", "the database cannot be reached right now; try again shortly");

    public static Text State(AgentState state) => state switch
    {
        AgentState.LoggedOut => new("已签出", "Logged out"),
        AgentState.Ready => new("就绪", "Ready"),
        AgentState.Reserved => new("预占", "Reserved"),
        AgentState.OnCall => new("通话中", "On call"),
        AgentState.AfterCallWork => new("话后处理", "After-call work"),
        AgentState.NotReady => new("示忙", "Not ready"),
        _ => new(state.ToString(), state.ToString()),
    };
}
