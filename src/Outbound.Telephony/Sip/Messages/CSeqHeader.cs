namespace Outbound.Telephony.Sip.Messages;

/// <summary>CSeq (RFC 3261 §20.16): a sequence number below 2^31 and the method.</summary>
public sealed record CSeqHeader(long Number, string Method)
{
    internal static CSeqHeader Parse(string text)
    {
        var parts = text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2) throw new SipParseException($"bad CSeq '{text}'");
        var number = SipText.ParseBounded(parts[0], int.MaxValue, "CSeq number");
        if (!SipText.IsToken(parts[1])) throw new SipParseException($"bad CSeq method '{parts[1]}'");
        return new CSeqHeader(number, parts[1]);
    }

    public override string ToString() => $"{Number} {Method}";
}
