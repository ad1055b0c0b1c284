using Outbound.Dialer.Agents;
using Outbound.Web.Localization;

namespace Outbound.Web.Areas.Desk;

/// <summary>Texts of the desk's internal call (内部呼叫) between colleagues.</summary>
public static class InternalCallTexts
{
    public static readonly Text Title = new("内部呼叫", "Internal call");
    public static readonly Text Colleague = new("同事", "Colleague");
    public static readonly Text Call = new("呼叫同事", "Call colleague");
    public static readonly Text Answer = new("接听", "Answer");
    public static readonly Text Decline = new("拒接", "Decline");
    public static readonly Text HangUp = new("挂断", "Hang up");
    public static readonly Text Calling = new("正在呼叫 {0}…", "Calling {0}…");
    public static readonly Text Ringing = new("{0} 来电（内部呼叫）", "{0} is calling you (internal)");
    public static readonly Text Talking = new("与 {0} 通话中", "Talking with {0}");
    public static readonly Text LogInFirst = new("请先签入。", "Log in first.");
    public static readonly Text ChooseColleague = new("请选择同事。", "Choose a colleague.");
    public static readonly Text NotIdle = new("只能在就绪或未就绪且没有通话时发起内部呼叫。", "You can call a colleague only when ready or not ready and not on a call.");
    public static readonly Text NoPhone = new("话机未连接。", "Your phone is not connected.");

    /// <summary>How the call ended, as the desk says it.</summary>
    public static Text Outcome(string outcome) => outcome switch
    {
        InternalCallOutcome.Completed => new("内部通话已结束。", "The internal call has ended."),
        InternalCallOutcome.Declined => new("对方拒接。", "The call was declined."),
        InternalCallOutcome.NoAnswer => new("无人接听。", "No answer."),
        InternalCallOutcome.Busy => new("对方忙，无法接听。", "Your colleague is busy."),
        InternalCallOutcome.Cancelled => new("呼叫已取消。", "The call was cancelled."),
        _ => new("内部呼叫未能接通。", "The internal call could not be connected."),
    };

    /// <summary>The text of the session's refusal, or null when the colleague is being rung.</summary>
    public static string? Error(string? code) => code switch
    {
        null => null,
        InternalCallReply.NoPhone => NoPhone.ToString(),
        _ => NotIdle.ToString(),
    };
}
