using Outbound.Dialer.Calls;
using Outbound.Web.Localization;

namespace Outbound.Web.Areas.Desk;

/// <summary>Texts of the desk's soft-phone call control (保持、转接、咨询、三方) and of the wallboard's monitoring (监听、强插 …).</summary>
public static class CallControlTexts
{
    public static readonly Text Title = new("通话控制", "Call control");
    public static readonly Text Hold = new("保持", "Hold");
    public static readonly Text Retrieve = new("取回", "Retrieve");
    public static readonly Text Target = new("转接对象", "Transfer to");
    public static readonly Text ChooseAgent = new("选择坐席…", "Choose an agent…");
    public static readonly Text ExternalNumber = new("或外部号码", "or an external number");
    public static readonly Text BlindTransfer = new("转接", "Transfer");
    public static readonly Text Consult = new("咨询", "Consult");
    public static readonly Text CompleteTransfer = new("完成转接", "Complete transfer");
    public static readonly Text Conference = new("三方通话", "Conference");
    public static readonly Text CancelConsult = new("取消咨询", "Cancel consult");
    public static readonly Text Held = new("客户保持中（听等待音乐）", "Customer on hold (hearing music)");
    public static readonly Text Consulting = new("正在咨询：{0}", "Consulting {0}");
    public static readonly Text Ringing = new("（呼叫中）", "(ringing)");
    public static readonly Text InConference = new("三方通话中", "In a conference");
    public static readonly Text TargetBusy = new("转接对象未就绪，客户已取回。", "The target is not ready: the customer is back with you.");
    public static readonly Text TargetFailed = new("外部号码未接通，客户已取回。", "The number was not reached: the customer is back with you.");
    public static readonly Text TargetLeft = new("咨询对象已挂机。", "The consulted party hung up.");
    public static readonly Text TargetNoAnswer = new("外部号码无人接听，已放弃，客户已取回。", "The number did not answer and was given up: the customer is back with you.");
    public static readonly Text NotNow = new("现在不能这样操作。", "That cannot be done right now.");
    public static readonly Text ChooseTarget = new("请选择坐席或输入号码。", "Choose an agent or enter a number.");
    public static readonly Text BadTarget = new("该坐席未签入本项目。", "That agent is not logged in to this campaign.");
    public static readonly Text BadNumber = new("号码格式不正确。", "That number is not valid.");
    public static readonly Text NotOnCall = new("当前没有通话。", "You are not on a call.");
    public static readonly Text Busy = new("正在进行其他操作，请先完成或取消。", "Another operation is in progress: complete or cancel it first.");
    public static readonly Text NoConsult = new("没有进行中的咨询。", "There is no consult in progress.");
    public static readonly Text NoSupervisorPhone = new("无法接通班长话机。", "Your phone could not be reached.");

    public static readonly Text Listen = new("监听", "Listen");
    public static readonly Text Whisper = new("耳语", "Whisper");
    public static readonly Text Barge = new("强插", "Barge in");
    public static readonly Text StopMonitor = new("结束监听", "Stop monitoring");
    public static readonly Text ForceRelease = new("强拆", "Force release");
    public static readonly Text Intercept = new("拦截", "Intercept");

    /// <summary>The text of a call actor's refusal, or null when it was done.</summary>
    public static string? Error(string? code) => code is null ? null : code switch
    {
        CallControlReply.NotOnCall => NotOnCall.ToString(),
        CallControlReply.Busy => Busy,
        CallControlReply.NoConsult => NoConsult,
        CallControlReply.NoSupervisorPhone => NoSupervisorPhone,
        CallControlReply.NotNow => NotNow,
        _ => NotOnCall,
    };
}
