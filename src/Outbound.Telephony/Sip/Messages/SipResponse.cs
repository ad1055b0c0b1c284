using System.Text;

namespace Outbound.Telephony.Sip.Messages;

/// <summary>A response (RFC 3261 §7.2).</summary>
public sealed class SipResponse : SipMessage
{
    public required int StatusCode { get; init; }
    public string Reason { get; init; } = string.Empty;

    public bool IsProvisional => StatusCode < 200;
    public bool IsSuccess => StatusCode is >= 200 and < 300;

    /// <summary>
    /// A response to <paramref name="request"/> per §8.2.6.2: Via, From, To, Call-ID and CSeq copied; a To tag
    /// added when given and the request had none.
    /// </summary>
    public static SipResponse For(SipRequest request, int statusCode, string? reason = null, string? toTag = null)
    {
        var response = new SipResponse { StatusCode = statusCode, Reason = reason ?? SipReasons.For(statusCode) };
        CopyCore(request.Headers, response.Headers, toTag);
        return response;
    }

    /// <summary>A response built from raw request headers (400, 416 or 513 to a request that failed to parse), with a To tag (§8.2.6.2).</summary>
    internal static SipResponse ForHeaders(SipHeaders requestHeaders, int statusCode, string reason)
    {
        var response = new SipResponse { StatusCode = statusCode, Reason = reason };
        CopyCore(requestHeaders, response.Headers, toTag: SipIds.Tag());
        return response;
    }

    /// <summary>
    /// What goes out instead of a final response too large for a datagram: 500 with the same Via, From, To, Call-ID and
    /// CSeq, so the request is still answered (the registrar keeps its 200s small by capping contacts per address-of-record).
    /// </summary>
    internal static SipResponse TooLargeFallback(SipResponse tooLarge)
    {
        var response = new SipResponse { StatusCode = 500, Reason = "Response Too Large" };
        foreach (var via in tooLarge.Headers.GetAll(SipHeaderNames.Via)) response.Headers.Add(SipHeaderNames.Via, via);
        foreach (var name in new[] { SipHeaderNames.From, SipHeaderNames.To, SipHeaderNames.CallId, SipHeaderNames.CSeq })
            response.Headers.Add(name, tooLarge.Headers[name] ?? string.Empty);
        return response;
    }

    private static void CopyCore(SipHeaders from, SipHeaders to, string? toTag)
    {
        foreach (var via in from.GetAll(SipHeaderNames.Via)) to.Add(SipHeaderNames.Via, via);
        to.Add(SipHeaderNames.From, from[SipHeaderNames.From] ?? string.Empty);
        var toValue = from[SipHeaderNames.To] ?? string.Empty;
        if (toTag is not null && NameAddress.TryParse(toValue, out var address) && address!.Tag is null)
            toValue = address.WithTag(toTag).ToString();
        to.Add(SipHeaderNames.To, toValue);
        to.Add(SipHeaderNames.CallId, from[SipHeaderNames.CallId] ?? string.Empty);
        to.Add(SipHeaderNames.CSeq, from[SipHeaderNames.CSeq] ?? string.Empty);
    }

    protected override void AppendStartLine(StringBuilder sb) => sb.Append("SIP/2.0 ").Append(StatusCode).Append(' ').Append(Reason);
}
