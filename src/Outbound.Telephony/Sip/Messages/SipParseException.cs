namespace Outbound.Telephony.Sip.Messages;

/// <summary>
/// Raised inside the parsers only; <see cref="SipMessageParser"/> turns it into a <see cref="SipParseError"/>
/// so that malformed input never escapes as an exception (RFC 3261 §16.3 / §18.3: reject or drop).
/// </summary>
internal sealed class SipParseException(string reason) : Exception(reason);
