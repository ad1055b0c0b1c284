using Outbound.Core.Desk;
using Outbound.Web.Localization;

namespace Outbound.Web.Areas.Desk;

/// <summary>Texts of the agent desk (坐席工作台).</summary>
public static class DeskTexts
{
    public static readonly Text Title = new("坐席工作台", "Agent desk");
    public static readonly Text Campaign = new("项目", "Campaign");
    public static readonly Text LogIn = new("签入", "Log in");
    public static readonly Text LogOut = new("签出", "Log out");
    public static readonly Text Ready = new("就绪", "Ready");
    public static readonly Text NotReady = new("示忙", "Not ready");
    public static readonly Text Reason = new("原因", "Reason");
    public static readonly Text ReasonBreak = new("休息", "Break");
    public static readonly Text ReasonTraining = new("培训", "Training");
    public static readonly Text ReasonMeeting = new("会议", "Meeting");
    public static readonly Text State = new("状态", "State");
    public static readonly Text AfterCallWork = new("话后处理剩余", "After-call work left");
    public static readonly Text AnsweringMachine = new("答录机（非真人）", "Answering machine (no person)");
    public static readonly Text ScreenPop = new("来电弹屏", "Screen pop");
    public static readonly Text Phone = new("号码", "Phone");
    public static readonly Text Customer = new("客户", "Customer");
    public static readonly Text Fields = new("客户资料", "Customer fields");
    public static readonly Text History = new("联系记录", "Contact history");
    public static readonly Text Script = new("话术", "Script");
    public static readonly Text Collections = new("催收登记", "Collections form");
    public static readonly Text AmountDue = new("欠款金额", "Amount due");
    public static readonly Text RightParty = new("本人接听 (RPC)", "Right-party contact");
    public static readonly Text PromiseAmount = new("承诺还款金额", "Promise to pay: amount");
    public static readonly Text PromiseDate = new("承诺还款日期", "Promise to pay: date");
    public static readonly Text PaymentPlan = new("分期方案", "Payment plan");
    public static readonly Text RefusalReason = new("拒付原因", "Refusal reason");
    public static readonly Text Survey = new("回访问卷", "Survey");
    public static readonly Text Disposition = new("结果", "Disposition");
    public static readonly Text ChooseDisposition = new("请选择结果", "Choose a disposition");
    public static readonly Text Note = new("备注", "Note");
    public static readonly Text Callback = new("预约回拨", "Schedule a callback");
    public static readonly Text CallbackMine = new("由我回拨", "For me");
    public static readonly Text CallbackAnyone = new("任何坐席", "For anyone");
    public static readonly Text Submit = new("提交并就绪", "Save and ready");
    public static readonly Text SaveResult = new("保存结果", "Save result");
    public static readonly Text ResultSaved = new("结果已保存", "Result saved");
    public static readonly Text ResultMissing = new("请保存本通电话的结果", "Save this call's result");
    public static readonly Text WrapUpOver = new("话后处理时间已到：保存结果后即可就绪", "Wrap-up time is over: save the result to go ready");
    public static readonly Text HangUp = new("挂机", "Hang up");
    public static readonly Text PopCall = new("通话", "Call");
    public static readonly Text PopPreview = new("预览", "Preview");
    public static readonly Text AfterCall = new("通话结束后：{0}", "After this call: {0}");
    public static readonly Text MissingField = new("〔缺：{0}〕", "[missing: {0}]");
    public static readonly Text MissingFieldHint = new("客户资料中没有这一项，请向客户核实", "The lead has no value for this field: check it with the customer");
    public static readonly Text Dial = new("拨打", "Dial");
    public static readonly Text Skip = new("跳过", "Skip");
    public static readonly Text Search = new("查询客户", "Find a customer");
    public static readonly Text SearchHint = new("号码、姓名、客户编号或自定义字段", "Phone, name, lead id or custom field");
    public static readonly Text NoCampaigns = new("尚未分配任何项目。", "You are not assigned to any campaign.");
    public static readonly Text DispositionRequired = new("请选择结果。", "Choose a disposition.");
    public static readonly Text ResultRequired = new("请先保存本通电话的结果，再就绪或签出。", "Save this call's result first, then go ready or log out.");
    public static readonly Text UnknownDisposition = new("该项目没有这个结果代码。", "This campaign has no such disposition.");
    public static readonly Text NothingToDispose = new("当前没有可保存结果的通话。", "There is no call to save a result for.");
    public static readonly Text PromiseIncomplete = new("承诺还款需同时填写大于 0 的金额和日期。", "A promise to pay needs both an amount above 0 and a date.");
    public static readonly Text PromiseInPast = new("承诺还款日期不能早于今天。", "The promise-to-pay date cannot be before today.");
    public static readonly Text NotAssigned = new("您未被分配到该项目。", "You are not assigned to this campaign.");
    public static readonly Text ChooseCampaign = new("请至少选择一个项目。", "Choose at least one campaign.");
    public static readonly Text Campaigns = new("项目（可多选：呼入与外呼同时签入即为混合坐席，呼入优先）", "Campaigns (several: inbound with outbound makes a blended agent, inbound first)");
    public static readonly Text AlreadyLoggedIn = new("已签入其他项目，请先签出。", "Already logged in to a campaign: log out first.");
    public static readonly Text Saved = new("已保存。", "Saved.");
    public static readonly Text Connecting = new("正在连接…", "Connecting…");

    public static Text StateName(DeskState state) => state switch
    {
        DeskState.SignedOut => new("已签出", "Signed out"),
        DeskState.NotReady => new("示忙", "Not ready"),
        DeskState.Ready => new("就绪", "Ready"),
        DeskState.Reserved => new("预占", "Reserved"),
        DeskState.Ringing => new("呼叫中", "Ringing"),
        DeskState.Talking => new("通话中", "Talking"),
        DeskState.Held => new("保持中", "On hold"),
        DeskState.Consulting => new("咨询/转接中", "Consulting"),
        DeskState.AfterCallWork => new("话后处理", "After-call work"),
        _ => new(state.ToString(), state.ToString()),
    };

    public static Text ReasonName(string reason) => AgentReasonTexts.Of(reason);

    /// <summary>Why the desk did not do what the agent asked, worded for the agent.</summary>
    public static Text Refusal(DeskRefusal refusal) => refusal switch
    {
        DeskRefusal.NotSignedIn => new("请先签入。", "Log in first."),
        DeskRefusal.AlreadySignedIn => AlreadyLoggedIn,
        DeskRefusal.NoPhone => new("话机未连接，无法就绪：请签出后重新签入。", "Your phone is not connected: log out and in again to go ready."),
        DeskRefusal.ResultRequired => ResultRequired,
        DeskRefusal.OnCall => new("通话中不能这样操作，请先挂机或完成通话。", "Not during a call: hang up or finish the call first."),
        DeskRefusal.NoCall => NothingToDispose,
        DeskRefusal.NoPreview => new("当前没有预览的客户。", "There is no preview lead on screen."),
        DeskRefusal.NoConsult => CallControlTexts.NoConsult,
        DeskRefusal.ConsultInProgress => CallControlTexts.Busy,
        DeskRefusal.NotNow => new("现在不能这样操作。", "That cannot be done right now."),
        DeskRefusal.NotAvailable => new("当前不能接听新的通话。", "You cannot take a new call now."),
        _ => new(refusal.ToString(), refusal.ToString()),
    };
}
