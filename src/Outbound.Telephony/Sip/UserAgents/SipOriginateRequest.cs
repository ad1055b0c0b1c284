using Outbound.Telephony.Sip.Auth;
using Outbound.Telephony.Sip.Messages;
using Outbound.Telephony.Sip.Transport;

namespace Outbound.Telephony.Sip.UserAgents;

/// <summary>
/// What to dial: the Request-URI (number@trunk), the caller id (From), the SDP offer, how long to let it ring
/// before CANCEL, the next hop (the trunk or an agent's registered address), credentials for a challenge, and the
/// Max-Forwards to start with (a B2BUA passes on one less than it received, RFC 3261 §16.6 step 3).
/// </summary>
public sealed record SipOriginateRequest(
    SipUri Target,
    NameAddress CallerId,
    string? SdpOffer,
    TimeSpan RingTimeout,
    SipEndPoint NextHop,
    SipCredentials? Credentials = null,
    int MaxForwards = 70);
