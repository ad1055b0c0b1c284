using System.Text;

namespace Outbound.Telephony.Sip.Messages;

/// <summary>
/// Parses a message from bytes (RFC 3261 §7, §25). Header folding, compact names, case-insensitive names and
/// comma lists are handled; anything malformed yields a <see cref="SipParseError"/>, never an exception.
/// </summary>
public static class SipMessageParser
{
    /// <summary>Largest header section accepted, so a stream peer cannot make us buffer without bound.</summary>
    public const int MaxHeaderBytes = 64 * 1024;

    /// <summary>
    /// Parses one message. For a datagram (<paramref name="isDatagram"/>), a missing Content-Length means the body
    /// runs to the end, extra octets after Content-Length are ignored and a body shorter than Content-Length is an
    /// error (§18.3, RFC 4475 §3.1.1.8 and §3.1.2.2).
    /// </summary>
    public static SipParseResult Parse(ReadOnlySpan<byte> data, bool isDatagram = true, SipParseLimits? limits = null)
    {
        limits ??= SipParseLimits.Default;
        SipHeaders? headers = null;
        var isRequest = false;
        try
        {
            var start = SkipLeadingLineBreaks(data);
            data = data[start..];
            var headerEnd = FindHeaderEnd(data, out var bodyStart);
            if (headerEnd < 0) throw new SipParseException("no end of header section");
            var lines = Unfold(Encoding.UTF8.GetString(data[..headerEnd]));
            if (lines.Count == 0) throw new SipParseException("empty message");
            isRequest = !lines[0].StartsWith("SIP/", StringComparison.Ordinal);
            headers = ParseHeaders(lines);
            if (headers.Count > limits.MaxHeaderFields)
                throw new SipParseException($"more than {limits.MaxHeaderFields} header fields", 513);
            var body = ReadBody(headers, data[bodyStart..], isDatagram, limits.MaxBodyBytes);
            var message = isRequest ? ParseRequestLine(lines[0], headers) : (SipMessage)ParseStatusLine(lines[0], headers);
            message.Body = body;
            SipMessageValidator.Validate(message);
            return new SipParseResult(message, null);
        }
        catch (SipParseException e)
        {
            return new SipParseResult(null, new SipParseError(e.Message, isRequest, headers, e.StatusCode));
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException or IndexOutOfRangeException)
        {
            // A parser bug must still not escape to the transport loop.
            return new SipParseResult(null, new SipParseError($"unparseable: {e.Message}", isRequest, headers));
        }
    }

    internal static int SkipLeadingLineBreaks(ReadOnlySpan<byte> data)
    {
        var i = 0;
        while (i < data.Length && data[i] is (byte)'\r' or (byte)'\n') i++;
        return i;
    }

    /// <summary>Index where the header section ends (before the empty line), or -1; accepts CRLF and bare LF.</summary>
    internal static int FindHeaderEnd(ReadOnlySpan<byte> data, out int bodyStart)
    {
        for (var i = 0; i < data.Length; i++)
        {
            if (data[i] != (byte)'\n') continue;
            if (i + 1 < data.Length && data[i + 1] == (byte)'\n')
            {
                bodyStart = i + 2;
                return i;
            }
            if (i + 2 < data.Length && data[i + 1] == (byte)'\r' && data[i + 2] == (byte)'\n')
            {
                bodyStart = i + 3;
                return i;
            }
        }
        bodyStart = -1;
        return -1;
    }

    /// <summary>Splits into lines and joins continuation lines (leading SP/HT) to the previous one (§7.3.1).</summary>
    private static List<string> Unfold(string text)
    {
        var lines = new List<string>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.EndsWith('\r') ? raw[..^1] : raw;
            if (line.Length > 0 && line[0] is ' ' or '\t')
            {
                if (lines.Count <= 1) throw new SipParseException("continuation line without a header");
                lines[^1] = lines[^1] + " " + line.Trim();
            }
            else lines.Add(line);
        }
        return lines;
    }

    private static SipHeaders ParseHeaders(List<string> lines)
    {
        var headers = new SipHeaders();
        for (var i = 1; i < lines.Count; i++)
        {
            var line = lines[i];
            var colon = line.IndexOf(':');
            if (colon <= 0) throw new SipParseException($"header line without a colon: '{Shorten(line)}'");
            var name = line[..colon].TrimEnd(' ', '\t');
            if (!SipText.IsToken(name)) throw new SipParseException($"bad header name '{Shorten(name)}'");
            var value = line[(colon + 1)..].Trim(' ', '\t');
            var canonical = SipHeaderNames.Normalize(name);
            if (SipHeaderNames.IsList(canonical) && value != "*")
            {
                foreach (var item in SipText.SplitOutsideQuotes(value, ','))
                    if (item.Trim().Length > 0) headers.Add(canonical, item.Trim());
            }
            else headers.Add(canonical, value);
        }
        return headers;
    }

    private static byte[] ReadBody(SipHeaders headers, ReadOnlySpan<byte> rest, bool isDatagram, int maxBodyBytes)
    {
        var lengths = headers.GetAll(SipHeaderNames.ContentLength);
        if (lengths.Count > 1) throw new SipParseException("more than one Content-Length");
        if (lengths.Count == 0)
        {
            if (!isDatagram) throw new SipParseException("Content-Length is required on a stream transport");
            if (rest.Length > maxBodyBytes) throw new SipParseException($"body over {maxBodyBytes} octets", 513);
            return rest.ToArray();
        }
        var length = SipText.ParseBounded(lengths[0], int.MaxValue, "Content-Length");
        if (length > maxBodyBytes) throw new SipParseException($"body over {maxBodyBytes} octets", 513);
        if (length > rest.Length) throw new SipParseException("body is shorter than Content-Length");
        return rest[..(int)length].ToArray();
    }

    private static SipRequest ParseRequestLine(string line, SipHeaders headers)
    {
        // Method SP Request-URI SP SIP-Version: exactly single spaces (RFC 4475 §3.1.2.9, §3.1.2.10).
        var parts = line.Split(' ');
        if (parts.Length != 3) throw new SipParseException($"bad request line '{Shorten(line)}'");
        if (!SipText.IsToken(parts[0])) throw new SipParseException($"bad method '{Shorten(parts[0])}'");
        if (parts[2] != "SIP/2.0") throw new SipParseException($"unsupported version '{Shorten(parts[2])}'");
        // §8.2.2.1: a well-formed absoluteURI of a scheme we do not serve (tel:, im:, …) gets 416, not 400.
        var colon = parts[1].IndexOf(':');
        if (colon > 0 && SipUri.IsSchemeToken(parts[1][..colon]) && !SipUri.IsSupportedScheme(parts[1][..colon]))
            throw new SipParseException($"unsupported URI scheme '{Shorten(parts[1][..colon])}'", 416);
        var uri = SipUri.Parse(parts[1]);
        if (uri.Headers is not null) throw new SipParseException("headers in the Request-URI");
        return new SipRequest { Method = parts[0], Uri = uri, Headers = headers };
    }

    private static SipResponse ParseStatusLine(string line, SipHeaders headers)
    {
        var firstSpace = line.IndexOf(' ');
        if (firstSpace < 0 || line[..firstSpace] != "SIP/2.0") throw new SipParseException($"bad status line '{Shorten(line)}'");
        var rest = line[(firstSpace + 1)..];
        var secondSpace = rest.IndexOf(' ');
        var codeText = secondSpace < 0 ? rest : rest[..secondSpace];
        if (codeText.Length != 3 || !codeText.All(char.IsAsciiDigit)) throw new SipParseException($"bad status code '{Shorten(codeText)}'");
        var code = int.Parse(codeText, System.Globalization.CultureInfo.InvariantCulture);
        if (code is < 100 or > 699) throw new SipParseException($"status code {code} out of range");
        return new SipResponse { StatusCode = code, Reason = secondSpace < 0 ? string.Empty : rest[(secondSpace + 1)..], Headers = headers };
    }

    private static string Shorten(string s) => s.Length <= 60 ? s : s[..60] + "…";
}
