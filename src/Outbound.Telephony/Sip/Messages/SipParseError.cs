namespace Outbound.Telephony.Sip.Messages;

/// <summary>
/// Why a message was rejected. <see cref="Headers"/> holds what could be read of the header section, so a
/// transport can still answer a broken request (RFC 3261 §21.4.1) when Via, From, To, Call-ID and CSeq were
/// readable; <see cref="StatusCode"/> is that answer (400, 416 or 513).
/// </summary>
public sealed record SipParseError(string Reason, bool IsRequest, SipHeaders? Headers, int StatusCode = 400);
