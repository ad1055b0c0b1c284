namespace Outbound.Telephony.Rtp.Codecs;

/// <summary>
/// ITU-T G.711 A-law (RTP payload type 8, PCMA; RFC 3551 §4.5.14). Tables are computed once from the
/// segment algorithm on 13-bit magnitudes with even bits inverted (XOR 0x55).
/// </summary>
public static class ALaw
{
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
            var a = code ^ 0x55;
            var magnitude = (a & 0x0F) << 4;
            var segment = (a & 0x70) >> 4;
            magnitude = segment switch
            {
                0 => magnitude + 8,
                1 => magnitude + 0x108,
                _ => (magnitude + 0x108) << (segment - 1),
            };
            table[code] = (short)((a & 0x80) != 0 ? magnitude : -magnitude);
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
        var value = sample >> 3;
        int mask;
        if (value >= 0) mask = 0xD5;
        else { mask = 0x55; value = -value - 1; }
        var segment = 0;
        for (var end = 0x1F; segment < 8 && value > end; end = (end << 1) | 1) segment++;
        if (segment >= 8) return (byte)(0x7F ^ mask);
        var code = segment << 4;
        code |= segment < 2 ? (value >> 1) & 0x0F : (value >> segment) & 0x0F;
        return (byte)(code ^ mask);
    }
}
