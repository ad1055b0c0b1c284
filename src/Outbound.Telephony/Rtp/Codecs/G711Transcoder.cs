namespace Outbound.Telephony.Rtp.Codecs;

/// <summary>
/// μ-law ↔ A-law code conversion through linear PCM (ITU-T G.711 defines both over the same samples),
/// one 256-entry table per direction, so a relay can bridge a PCMU leg to a PCMA leg in place.
/// </summary>
public static class G711Transcoder
{
    private static readonly byte[] MuToA = Build(G711Law.MuLaw, G711Law.ALaw);
    private static readonly byte[] AToMu = Build(G711Law.ALaw, G711Law.MuLaw);

    public static void Transcode(G711Law from, G711Law to, Span<byte> codes)
    {
        if (from == to) return;
        var table = from == G711Law.MuLaw ? MuToA : AToMu;
        for (var i = 0; i < codes.Length; i++) codes[i] = table[codes[i]];
    }

    private static byte[] Build(G711Law from, G711Law to)
    {
        var codes = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        var samples = new short[256];
        from.Decode(codes, samples);
        var table = new byte[256];
        to.Encode(samples, table);
        return table;
    }
}
