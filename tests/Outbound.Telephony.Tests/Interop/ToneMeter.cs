namespace Outbound.Telephony.Tests.Interop;

/// <summary>How loud 8 kHz audio a real phone sent or heard is, overall and at one frequency: tests tell the tones of peers apart with it.</summary>
public static class ToneMeter
{
    public static double Rms(short[] samples) => samples.Length == 0 ? 0 : Math.Sqrt(samples.Average(s => (double)s * s));

    /// <summary>Goertzel: the power of one frequency in 8 kHz samples.</summary>
    public static double Power(short[] samples, double hz)
    {
        var coefficient = 2 * Math.Cos(2 * Math.PI * hz / 8000);
        double previous = 0, beforePrevious = 0;
        foreach (var sample in samples)
        {
            var current = sample + coefficient * previous - beforePrevious;
            beforePrevious = previous;
            previous = current;
        }
        return previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious;
    }
}
