namespace Outbound.Telephony.Rtp.Codecs;

/// <summary>The two G.711 laws with their static RTP payload types (RFC 3551 §6, table 4).</summary>
public enum G711Law
{
    MuLaw = 0,
    ALaw = 8,
}

public static class G711
{
    public const int SampleRate = 8000;
    /// <summary>20 ms at 8 kHz: the ptime every leg uses unless the SDP says otherwise.</summary>
    public const int SamplesPerFrame = 160;

    public static byte PayloadType(this G711Law law) => (byte)law;

    public static G711Law? FromPayloadType(int payloadType) => payloadType switch
    {
        0 => G711Law.MuLaw,
        8 => G711Law.ALaw,
        _ => null,
    };

    public static void Decode(this G711Law law, ReadOnlySpan<byte> codes, Span<short> samples)
    {
        if (law == G711Law.MuLaw) MuLaw.Decode(codes, samples);
        else ALaw.Decode(codes, samples);
    }

    public static void Encode(this G711Law law, ReadOnlySpan<short> samples, Span<byte> codes)
    {
        if (law == G711Law.MuLaw) MuLaw.Encode(samples, codes);
        else ALaw.Encode(samples, codes);
    }

    /// <summary>The code for digital silence (linear 0) in this law.</summary>
    public static byte SilenceCode(this G711Law law) => law == G711Law.MuLaw ? (byte)0xFF : (byte)0xD5;
}
