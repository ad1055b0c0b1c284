namespace Outbound.Telephony.Sip.Transactions;

/// <summary>
/// The base timer values of RFC 3261 §17.1.1.1 and Table 4: T1 (RTT estimate), T2 (longest non-INVITE
/// retransmit interval) and T4 (longest a message stays in the network). Every other timer derives from them.
/// </summary>
public sealed record SipTimerSettings(TimeSpan T1, TimeSpan T2, TimeSpan T4)
{
    public static readonly SipTimerSettings Default = new(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(5));

    /// <summary>Timers B, F, H, J (and M, L of RFC 6026): 64·T1.</summary>
    public TimeSpan Timeout => T1 * 64;
    /// <summary>Timer D: at least 32 s on unreliable transports.</summary>
    public TimeSpan TimerD => TimeSpan.FromSeconds(32) > Timeout ? TimeSpan.FromSeconds(32) : Timeout;
}
