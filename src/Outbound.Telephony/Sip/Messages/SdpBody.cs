using System.Text;

namespace Outbound.Telephony.Sip.Messages;

/// <summary>
/// The session description a request carries (RFC 3261 §8.2.3, RFC 5621): an application/sdp body as it is; the
/// application/sdp part of a multipart/mixed body (carriers add ISUP or location parts), relabelled so what goes on is
/// only SDP; anything else is a body we cannot take, which the stack answers 415 with Accept.
/// </summary>
public static class SdpBody
{
    public const string ContentType = "application/sdp";
    private const string Multipart = "multipart/mixed";

    /// <summary>Leaves the request with no body or an SDP body; false when the body is neither and has no SDP part.</summary>
    public static bool Normalize(SipMessage message)
    {
        if (message.Body.Length == 0) return true;
        var type = MediaType(message.ContentType);
        if (type == ContentType) return true;
        if (type != Multipart || SdpPart(message) is not { } sdp) return false;
        message.SetBody(ContentType, sdp);
        return true;
    }

    private static string MediaType(string? contentType) =>
        (contentType ?? string.Empty).Split(';')[0].Trim().ToLowerInvariant();

    private static string? SdpPart(SipMessage message)
    {
        var boundary = Boundary(message.ContentType!);
        if (boundary is null) return null;
        var delimiter = "--" + boundary;
        var body = Encoding.UTF8.GetString(message.Body);
        var at = body.IndexOf(delimiter, StringComparison.Ordinal);
        while (at >= 0)
        {
            var partStart = at + delimiter.Length;
            if (body.AsSpan(partStart).StartsWith("--")) return null;   // the closing delimiter
            var next = body.IndexOf("\r\n" + delimiter, partStart, StringComparison.Ordinal);
            if (next < 0) next = body.IndexOf("\n" + delimiter, partStart, StringComparison.Ordinal);
            if (next < 0) return null;
            var part = body[partStart..next].TrimStart('\r', '\n');
            var split = part.IndexOf("\r\n\r\n", StringComparison.Ordinal) is var crlf and >= 0 ? (crlf, 4)
                : part.IndexOf("\n\n", StringComparison.Ordinal) is var lf and >= 0 ? (lf, 2) : (-1, 0);
            if (split.Item1 >= 0)
            {
                var headers = part[..split.Item1].Split('\n').Select(h => h.Trim());
                var partType = headers.FirstOrDefault(h => h.StartsWith("Content-Type:", StringComparison.OrdinalIgnoreCase));
                if (partType is not null && MediaType(partType["Content-Type:".Length..]) == ContentType)
                    return part[(split.Item1 + split.Item2)..];
            }
            at = body.IndexOf(delimiter, next + 1, StringComparison.Ordinal);
        }
        return null;
    }

    private static string? Boundary(string contentType)
    {
        var semi = contentType.IndexOf(';');
        if (semi < 0) return null;
        try
        {
            return SipParameters.Parse(contentType[semi..])["boundary"];
        }
        catch (SipParseException)
        {
            return null;
        }
    }
}
