using System.Buffers;
using System.Globalization;
using System.Text;
using Outbound.Telephony.Sip.Messages;

namespace Outbound.Telephony.Sip.Transport;

/// <summary>
/// Cuts a TCP byte stream into messages by Content-Length (RFC 3261 §18.3): buffers partial input, skips CRLF
/// keep-alives between messages, and reports a stream that can no longer be framed. The buffer is rented only while a
/// message is incomplete and given back once it is framed, so an idle connection holds none; the header section is
/// searched only once (a dribbled message costs what it weighs), and nothing past <c>maxMessageBytes</c> is buffered.
/// </summary>
public sealed class SipStreamFramer(int maxMessageBytes = 64 * 1024) : IDisposable
{
    private byte[] _buffer = [];
    private int _length;
    private int _searched;
    private int _frameLength = -1;

    /// <summary>True once the stream sent something that cannot be framed; the connection should be closed.</summary>
    public bool Broken { get; private set; }

    /// <summary>When the stream broke on a message over the limit: its header section, so the sender can get a 513.</summary>
    public byte[]? OversizedHeader { get; private set; }

    /// <summary>Bytes held for an incomplete message.</summary>
    public int Buffered => _length;

    public void Append(ReadOnlySpan<byte> data)
    {
        if (Broken || data.IsEmpty) return;
        if (_length + data.Length > _buffer.Length)
        {
            var grown = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, Math.Max(_length + data.Length, 4096)));
            _buffer.AsSpan(0, _length).CopyTo(grown);
            ReturnBuffer();
            _buffer = grown;
        }
        data.CopyTo(_buffer.AsSpan(_length));
        _length += data.Length;
    }

    /// <summary>The next complete message's bytes, or null when more input is needed (or the stream is broken).</summary>
    public byte[]? Next()
    {
        if (Broken) return null;
        if (_frameLength < 0 && !FrameHeader()) return null;
        if (_length < _frameLength) return null;
        var frame = _buffer.AsSpan(0, _frameLength).ToArray();
        Consume(_frameLength);
        _frameLength = -1;
        _searched = 0;
        return frame;
    }

    /// <summary>Finds the end of the header section (searching only what is new) and the message's full length.</summary>
    private bool FrameHeader()
    {
        var skip = SipMessageParser.SkipLeadingLineBreaks(_buffer.AsSpan(0, _length));
        if (skip > 0)
        {
            Consume(skip);
            _searched = 0;
        }
        if (_length == 0) return false;
        var from = Math.Max(0, _searched - 3);
        var headerEnd = SipMessageParser.FindHeaderEnd(_buffer.AsSpan(from, _length - from), out var bodyStart);
        _searched = _length;
        if (headerEnd < 0)
        {
            if (_length > Math.Min(maxMessageBytes, SipMessageParser.MaxHeaderBytes)) Broken = true;
            return false;
        }
        headerEnd += from;
        bodyStart += from;
        var bodyLength = ContentLength(_buffer.AsSpan(0, headerEnd));
        if (bodyLength is null)
        {
            Broken = true;
            return false;
        }
        if ((long)bodyStart + bodyLength.Value > maxMessageBytes)
        {
            OversizedHeader = _buffer.AsSpan(0, bodyStart).ToArray();
            Broken = true;
            return false;
        }
        _frameLength = bodyStart + bodyLength.Value;
        return true;
    }

    private void Consume(int count)
    {
        _buffer.AsSpan(count, _length - count).CopyTo(_buffer);
        _length -= count;
        if (_length == 0) ReturnBuffer();
    }

    private void ReturnBuffer()
    {
        if (_buffer.Length > 0) ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    /// <summary>Gives the buffer back (the connection closed).</summary>
    public void Dispose()
    {
        _length = 0;
        ReturnBuffer();
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
            return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var length) ? length : null;
        }
        return 0;
    }
}
