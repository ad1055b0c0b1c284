using System.Globalization;
using System.Text;
using Outbound.Telephony.Sip.Messages;

namespace Outbound.Telephony.Sip.Transport;

/// <summary>
/// The cheap way out for a new INVITE under overload (RFC 3261 §8.2.7, stateless UAS): the core header lines are
/// read from the raw bytes, a 503 with Retry-After is written from them, and no transaction is made. Its ACK is known
/// by the To tag's prefix and dropped unread. Anything unusual (folded lines, a To with anything like a tag, missing
/// headers) is left to the full parser, which never sheds: a request inside a dialog is never mistaken for a new one.
/// </summary>
internal static class StatelessRejection
{
    private const string TagPrefix = "z503";
    private static readonly byte[] InviteStart = "INVITE "u8.ToArray();
    private static readonly byte[] AckStart = "ACK "u8.ToArray();
    private static readonly byte[] RejectionTag = Encoding.ASCII.GetBytes(";tag=" + TagPrefix);

    /// <summary>The header lines a 503 copies from a new INVITE (§8.2.6.2).</summary>
    public sealed record NewInvite(IReadOnlyList<string> Vias, string From, string To, string CallId, string CSeq);

    public static NewInvite? ReadNewInvite(ReadOnlySpan<byte> data)
    {
        if (!data.StartsWith(InviteStart)) return null;
        var headerEnd = SipMessageParser.FindHeaderEnd(data, out _);
        if (headerEnd < 0) return null;
        var vias = new List<string>();
        string? from = null, to = null, callId = null, cseq = null;
        var lines = Encoding.UTF8.GetString(data[..headerEnd]).Split('\n');
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length == 0) continue;
            if (line[0] is ' ' or '\t') return null;   // folded: the full parser's job
            var colon = line.IndexOf(':');
            if (colon <= 0) return null;
            var value = line[(colon + 1)..].Trim();
            switch (SipHeaderNames.Normalize(line[..colon].Trim()))
            {
                case SipHeaderNames.Via: vias.Add(value); break;
                case SipHeaderNames.From when from is null: from = value; break;
                case SipHeaderNames.To when to is null: to = value; break;
                case SipHeaderNames.CallId when callId is null: callId = value; break;
                case SipHeaderNames.CSeq when cseq is null: cseq = value; break;
                case SipHeaderNames.From or SipHeaderNames.To or SipHeaderNames.CallId or SipHeaderNames.CSeq: return null;
            }
        }
        if (vias.Count == 0 || from is null || to is null || callId is null || cseq is null || callId.Length == 0) return null;
        if (to.Contains("tag", StringComparison.OrdinalIgnoreCase)) return null;
        if (!cseq.EndsWith(" " + SipMethods.Invite, StringComparison.Ordinal)) return null;
        return new NewInvite(vias, from, to, callId, cseq);
    }

    public static byte[] ServiceUnavailable(NewInvite invite, TimeSpan retryAfter)
    {
        var sb = new StringBuilder(512).Append("SIP/2.0 503 Service Unavailable\r\n");
        foreach (var via in invite.Vias) sb.Append("Via: ").Append(via).Append("\r\n");
        sb.Append("From: ").Append(invite.From).Append("\r\n")
            .Append("To: ").Append(invite.To).Append(";tag=").Append(TagPrefix).Append(SipIds.Tag()).Append("\r\n")
            .Append("Call-ID: ").Append(invite.CallId).Append("\r\n")
            .Append("CSeq: ").Append(invite.CSeq).Append("\r\n")
            .Append("Retry-After: ").Append(((long)retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture)).Append("\r\n")
            .Append("Content-Length: 0\r\n\r\n");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    /// <summary>The ACK for one of our 503s: nothing to do with it.</summary>
    public static bool IsAckToRejection(ReadOnlySpan<byte> data) => data.StartsWith(AckStart) && data.IndexOf(RejectionTag) >= 0;
}
