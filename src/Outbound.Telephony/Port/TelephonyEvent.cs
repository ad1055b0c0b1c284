namespace Outbound.Telephony.Port;

/// <summary>What happened on a leg, as the dialer needs to know it.</summary>
public abstract record TelephonyEvent(CallLegId Leg, DateTimeOffset At)
{
    public sealed record Ringing(CallLegId Leg, DateTimeOffset At) : TelephonyEvent(Leg, At);

    /// <summary>183 Session Progress with media: ring-back tones or carrier announcements.</summary>
    public sealed record EarlyMedia(CallLegId Leg, DateTimeOffset At) : TelephonyEvent(Leg, At);

    /// <summary>The call was answered; with AMD on, <paramref name="By"/> says who (after detection).</summary>
    public sealed record Answered(CallLegId Leg, DateTimeOffset At, AnsweredBy By) : TelephonyEvent(Leg, At);

    public sealed record Failed(CallLegId Leg, DateTimeOffset At, FailureReason Reason) : TelephonyEvent(Leg, At);

    /// <param name="ByRemote">True when the far end hung up, false when we did.</param>
    public sealed record HungUp(CallLegId Leg, DateTimeOffset At, bool ByRemote, HangupCause Cause) : TelephonyEvent(Leg, At);

    public sealed record Bridged(CallLegId Leg, DateTimeOffset At, CallLegId Other) : TelephonyEvent(Leg, At);

    public sealed record DtmfReceived(CallLegId Leg, DateTimeOffset At, char Digit) : TelephonyEvent(Leg, At);

    public sealed record PromptFinished(CallLegId Leg, DateTimeOffset At, string PromptId) : TelephonyEvent(Leg, At);

    public sealed record RecordingStopped(CallLegId Leg, DateTimeOffset At, string Path) : TelephonyEvent(Leg, At);
}

public enum AnsweredBy { Human, Machine, Unknown }

public enum FailureReason { Busy, NoAnswer, Invalid, Congestion, Rejected, TrunkDown }
