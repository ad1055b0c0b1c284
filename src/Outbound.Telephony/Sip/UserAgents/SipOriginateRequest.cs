using Outbound.Telephony.Sip.Auth;
using Outbound.Telephony.Sip.Messages;
using Outbound.Telephony.Sip.Transport;

namespace Outbound.Telephony.Sip.UserAgents;

/// <summary>
/// What to dial: the Request-URI (number@trunk), the caller id (From), the SDP offer, how long to let it ring
/// before CANCEL, the next hop (the trunk or an agent's registered address) and credentials for a challenge.
/// </summary>
public sealed record SipOriginateRequest(
    SipUri Target,
    NameAddress CallerId,
    string? SdpOffer,
    TimeSpan RingTimeout,
    SipEndPoint NextHop,
    SipCredentials? Credentials = null);
