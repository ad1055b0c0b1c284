namespace Outbound.Telephony.Rtp.Codecs;

/// <summary>
/// ITU-T G.711 μ-law (RTP payload type 0, PCMU; RFC 3551 §4.5.14). Tables are computed once from the
/// segment/quantisation algorithm (bias 0x84, 14-bit magnitude clipped at 8159, 8 segments of 16 steps).
/// </summary>
public static class MuLaw
{
    private const int Bias = 0x84;
    private const int Clip = 8159;
    private static readonly short[] DecodeTable = BuildDecodeTable();
    private static readonly byte[] EncodeTable = BuildEncodeTable();

    public static short Decode(byte code) => DecodeTable[code];

    public static byte Encode(short sample) => EncodeTable[(ushort)sample];

    public static void Decode(ReadOnlySpan<byte> codes, Span<short> samples)
    {
        for (var i = 0; i < codes.Length; i++) samples[i] = DecodeTable[codes[i]];
    }

    public static void Encode(ReadOnlySpan<short> samples, Span<byte> codes)
    {
        for (var i = 0; i < samples.Length; i++) codes[i] = EncodeTable[(ushort)samples[i]];
    }

    private static short[] BuildDecodeTable()
    {
        var table = new short[256];
        for (var code = 0; code < 256; code++)
        {
            var u = ~code & 0xFF;
            var magnitude = (((u & 0x0F) << 3) + Bias) << ((u & 0x70) >> 4);
            table[code] = (short)((u & 0x80) != 0 ? Bias - magnitude : magnitude - Bias);
        }
        return table;
    }

    private static byte[] BuildEncodeTable()
    {
        var table = new byte[65536];
        for (var i = 0; i < 65536; i++) table[i] = EncodeSlow((short)i);
        return table;
    }

    private static byte EncodeSlow(short sample)
    {
        var value = sample >> 2;
        int mask;
        if (value < 0) { value = -value; mask = 0x7F; }
        else mask = 0xFF;
        value = Math.Min(value, Clip) + (Bias >> 2);
        var segment = Segment(value);
        if (segment >= 8) return (byte)(0x7F ^ mask);
        return (byte)(((segment << 4) | ((value >> (segment + 1)) & 0x0F)) ^ mask);
    }

    /// <summary>Segment whose upper bound (0x3F, 0x7F … 0x1FFF) holds the biased magnitude.</summary>
    private static int Segment(int value)
    {
        var segment = 0;
        for (var end = 0x3F; segment < 8 && value > end; end = (end << 1) | 1) segment++;
        return segment;
    }
}
