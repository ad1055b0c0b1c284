namespace Outbound.Telephony.Sip.UserAgents;

/// <summary>How a call leg ended, for whoever has to record why.</summary>
public enum SipCallEnd
{
    /// <summary>We hung up (BYE sent).</summary>
    Local,
    /// <summary>The peer hung up (BYE received).</summary>
    Remote,
    /// <summary>The caller gave up before the answer (CANCEL).</summary>
    Cancelled,
    /// <summary>We refused the call before answering it.</summary>
    Rejected,
    /// <summary>Our 2xx was never acknowledged (RFC 3261 §13.3.1.4): ended with BYE.</summary>
    NoAck,
    /// <summary>Nobody refreshed the session in time, or the peer no longer knew it (RFC 4028 §10): ended with BYE.</summary>
    SessionExpired,
}
