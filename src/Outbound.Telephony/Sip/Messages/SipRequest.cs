using System.Text;

namespace Outbound.Telephony.Sip.Messages;

/// <summary>A request (RFC 3261 §7.1). The Request-URI is a SIP/SIPS URI.</summary>
public sealed class SipRequest : SipMessage
{
    public required string Method { get; init; }
    public required SipUri Uri { get; set; }

    public int MaxForwards => Headers[SipHeaderNames.MaxForwards] is { } m ? (int)SipText.ParseBounded(m, 255, "Max-Forwards") : 70;

    protected override void AppendStartLine(StringBuilder sb) => sb.Append(Method).Append(' ').Append(Uri).Append(" SIP/2.0");
}
