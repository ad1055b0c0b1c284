namespace Outbound.Telephony.Tests.Amd;

/// <summary>
/// Builds 8 kHz test audio from a script of voiced and silent spans: voiced spans are a 180 Hz
/// glottal-like buzz with a syllable-rate envelope (loud enough to pass the 256 threshold), silence is
/// low background noise well under it.
/// </summary>
internal static class SyntheticSpeech
{
    public static short[] Build(params (bool Voiced, int Ms)[] script)
    {
        var random = new Random(42);
        var samples = new List<short>();
        foreach (var (voiced, ms) in script)
        {
            var count = ms * 8;
            for (var i = 0; i < count; i++)
            {
                double value;
                if (voiced)
                {
                    var t = i / 8000.0;
                    var envelope = 0.6 + 0.4 * Math.Sin(2 * Math.PI * 4 * t);
                    value = envelope * 6000 * (Math.Sin(2 * Math.PI * 180 * t) + 0.5 * Math.Sin(2 * Math.PI * 360 * t) + 0.25 * Math.Sin(2 * Math.PI * 720 * t));
                }
                else value = (random.NextDouble() - 0.5) * 120;
                samples.Add((short)Math.Clamp(value, short.MinValue, short.MaxValue));
            }
        }
        return samples.ToArray();
    }

    public static (bool, int) Voice(int ms) => (true, ms);
    public static (bool, int) Silence(int ms) => (false, ms);
}
