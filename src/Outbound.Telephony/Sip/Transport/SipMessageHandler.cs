using Outbound.Telephony.Sip.Messages;

namespace Outbound.Telephony.Sip.Transport;

/// <summary>
/// Takes one well-formed message off the transport: where it came from, and how long it waited between arriving and
/// being handed over (the queueing delay overload control watches).
/// </summary>
public delegate void SipMessageHandler(SipMessage message, SipEndPoint source, TimeSpan queued);
