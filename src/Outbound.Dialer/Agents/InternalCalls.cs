using Akka.Actor;
using Outbound.Telephony.Port;

namespace Outbound.Dialer.Agents;

/// <summary>
/// 内部呼叫: one agent calls a colleague, phone to phone, outside any campaign. Both must be idle (ready or not ready);
/// while it rings they are reserved and while they talk on a call, so no campaign or queue offers them a customer; when it
/// ends each goes back to where it was. The desk asks with these commands; the reply to <see cref="Call"/> is an
/// <see cref="InternalCallReply"/>.
/// </summary>
public static class InternalCallCommands
{
    /// <summary>Ring the colleague whose session is <paramref name="Session"/>.</summary>
    public sealed record Call(string AgentId, IActorRef Session);

    public sealed record Answer;

    public sealed record Decline;

    public sealed record HangUp;
}

/// <summary>Null <see cref="Error"/>: the colleague's desk is ringing.</summary>
public sealed record InternalCallReply(string? Error)
{
    public const string NotIdle = "not_idle";
    public const string NoPhone = "no_phone";
}

/// <summary>Where an internal call is, as each side's desk shows it.</summary>
public enum InternalCallPhase
{
    /// <summary>The caller waits for the colleague to answer.</summary>
    Calling,
    /// <summary>The colleague's desk rings.</summary>
    Ringing,
    Talking,
    Ended,
}

/// <summary>Told to both desks as the call moves; <paramref name="Outcome"/> (an <see cref="InternalCallOutcome"/>) once it ended.</summary>
public sealed record InternalCallChanged(string AgentId, string PeerAgentId, InternalCallPhase Phase, string? Outcome = null);

/// <summary>How an internal call ended (internal_calls.outcome).</summary>
public static class InternalCallOutcome
{
    public const string Completed = "completed";
    public const string Declined = "declined";
    public const string NoAnswer = "no_answer";
    public const string Busy = "busy";
    public const string Cancelled = "cancelled";
    public const string Failed = "failed";
}

/// <summary>Between the <see cref="InternalCallActor"/> and the two sessions.</summary>
internal static class InternalCallProtocol
{
    /// <summary>To the colleague's session: ring the desk, reply <see cref="Ringing"/> or <see cref="Busy"/>.</summary>
    public sealed record Offer(IActorRef Call, string CallerAgentId);

    public sealed record Ringing(CallLegId Phone);

    public sealed record Busy;

    /// <summary>From a session: its agent answered (the colleague), hung up, declined, or left (logout, phone lost).</summary>
    public sealed record Answered;

    public sealed record Leave(string AgentId, string Outcome);

    /// <summary>To both sessions: the phones are joined.</summary>
    public sealed record Connected(IActorRef Call);

    /// <summary>To both sessions: the call is over; each goes back to where it was.</summary>
    public sealed record Over(IActorRef Call, string Outcome);
}
