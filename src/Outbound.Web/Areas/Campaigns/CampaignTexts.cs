using Outbound.Core.Campaigns;
using Outbound.Web.Localization;

namespace Outbound.Web.Areas.Campaigns;

public static class CampaignTexts
{
    public static readonly Text ListTitle = new("外呼项目", "Campaigns");
    public static readonly Text NewCampaign = new("新建项目", "New campaign");
    public static readonly Text EditCampaign = new("编辑项目 {0}", "Edit campaign {0}");
    public static readonly Text NoCampaigns = new("暂无项目。", "No campaigns yet.");
    public static readonly Text Kind = new("项目类型", "Kind");
    public static readonly Text DialMode = new("拨号模式", "Dial mode");
    public static readonly Text Regulator = new("监管规则", "Regulator preset");
    public static readonly Text AbandonCap = new("放弃率上限（%）", "Abandon cap (%)");
    public static readonly Text AbandonWindow = new("放弃率统计窗口（小时）", "Abandon window (hours)");
    public static readonly Text Hours = new("{0} 小时", "{0} h");
    public static readonly Text MaxAttempts = new("最大拨打次数", "Max attempts");
    public static readonly Text CallerId = new("主叫号码", "Caller id");
    /// <summary>What the caller id is for an inbound campaign: the number customers call (the Sip adapter routes it to the queue).</summary>
    public static readonly Text HotlineNumber = new("热线号码", "Hotline number");
    public static Text CallerIdLabel(CampaignKind kind) => kind == CampaignKind.Inbound ? HotlineNumber : CallerId;
    public static readonly Text WrapUp = new("话后处理（秒）", "Wrap-up (seconds)");
    public static readonly Text PreviewCountdown = new("预览倒计时（秒，0 为等待坐席）", "Preview countdown (seconds, 0 waits for the agent)");
    public static readonly Text Amd = new("启用留言机检测（AMD）", "Answering-machine detection (AMD)");
    public static readonly Text AmdFalsePositive = new("检测误判真人为留言机的比例（%，保守估计；拨号中按坐席核对实测修正）",
        "Share of people the detector takes for machines (%, a conservative guess; the dialer corrects it from agents' checks)");
    public static readonly Text Record = new("通话录音", "Record calls");
    public static readonly Text Script = new("话术", "Script");
    public static readonly Text Windows = new("呼叫时段（被叫本地时间）", "Calling windows (the called party's local time)");
    public static readonly Text WindowsHint = new("留空则使用监管规则的默认时段。", "Leave empty to use the preset's default hours.");
    public static readonly Text Retry = new("重拨规则（分钟）", "Retry rules (minutes)");
    public static readonly Text RetryHint = new("未列出的结果不再重拨。", "Outcomes not listed are final.");
    public static readonly Text Fields = new("自定义名单字段", "Custom lead fields");
    public static readonly Text Dispositions = new("通话结果（处置码）", "Dispositions");
    public static readonly Text Questionnaire = new("回访问卷", "Questionnaire");
    public static readonly Text QuestionnaireTitle = new("问卷标题", "Questionnaire title");
    public static readonly Text AddRow = new("添加", "Add");
    public static readonly Text Remove = new("删除", "Remove");
    public static readonly Text AddQuestion = new("添加问题", "Add question");
    public static readonly Text HasQuestionnaire = new("使用问卷", "Use a questionnaire");
    public static readonly Text Day = new("星期", "Day");
    public static readonly Text Start = new("开始", "Start");
    public static readonly Text End = new("结束", "End");
    public static readonly Text Outcome = new("结果", "Outcome");
    public static readonly Text Minutes = new("分钟", "Minutes");
    public static readonly Text Key = new("键", "Key");
    public static readonly Text Label = new("显示名称", "Label");
    public static readonly Text Type = new("类型", "Type");
    public static readonly Text Required = new("必填", "Required");
    public static readonly Text IsContact = new("接通", "Contact");
    public static readonly Text IsRpc = new("本人", "Right party");
    public static readonly Text IsFinal = new("终结", "Final");
    public static readonly Text IsPtp = new("承诺还款", "Promise to pay");
    public static readonly Text QuestionId = new("编号", "Id");
    public static readonly Text QuestionText = new("题目", "Question");
    public static readonly Text Options = new("选项（每行一个）", "Options (one a line)");
    public static readonly Text ScaleRange = new("评分范围", "Scale");
    public static readonly Text SkipTo = new("跳转（答案=问题编号或 end，每行一个）", "Skip to (answer=question id or end, one a line)");
    public static readonly Text BadJson = new("“{0}”的内容无法读取，请重新编辑后保存。", "The {0} could not be read; edit them again and save.");
    public static readonly Text CodeTaken = new("编码 {0} 已被使用。", "The code {0} is already in use.");
    public static readonly Text TenantRequired = new("请选择客户。", "Choose a client.");
    public static readonly Text Created = new("已创建项目 {0}。", "Created campaign {0}.");
    public static readonly Text Updated = new("已保存项目 {0}。", "Saved campaign {0}.");
    public static readonly Text Settings = new("设置", "Settings");
    public static readonly Text Imports = new("名单导入记录", "List imports");
    public static readonly Text NoImports = new("尚未导入名单。", "No list loaded yet.");
    public static readonly Text UploadList = new("上传名单", "Upload a list");
    public static readonly Text ScriptEditorHint = new("需要启用 JavaScript 编辑列表。", "Editing the lists needs JavaScript.");

    public static Text KindName(CampaignKind kind) => kind switch
    {
        CampaignKind.Collections => new("催收", "Collections"),
        CampaignKind.CallbackSurvey => new("回访调查", "Callback survey"),
        CampaignKind.Telemarketing => new("电话营销", "Telemarketing"),
        CampaignKind.Inbound => new("呼入热线", "Inbound hotline"),
        _ => new(kind.ToString(), kind.ToString()),
    };

    public static Text DialModeName(Core.Campaigns.DialMode mode) => mode switch
    {
        Core.Campaigns.DialMode.Predictive => new("预测式", "Predictive"),
        Core.Campaigns.DialMode.Progressive => new("渐进式", "Progressive"),
        Core.Campaigns.DialMode.Preview => new("预览式", "Preview"),
        Core.Campaigns.DialMode.Manual => new("手动", "Manual"),
        _ => new(mode.ToString(), mode.ToString()),
    };

    public static Text PresetName(RegulatorPreset preset) => preset switch
    {
        RegulatorPreset.CnConsumerCollections => new("中国 消费信贷催收（08:00–22:00）", "China consumer collections (08:00–22:00)"),
        RegulatorPreset.UsTsr => new("美国 TSR（08:00–21:00，30 天 3%）", "US TSR (08:00–21:00, 3 % per 30 days)"),
        RegulatorPreset.UkOfcom => new("英国 Ofcom（24 小时 3%）", "UK Ofcom (3 % per 24 h)"),
        RegulatorPreset.Custom => new("自定义", "Custom"),
        _ => new(preset.ToString(), preset.ToString()),
    };

    public static Text OutcomeName(CallOutcome outcome) => outcome switch
    {
        CallOutcome.Answered => new("已接听", "Answered"),
        CallOutcome.Busy => new("忙线", "Busy"),
        CallOutcome.NoAnswer => new("无人接听", "No answer"),
        CallOutcome.Machine => new("留言机", "Answering machine"),
        CallOutcome.Abandoned => new("放弃", "Abandoned"),
        CallOutcome.Invalid => new("空号", "Invalid number"),
        CallOutcome.Congestion => new("网络拥塞", "Congestion"),
        CallOutcome.Rejected => new("拒接", "Rejected"),
        CallOutcome.Failed => new("失败", "Failed"),
        _ => new(outcome.ToString(), outcome.ToString()),
    };

    public static Text DayName(NodaTime.IsoDayOfWeek day) => day switch
    {
        NodaTime.IsoDayOfWeek.Monday => new("周一", "Mon"),
        NodaTime.IsoDayOfWeek.Tuesday => new("周二", "Tue"),
        NodaTime.IsoDayOfWeek.Wednesday => new("周三", "Wed"),
        NodaTime.IsoDayOfWeek.Thursday => new("周四", "Thu"),
        NodaTime.IsoDayOfWeek.Friday => new("周五", "Fri"),
        NodaTime.IsoDayOfWeek.Saturday => new("周六", "Sat"),
        NodaTime.IsoDayOfWeek.Sunday => new("周日", "Sun"),
        _ => new(day.ToString(), day.ToString()),
    };

    public static Text FieldTypeName(LeadFieldType type) => type switch
    {
        LeadFieldType.Text => new("文本", "Text"),
        LeadFieldType.Number => new("数字", "Number"),
        LeadFieldType.Money => new("金额", "Money"),
        LeadFieldType.Date => new("日期", "Date"),
        _ => new(type.ToString(), type.ToString()),
    };

    public static Text QuestionTypeName(QuestionType type) => type switch
    {
        QuestionType.SingleChoice => new("单选", "Single choice"),
        QuestionType.MultipleChoice => new("多选", "Multiple choice"),
        QuestionType.Scale => new("评分", "Scale"),
        QuestionType.Text => new("文字回答", "Free text"),
        _ => new(type.ToString(), type.ToString()),
    };

    /// <summary>Status code → text in the request's language, for the live pages' scripts (the dialer pushes codes).</summary>
    public static IReadOnlyDictionary<string, string> StatusLabels() =>
        new[] { "draft", "running", "paused", "stopped" }.ToDictionary(s => s, s => StatusName(s).ToString());

    public static Text StatusName(string status) => status switch
    {
        "draft" => new("草稿", "Draft"),
        "running" => new("运行中", "Running"),
        "paused" => new("已暂停", "Paused"),
        "stopped" => new("已停止", "Stopped"),
        _ => new(status, status),
    };
}
