using System.Globalization;
using System.Text;
using Outbound.Telephony.Sip.Messages;

namespace Outbound.Telephony.Sip.Transport;

/// <summary>
/// Cuts a TCP byte stream into messages by Content-Length (RFC 3261 §18.3): buffers partial input, skips
/// CRLF keep-alives between messages, and reports a stream that can no longer be framed.
/// </summary>
public sealed class SipStreamFramer
{
    private byte[] _buffer = new byte[8192];
    private int _length;

    /// <summary>True once the stream sent something that cannot be framed; the connection should be closed.</summary>
    public bool Broken { get; private set; }

    public void Append(ReadOnlySpan<byte> data)
    {
        if (_length + data.Length > _buffer.Length)
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + data.Length));
        data.CopyTo(_buffer.AsSpan(_length));
        _length += data.Length;
    }

    /// <summary>The next complete message's bytes, or null when more input is needed (or the stream is broken).</summary>
    public byte[]? Next()
    {
        if (Broken) return null;
        var skip = SipMessageParser.SkipLeadingLineBreaks(_buffer.AsSpan(0, _length));
        Consume(skip);
        var data = _buffer.AsSpan(0, _length);
        var headerEnd = SipMessageParser.FindHeaderEnd(data, out var bodyStart);
        if (headerEnd < 0)
        {
            if (_length > SipMessageParser.MaxHeaderBytes) Broken = true;
            return null;
        }
        var bodyLength = ContentLength(data[..headerEnd]);
        if (bodyLength is null)
        {
            Broken = true;
            return null;
        }
        var total = bodyStart + bodyLength.Value;
        if (_length < total) return null;
        var frame = data[..total].ToArray();
        Consume(total);
        return frame;
    }

    private void Consume(int count)
    {
        if (count == 0) return;
        _buffer.AsSpan(count, _length - count).CopyTo(_buffer);
        _length -= count;
    }

    /// <summary>Content-Length (or its compact form l) from the header block; 0 when absent (the parser then answers 400); null when unusable.</summary>
    private static int? ContentLength(ReadOnlySpan<byte> headerBlock)
    {
        foreach (var raw in Encoding.UTF8.GetString(headerBlock).Split('\n'))
        {
            var colon = raw.IndexOf(':');
            if (colon <= 0 || raw[0] is ' ' or '\t') continue;
            var name = raw[..colon].Trim();
            if (!name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) && !name.Equals("l", StringComparison.OrdinalIgnoreCase)) continue;
            var value = raw[(colon + 1)..].Trim();
            return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var length) && length <= 16 * 1024 * 1024 ? length : null;
        }
        return 0;
    }
}
