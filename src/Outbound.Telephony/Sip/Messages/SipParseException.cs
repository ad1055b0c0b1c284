namespace Outbound.Telephony.Sip.Messages;

/// <summary>
/// Raised inside the parsers only; <see cref="SipMessageParser"/> turns it into a <see cref="SipParseError"/>
/// so that malformed input never escapes as an exception (RFC 3261 §16.3 / §18.3: reject or drop).
/// <paramref name="statusCode"/> is the answer a request gets: 400 by default, 416 for a Request-URI scheme we do
/// not serve (§8.2.2.1), 513 for a message over our limits (§21.5.14).
/// </summary>
internal sealed class SipParseException(string reason, int statusCode = 400) : Exception(reason)
{
    public int StatusCode { get; } = statusCode;
}
