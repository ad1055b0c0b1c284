namespace Outbound.Data.Demo;

/// <summary>
/// Stereo WAVs for the demo's quality calls, in the recorder's layout (customer left, agent right; 8 kHz, 16-bit PCM):
/// the two parties take turns of a few seconds, each turn a voiced tone with a syllable rhythm, so the player shows both
/// channels and seeking lands somewhere audible. Deterministic per seed.
/// </summary>
public static class DemoRecordings
{
    private const int Rate = 8000;

    public static void Write(string path, int seconds, int seed)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var random = new Random(seed);
        var frames = seconds * Rate;
        var samples = new short[frames * 2];
        var t = 0;
        var channel = random.Next(2);
        while (t < frames)
        {
            var turn = (int)((2.0 + random.NextDouble() * 2.5) * Rate);
            var pitch = channel == 0 ? 140 + random.Next(40) : 210 + random.Next(60);
            for (var i = 0; i < turn && t + i < frames; i++)
            {
                var time = (double)i / Rate;
                var syllable = Math.Max(0, Math.Sin(Math.PI * 4.2 * time));
                var fade = Math.Min(1, Math.Min(i, turn - i) / 400.0);
                var voice = Math.Sin(2 * Math.PI * pitch * time) + 0.45 * Math.Sin(4 * Math.PI * pitch * time) + 0.2 * Math.Sin(6 * Math.PI * pitch * time);
                samples[(t + i) * 2 + channel] = (short)(5200 * syllable * fade * voice);
            }
            t += turn + (int)(0.3 * Rate);
            channel ^= 1;
        }
        using var file = new BinaryWriter(File.Create(path));
        file.Write("RIFF"u8);
        file.Write(36 + samples.Length * 2);
        file.Write("WAVEfmt "u8);
        file.Write(16);
        file.Write((short)1);       // PCM
        file.Write((short)2);       // channels
        file.Write(Rate);
        file.Write(Rate * 2 * 2);   // bytes per second
        file.Write((short)4);       // block align
        file.Write((short)16);      // bits per sample
        file.Write("data"u8);
        file.Write(samples.Length * 2);
        foreach (var s in samples) file.Write(s);
    }
}
