using System.Globalization;
using System.Text;

namespace Outbound.Telephony.Sip.Messages;

/// <summary>
/// A SIP request or response (RFC 3261 §7). Headers are the source of truth; the typed accessors read them.
/// Messages that came from <see cref="SipMessageParser"/> have been validated, so the accessors do not fail on them.
/// </summary>
public abstract class SipMessage
{
    public SipHeaders Headers { get; init; } = new();
    public byte[] Body { get; set; } = [];

    public string CallId => Headers[SipHeaderNames.CallId] ?? string.Empty;
    public CSeqHeader CSeq => CSeqHeader.Parse(Headers[SipHeaderNames.CSeq] ?? throw new InvalidOperationException("no CSeq"));
    public NameAddress From => NameAddress.Parse(Headers[SipHeaderNames.From] ?? throw new InvalidOperationException("no From"));
    public NameAddress To => NameAddress.Parse(Headers[SipHeaderNames.To] ?? throw new InvalidOperationException("no To"));
    public IReadOnlyList<ViaHeader> Vias => Headers.GetAll(SipHeaderNames.Via).Select(ViaHeader.Parse).ToList();
    public ViaHeader TopVia => ViaHeader.Parse(Headers[SipHeaderNames.Via] ?? throw new InvalidOperationException("no Via"));
    public IReadOnlyList<NameAddress> Contacts =>
        Headers.GetAll(SipHeaderNames.Contact).Where(c => c.Trim() != "*").Select(NameAddress.Parse).ToList();
    public IReadOnlyList<NameAddress> RecordRoutes => Headers.GetAll(SipHeaderNames.RecordRoute).Select(NameAddress.Parse).ToList();
    public string? ContentType => Headers[SipHeaderNames.ContentType];

    /// <summary>The Expires header as seconds, or null when absent.</summary>
    public long? Expires => Headers[SipHeaderNames.Expires] is { } e ? SipText.ParseBounded(e, uint.MaxValue, "Expires") : null;

    /// <summary>Seconds of a Retry-After header (§20.33), ignoring its comment and parameters.</summary>
    public long? RetryAfter
    {
        get
        {
            var value = Headers[SipHeaderNames.RetryAfter];
            if (value is null) return null;
            var digits = new string(value.TrimStart().TakeWhile(char.IsAsciiDigit).ToArray());
            return digits.Length is > 0 and <= 10 ? long.Parse(digits, CultureInfo.InvariantCulture) : null;
        }
    }

    /// <summary>Session-Expires (RFC 4028 §4), or null when absent.</summary>
    public SessionExpiresHeader? SessionExpires =>
        Headers[SipHeaderNames.SessionExpires] is { } value ? SessionExpiresHeader.Parse(value) : null;

    /// <summary>Min-SE in seconds (RFC 4028 §5), or null when absent.</summary>
    public long? MinSe => Headers[SipHeaderNames.MinSe] is { } value
        ? SipText.ParseBounded(value.Split(';')[0], uint.MaxValue, "Min-SE")
        : null;

    /// <summary>True when a Supported (or Require) header lists <paramref name="optionTag"/> (§20.37, §20.32).</summary>
    public bool Supports(string optionTag) =>
        Headers.GetAll(SipHeaderNames.Supported).Concat(Headers.GetAll(SipHeaderNames.Require))
            .Any(t => string.Equals(t.Trim(), optionTag, StringComparison.OrdinalIgnoreCase));

    public string BodyText => Encoding.UTF8.GetString(Body);

    public void SetBody(string contentType, string body)
    {
        Headers.Set(SipHeaderNames.ContentType, contentType);
        Body = Encoding.UTF8.GetBytes(body);
    }

    protected abstract void AppendStartLine(StringBuilder sb);

    /// <summary>Serialises with a Content-Length that always matches the body (§18.3 framing).</summary>
    public byte[] ToBytes()
    {
        var sb = new StringBuilder(512);
        AppendStartLine(sb);
        sb.Append("\r\n");
        foreach (var (name, value) in Headers.Items)
        {
            if (string.Equals(name, SipHeaderNames.ContentLength, StringComparison.OrdinalIgnoreCase)) continue;
            sb.Append(name).Append(": ").Append(value).Append("\r\n");
        }
        sb.Append("Content-Length: ").Append(Body.Length).Append("\r\n\r\n");
        var head = Encoding.UTF8.GetBytes(sb.ToString());
        if (Body.Length == 0) return head;
        var bytes = new byte[head.Length + Body.Length];
        head.CopyTo(bytes, 0);
        Body.CopyTo(bytes, head.Length);
        return bytes;
    }

    public override string ToString() => Encoding.UTF8.GetString(ToBytes());
}
