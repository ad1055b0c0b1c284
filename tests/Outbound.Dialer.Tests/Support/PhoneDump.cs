using Outbound.Telephony.Rtp.Wav;
using Outbound.Telephony.Tests.Interop;

namespace Outbound.Dialer.Tests.Support;

/// <summary>
/// What a baresip phone received, read from its sndfile dump (<c>dump-*-dec.wav</c>, 16-bit PCM): while the call is up
/// (only the bytes written since a mark, the header not final yet) or after it (the whole file, as 8 kHz mono).
/// </summary>
internal sealed class PhoneDump(string folder, BaresipProcess phone)
{
    private string? File => Directory.GetFiles(folder, "*dec*.wav").OrderByDescending(f => new FileInfo(f).Length).FirstOrDefault();

    /// <summary>How many bytes the dump holds now (0 before the phone's first received frame).</summary>
    public long Length => File is { } file ? new FileInfo(file).Length : 0;

    /// <summary>The samples written after <paramref name="mark"/> (a <see cref="Length"/> taken earlier), whatever the rate or channels.</summary>
    public short[] WrittenSince(long mark)
    {
        if (File is not { } file) return [];
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        stream.Position = mark - mark % 2;
        var bytes = new byte[stream.Length - stream.Position];
        stream.ReadExactly(bytes);
        return Enumerable.Range(0, bytes.Length / 2).Select(i => BitConverter.ToInt16(bytes, 2 * i)).ToArray();
    }

    /// <summary>Everything received, as 8 kHz mono without the silence before and after; read once the phone's call ended.</summary>
    public short[] Heard()
    {
        var file = File;
        Assert.True(file is not null, $"no received-audio dump in {folder}\n{phone.Output}");
        var samples = WavAudio.Read(file).ToMono(8000).Samples;
        var last = Array.FindLastIndex(samples, s => Math.Abs((int)s) >= 300);
        return samples.Take(last + 1).SkipWhile(s => Math.Abs((int)s) < 300).ToArray();
    }
}
