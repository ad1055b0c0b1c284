using Outbound.Telephony.Sip.Messages;
using Outbound.Telephony.Sip.Transport;

namespace Outbound.Telephony.Sip.UserAgents;

/// <summary>
/// One registered contact of an agent: the Contact URI it gave and the address the REGISTER really came from,
/// which is where the agent is reached (the phone may sit behind NAT, RFC 5626 §5).
/// </summary>
public sealed record RegistrarBinding(string User, SipUri Contact, SipEndPoint Source, string CallId, long CSeq, DateTimeOffset ExpiresAt);
