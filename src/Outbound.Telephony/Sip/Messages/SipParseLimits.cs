namespace Outbound.Telephony.Sip.Messages;

/// <summary>
/// What one message may hold before it is refused with 513 (RFC 3261 §21.5.14): header fields (counted per value
/// of a comma list) and body octets. A peer that sends more gets an answer, not our memory.
/// </summary>
public sealed record SipParseLimits(int MaxHeaderFields, int MaxBodyBytes)
{
    public static readonly SipParseLimits Default = new(MaxHeaderFields: 100, MaxBodyBytes: 32 * 1024);
}
