using Outbound.Core.Quality;
using Outbound.Data.Quality;
using Outbound.Web.Localization;

namespace Outbound.Web.Areas.Quality;

/// <summary>Texts of the quality pages (质检).</summary>
public static class QualityTexts
{
    public static readonly Text Title = new("质检", "Quality");
    public static readonly Text Dashboard = new("质检工作台", "Quality dashboard");
    public static readonly Text Forms = new("评分表", "Evaluation forms");
    public static readonly Text Plans = new("抽检计划", "Sampling plans");
    public static readonly Text Calibrations = new("校准", "Calibration");
    public static readonly Text Charts = new("控制图", "Control charts");
    public static readonly Text MyEvaluations = new("我的质检", "My evaluations");
    public static readonly Text MyQueue = new("待我评分", "To score");
    public static readonly Text DisputesToDecide = new("待裁定申诉", "Disputes to decide");
    public static readonly Text RecentEvaluations = new("近期评分", "Recent evaluations");
    public static readonly Text NoneYet = new("暂无。", "None yet.");

    public static readonly Text RecordingMissing = new("录音缺失", "recording missing");
    public static readonly Text NotRecorded = new("该通话没有录音", "this call was not recorded");
    public static readonly Text Recording = new("录音", "Recording");
    public static readonly Text Speed = new("语速", "Speed");
    public static readonly Text UseTime = new("记下当前时间", "Use current time");
    public static readonly Text JumpTo = new("跳到 {0}", "Jump to {0}");

    public static readonly Text Campaign = new("项目", "Campaign");
    public static readonly Text Agent = new("坐席", "Agent");
    public static readonly Text Scorer = new("质检员", "Scorer");
    public static readonly Text Call = new("通话", "Call");
    public static readonly Text Number = new("号码", "Number");
    public static readonly Text Customer = new("客户", "Customer");
    public static readonly Text Started = new("开始", "Started");
    public static readonly Text Connected = new("接通", "Connected");
    public static readonly Text Ended = new("结束", "Ended");
    public static readonly Text TalkTime = new("通话时长", "Talk time");
    public static readonly Text Outcome = new("结果", "Outcome");
    public static readonly Text Disposition = new("处置", "Disposition");
    public static readonly Text Events = new("通话事件", "Call events");
    public static readonly Text NoEvents = new("无记录的事件。", "No events recorded.");
    public static readonly Text DeskForm = new("坐席填写的业务表单", "The agent's desk form");
    public static readonly Text NoDeskForm = new("坐席未填写表单。", "The agent saved no form for this call.");
    public static readonly Text Note = new("备注", "Note");
    public static readonly Text AtTime = new("时间点", "Time in call");
    public static readonly Text Submit = new("提交评分", "Submit evaluation");
    public static readonly Text Score = new("得分", "Score");
    public static readonly Text BandLabel = new("等级", "Band");
    public static readonly Text State = new("状态", "State");
    public static readonly Text Date = new("日期", "Date");
    public static readonly Text Form = new("评分表", "Form");
    public static readonly Text Version = new("版本", "Version");
    public static readonly Text Open = new("打开", "Open");
    public static readonly Text ScoreIt = new("评分", "Score");
    public static readonly Text View = new("查看", "View");
    public static readonly Text Yes = new("是", "Yes");
    public static readonly Text No = new("否", "No");
    public static readonly Text NotApplicable = new("不适用", "N/A");
    public static readonly Text Occurrences = new("次数", "Occurrences");
    public static readonly Text Critical = new("致命项", "Critical");
    public static readonly Text CriticalFailed = new("致命项未通过", "Critical item failed");
    public static readonly Text Evaluated = new("评分已提交。", "Evaluation submitted.");
    public static readonly Text NoForm = new("该项目还没有评分表,请先建立评分表。", "This campaign has no evaluation form yet: create one first.");

    public static readonly Text Acknowledge = new("确认", "Acknowledge");
    public static readonly Text Dispute = new("申诉", "Dispute");
    public static readonly Text DisputeReason = new("申诉理由", "Why you dispute it");
    public static readonly Text Decide = new("裁定", "Decide");
    public static readonly Text Uphold = new("维持原评分", "Uphold the score");
    public static readonly Text Amend = new("修改评分", "Amend the answers");
    public static readonly Text DecisionNote = new("裁定说明", "Reason for the decision");
    public static readonly Text Decision = new("裁定结果", "Decision");
    public static readonly Text Log = new("处理记录", "History");
    public static readonly Text Done = new("已完成。", "Done.");
    public static readonly Text ScoreBefore = new("原得分", "Score before");

    public static readonly Text NewForm = new("新建评分表", "New form");
    public static readonly Text FormName = new("评分表名称", "Form name");
    public static readonly Text Applies = new("适用范围", "Applies to");
    public static readonly Text WholeTenant = new("该客户的全部项目", "Every campaign of the client");
    public static readonly Text Section = new("分组", "Section");
    public static readonly Text AddSection = new("添加分组", "Add section");
    public static readonly Text AddItem = new("添加评分项", "Add item");
    public static readonly Text Item = new("评分项", "Item");
    public static readonly Text Kind = new("类型", "Kind");
    public static readonly Text Weight = new("权重", "Weight");
    public static readonly Text ScaleMax = new("满分档(0–N)", "Scale 0–N");
    public static readonly Text DeductionPoints = new("每次扣分", "Points per occurrence");
    public static readonly Text AllowNa = new("可选不适用", "N/A allowed");
    public static readonly Text Topic = new("对应考核", "Assessment link");
    public static readonly Text TopicServiceLanguage = new("服务用语(考核第1条)", "Service language (rule 1)");
    public static readonly Text CriticalMode = new("致命项未通过时", "When a critical item fails");
    public static readonly Text ModeZero = new("整单得 0 分", "The evaluation scores 0");
    public static readonly Text ModeFlag = new("保留得分,判为不合格", "Keep the score, mark it failed");
    public static readonly Text Bands = new("等级线", "Bands");
    public static readonly Text From = new("从", "From");
    public static readonly Text To = new("到(不含)", "To (excluded)");
    public static readonly Text FormSaved = new("评分表已保存(第 {0} 版)。", "Form saved (version {0}).");
    public static readonly Text InUse = new("已用于评分:保存将生成新版本,已有评分保留原版本。", "Scored with: saving creates a new version; earlier evaluations keep theirs.");
    public static readonly Text Remove = new("删除", "Remove");

    public static readonly Text NewPlan = new("新建抽检计划", "New sampling plan");
    public static readonly Text Period = new("期间", "Period");
    public static readonly Text Month = new("月", "Month");
    public static readonly Text Week = new("周", "Week");
    public static readonly Text PerAgent = new("每名坐席抽检通数", "Calls per agent");
    public static readonly Text MinTalk = new("最短通话(秒)", "Minimum talk (s)");
    public static readonly Text TalkBands = new("通话时长分层(秒,逗号分隔)", "Talk time bands (s, comma separated)");
    public static readonly Text ComplaintDispositions = new("投诉类处置代码(逗号分隔,全部加抽)", "Complaint dispositions (comma separated, all added)");
    public static readonly Text LongCall = new("超长通话(分钟,全部加抽)", "Long calls (minutes, all added)");
    public static readonly Text ShortCall = new("过短通话(秒,全部加抽)", "Short calls (seconds, all added)");
    public static readonly Text TakeAll = new("坐席通话不足时全部抽取", "Take all of an agent's calls when they are fewer");
    public static readonly Text Seed = new("随机种子", "Random seed");
    public static readonly Text SeedHint = new("留空则随机生成;同一种子重算得到相同样本", "Empty: a random one; the same seed draws the same sample");
    public static readonly Text Create = new("生成计划", "Create plan");
    public static readonly Text Rerun = new("按原种子重算", "Draw again from the seed");
    public static readonly Text Calls = new("通话数", "Calls");
    public static readonly Text Agents = new("坐席数", "Agents");
    public static readonly Text Scored = new("已评", "Scored");
    public static readonly Text ToScore = new("待评", "To score");
    public static readonly Text Unassigned = new("(未分配)", "(unassigned)");
    public static readonly Text Reason = new("抽检原因", "Why sampled");
    public static readonly Text Stratum = new("分层", "Stratum");
    public static readonly Text Progress = new("进度", "Progress");
    public static readonly Text PlanShort = new("计划超出可抽通话:以下坐席的合格通话少于 {0} 通:{1}。请减少每人抽检数,或勾选“不足时全部抽取”。",
        "The plan is larger than the calls available: these agents have fewer than {0} eligible calls: {1}. Lower the calls per agent, or take all when fewer.");
    public static readonly Text PlanExists = new("该项目本期已有抽检计划。", "This campaign already has a plan for the period.");
    public static readonly Text PlanCreated = new("已抽取 {0} 通。", "{0} calls sampled.");
    public static readonly Text Rerun0 = new("按原种子重算完成,新增 {0} 通。", "Drawn again from the seed: {0} calls added.");

    public static readonly Text NewSession = new("新建校准会", "New calibration session");
    public static readonly Text SessionName = new("名称", "Name");
    public static readonly Text Tolerance = new("容差(分)", "Tolerance (points)");
    public static readonly Text Expert = new("专家(其评分作为标准)", "Expert (their scores are the standard)");
    public static readonly Text NoExpert = new("无:以平均分为共识", "None: the mean is the consensus");
    public static readonly Text Scorers = new("评分人", "Scorers");
    public static readonly Text PickCalls = new("选择通话(最多 20 通)", "Pick calls (up to 20)");
    public static readonly Text Close = new("结束校准并公布结果", "Close and show the results");
    public static readonly Text Blind = new("校准进行中:评分互不可见。", "In progress: scores are blind.");
    public static readonly Text Consensus = new("共识分", "Consensus");
    public static readonly Text Mean = new("平均", "Mean");
    public static readonly Text StdDev = new("标准差", "Std dev");
    public static readonly Text Range = new("极差", "Range");
    public static readonly Text Deviation = new("平均绝对偏差", "Mean abs deviation");
    public static readonly Text Bias = new("平均偏差", "Mean deviation");
    public static readonly Text OutsideTolerance = new("超出容差", "Outside tolerance");
    public static readonly Text Agreement = new("一致性", "Agreement");
    public static readonly Text SessionInvalid = new("请填写名称,选择 1–20 通有录音的通话、至少两名评分人,容差在 0–100 之间;专家须是评分人之一。",
        "Give a name, 1–20 recorded calls, two scorers or more and a tolerance of 0–100; the expert must be one of the scorers.");
    public static readonly Text Status = new("状态", "Status");
    public static readonly Text SessionOpen = new("进行中", "Open");
    public static readonly Text SessionClosed = new("已结束", "Closed");
    public static readonly Text Lead = new("主持人", "Lead");

    public static readonly Text Metric = new("指标", "Metric");
    public static readonly Text QaScore = new("质检得分", "QA score");
    public static readonly Text HandleTime = new("平均处理时长(秒)", "Average handle time (s)");
    public static readonly Text PerAgentChart = new("按坐席", "Per agent");
    public static readonly Text PerTeamChart = new("按班组", "Per team");
    public static readonly Text Show = new("显示", "Show");
    public static readonly Text MyChart = new("我的质检控制图(按周)", "My QA control chart (weekly)");
    public static readonly Text NoChart = new("还没有足够的质检评分。", "Not enough evaluations yet.");
    public static readonly Text ChartLegend = new("中心线为平均值,虚线为 ±3σ 控制限;红点为异常信号(超出控制限、连续 8 点在同侧、连续 6 点上升或下降)。",
        "The centre line is the mean, dashed lines the ±3σ limits; red points are signals (beyond a limit, 8 in a row on one side, 6 rising or falling).");

    public static string SignalText(RunSignal signals) => string.Join("; ", new[]
    {
        signals.HasFlag(RunSignal.BeyondLimits) ? (string)new Text("超出控制限", "beyond a limit") : null,
        signals.HasFlag(RunSignal.RunOfEight) ? (string)new Text("连续 8 点在中心线同侧", "8 in a row on one side") : null,
        signals.HasFlag(RunSignal.TrendOfSix) ? (string)new Text("连续 6 点上升或下降", "6 rising or falling") : null,
    }.OfType<string>());

    public static Text BandName(Band band) => band switch
    {
        Band.Excellent => new("优秀", "Excellent"),
        Band.Good => new("良好", "Good"),
        Band.Pass => new("合格", "Pass"),
        _ => new("不合格", "Fail"),
    };

    public static Text KindName(ItemKind kind) => kind switch
    {
        ItemKind.YesNo => new("是/否", "Yes/no"),
        ItemKind.Scale => new("0–N 评分", "0–N scale"),
        _ => new("扣分项", "Deduction"),
    };

    public static Text StateName(EvaluationState state) => state switch
    {
        EvaluationState.Submitted => new("待确认", "To acknowledge"),
        EvaluationState.Acknowledged => new("已确认", "Acknowledged"),
        EvaluationState.Disputed => new("申诉中", "Disputed"),
        EvaluationState.Decided => new("已裁定", "Decided"),
        _ => new("校准", "Calibration"),
    };

    public static Text ReasonName(SampleReason reason) => reason switch
    {
        SampleReason.Complaint => new("投诉", "Complaint"),
        SampleReason.LongCall => new("超长通话", "Long call"),
        SampleReason.ShortCall => new("过短通话", "Short call"),
        _ => new("随机", "Random"),
    };

    public static Text DecisionName(string? decision) => decision switch
    {
        "upheld" => new("维持原评分", "Upheld"),
        "amended" => new("已修改评分", "Amended"),
        _ => new("待裁定", "Waiting"),
    };

    public static Text Refusal(QualityRefusal refusal) => refusal switch
    {
        QualityRefusal.NotFound => new("未找到。", "Not found."),
        QualityRefusal.NotAllowed => new("您无权进行此操作。", "You may not do that."),
        QualityRefusal.OwnCall => new("不能评估自己的通话。", "You cannot evaluate your own call."),
        QualityRefusal.NotRecorded => new("所选通话不属于该项目或没有录音。", "A chosen call is not of this campaign or was not recorded."),
        QualityRefusal.AlreadyScored => new("该通话已有评分。", "This call has been scored already."),
        QualityRefusal.FormChanged => new("评分表不存在或已被删除,请刷新页面。", "The form is gone: reload the page."),
        QualityRefusal.NotInSession => new("该通话不在您参加的校准会中。", "That call is not in a calibration session you score in."),
        QualityRefusal.SessionClosed => new("校准会已结束。", "The calibration session is closed."),
        QualityRefusal.AlreadyAcknowledged => new("已确认的评分不能再申诉。", "An acknowledged evaluation cannot be disputed."),
        QualityRefusal.AlreadyDisputed => new("每份评分只能申诉一次。", "An evaluation can be disputed once."),
        QualityRefusal.NotDisputed => new("该评分没有待裁定的申诉。", "There is no dispute waiting on this evaluation."),
        QualityRefusal.NotYours => new("这不是您的评分。", "That is not your evaluation."),
        QualityRefusal.ReasonRequired => new("请填写理由。", "Please give a reason."),
        QualityRefusal.PlanExists => PlanExists,
        _ => new("操作被拒绝。", "Refused."),
    };

    public static string Problem(FormValidationError e) => e.Problem switch
    {
        FormProblem.NameRequired => new Text("请填写评分表名称。", "Give the form a name."),
        FormProblem.NoItems => new Text("评分表至少需要一个评分项。", "The form needs at least one item."),
        FormProblem.SectionTitleRequired => new Text("第 {0} 个分组缺少标题。", "Section {0} has no title.").Format(e.Args),
        FormProblem.ItemLabelRequired => new Text("评分项 {0} 缺少名称。", "Item {0} has no label.").Format(e.Args),
        FormProblem.ItemKeyDuplicate => new Text("评分项 {0} 的编码重复。", "Item {0} repeats a key.").Format(e.Args),
        FormProblem.WeightNegative => new Text("评分项 {0} 的权重不能为负。", "Item {0} has a negative weight.").Format(e.Args),
        FormProblem.WeightRequired => new Text("评分项 {0} 需要权重(非致命项、非扣分项)。", "Item {0} needs a weight (it is neither critical nor a deduction).").Format(e.Args),
        FormProblem.WeightsDoNotAddUp => new Text("权重合计为 {0},应为 {1}。", "The weights add up to {0}, not {1}.").Format(e.Args),
        FormProblem.ScaleMaxRange => new Text("评分项 {0} 的满分档应在 {1}–{2} 之间。", "Item {0}: the scale must be {1}–{2}.").Format(e.Args),
        FormProblem.DeductionPointsRange => new Text("扣分项 {0} 每次扣分应大于 0、不超过 {1}。", "Deduction {0}: points must be above 0 and at most {1}.").Format(e.Args),
        FormProblem.CriticalMustBeYesNo => new Text("致命项 {0} 必须是“是/否”类型。", "Critical item {0} must be yes/no.").Format(e.Args),
        FormProblem.BandMissing => new Text("缺少等级“{0}”。", "Band {0} is missing.").Format(BandName((Band)e.Args[0])),
        FormProblem.BandRange => new Text("等级“{0}”的范围应在 0–100 之间且下限小于上限。", "Band {0} must lie within 0–100 with its start below its end.").Format(BandName((Band)e.Args[0])),
        FormProblem.BandOverlap => new Text("等级“{0}”与“{1}”的分数范围重叠。", "Bands {0} and {1} overlap.").Format(BandName((Band)e.Args[0]), BandName((Band)e.Args[1])),
        FormProblem.BandGap => new Text("等级之间有空档:{0}–{1} 分不属于任何等级。", "The bands leave {0}–{1} uncovered.").Format(e.Args),
        _ => e.Problem.ToString(),
    };

    public static string Problem(AnswerError e) => e.Problem switch
    {
        AnswerProblem.Unanswered => new Text("“{0}”未作答。", "\"{0}\" is not answered.").Format(e.Args),
        AnswerProblem.UnknownItem => new Text("评分项 {0} 不在评分表中。", "Item {0} is not on the form.").Format(e.Key),
        AnswerProblem.NotApplicableRefused => new Text("“{0}”不能选不适用。", "\"{0}\" cannot be N/A.").Format(e.Args),
        AnswerProblem.ValueRange => new Text("“{0}”的分值应为 {1}–{2} 的整数。", "\"{0}\" takes a whole number {1}–{2}.").Format(e.Args),
        AnswerProblem.NothingApplicable => new Text("所有计分项都选了不适用,无法计分。", "Every weighted item is N/A: nothing to score."),
        AnswerProblem.NoteTooLong => new Text("“{0}”的备注超过 {1} 字。", "The note on \"{0}\" is over {1} characters.").Format(e.Args),
        AnswerProblem.TimeRange => new Text("“{0}”的时间点超出通话时长({1} 秒)。", "The time on \"{0}\" is past the end of the call ({1} s).").Format(e.Args),
        _ => e.Problem.ToString(),
    };

    public static string Problem(SamplingProblem p) => p switch
    {
        SamplingProblem.PerAgentRange => new Text("每名坐席抽检通数应为 1–{0}。", "Calls per agent must be 1–{0}.").Format(SamplingSettings.MaxPerAgent),
        SamplingProblem.MinTalkRange => new Text("最短通话应为 0–3600 秒。", "The minimum talk must be 0–3600 s."),
        SamplingProblem.BandsNotAscending => new Text("通话时长分层须为递增的正数。", "Talk time bands must be positive and ascending."),
        SamplingProblem.LongCallRange => new Text("超长通话应为 1–600 分钟。", "Long calls must be 1–600 minutes."),
        _ => new Text("过短通话应为 1–600 秒。", "Short calls must be 1–600 s."),
    };

    public static string Duration(int seconds) => $"{seconds / 60}:{seconds % 60:00}";
}
