using Outbound.Telephony.Rtp.Dtmf;
using Outbound.Telephony.Sip.Messages;

namespace Outbound.Telephony.SipAdapter;

/// <summary>DTMF sent as SIP INFO (application/dtmf-relay, <c>Signal=5</c>) by peers that do not use RFC 4733.</summary>
internal static class SipDtmfInfo
{
    public static char? Digit(SipRequest info)
    {
        if (info.Headers[SipHeaderNames.ContentType] is not { } type || !type.Trim().StartsWith("application/dtmf-relay", StringComparison.OrdinalIgnoreCase))
            return null;
        foreach (var line in info.BodyText.Split('\n'))
        {
            var parts = line.Split('=', 2);
            if (parts.Length == 2 && parts[0].Trim().Equals("Signal", StringComparison.OrdinalIgnoreCase)
                && parts[1].Trim() is { Length: 1 } value && DtmfDigit.IsDigit(value[0]))
                return char.ToUpperInvariant(value[0]);
        }
        return null;
    }
}
