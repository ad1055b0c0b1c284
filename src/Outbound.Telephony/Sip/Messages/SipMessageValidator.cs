namespace Outbound.Telephony.Sip.Messages;

/// <summary>
/// Checks a parsed message for the fields a user agent relies on (RFC 3261 §8.1.1, §8.2.2): mandatory headers
/// present once and well formed, CSeq method matching the request method, scalars in range.
/// </summary>
internal static class SipMessageValidator
{
    public static void Validate(SipMessage message)
    {
        foreach (var name in SipHeaderNames.Singletons)
            if (message.Headers.GetAll(name).Count > 1) throw new SipParseException($"more than one {name}");
        foreach (var name in new[] { SipHeaderNames.Via, SipHeaderNames.From, SipHeaderNames.To, SipHeaderNames.CallId, SipHeaderNames.CSeq })
            if (!message.Headers.Contains(name)) throw new SipParseException($"missing {name}");

        if (message.CallId.Length == 0 || message.CallId.Any(char.IsWhiteSpace)) throw new SipParseException("bad Call-ID");
        var cseq = message.CSeq;
        _ = message.Vias;
        _ = message.From;
        _ = message.To;
        _ = message.Contacts;
        _ = message.RecordRoutes;
        foreach (var route in message.Headers.GetAll(SipHeaderNames.Route)) NameAddress.Parse(route);
        _ = message.Expires;
        _ = message.SessionExpires;
        _ = message.MinSe;
        foreach (var contact in message.Contacts)
            if (contact.Parameters["expires"] is { } e) SipText.ParseBounded(e, uint.MaxValue, "Contact expires");

        if (message is SipRequest request)
        {
            _ = request.MaxForwards;
            // §8.1.1.5: the CSeq method matches the request method (RFC 4475 §3.1.2.17, §3.1.2.18).
            if (cseq.Method != request.Method) throw new SipParseException($"CSeq method {cseq.Method} does not match {request.Method}");
        }
        else if (message is SipResponse && message.Headers[SipHeaderNames.RetryAfter] is { } retry)
        {
            var digits = new string(retry.TrimStart().TakeWhile(char.IsAsciiDigit).ToArray());
            SipText.ParseBounded(digits, uint.MaxValue, "Retry-After");
        }
    }
}
