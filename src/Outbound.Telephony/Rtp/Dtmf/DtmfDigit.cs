namespace Outbound.Telephony.Rtp.Dtmf;

/// <summary>DTMF digits as RFC 4733 §3.2 event codes: 0–9, * = 10, # = 11, A–D = 12–15.</summary>
public static class DtmfDigit
{
    private const string Digits = "0123456789*#ABCD";

    public static bool IsDigit(char digit) => Digits.Contains(char.ToUpperInvariant(digit));

    public static byte ToEvent(char digit)
    {
        var index = Digits.IndexOf(char.ToUpperInvariant(digit));
        return index >= 0 ? (byte)index : throw new ArgumentException($"'{digit}' is not a DTMF digit", nameof(digit));
    }

    public static char? FromEvent(byte eventCode) => eventCode < Digits.Length ? Digits[eventCode] : null;
}
