using Outbound.Telephony.Port;
using Outbound.Telephony.Rtp.Codecs;

namespace Outbound.Telephony.Rtp.Prompts;

/// <summary>Synthesised call-progress tones as 20 ms frames of 8 kHz audio, for the ids of <see cref="ProgressTones"/>.</summary>
public static class ToneAudio
{
    /// <summary>About −10 dBm0, the usual level of network tones.</summary>
    private const double Amplitude = 7000;

    /// <summary>The frames of a built-in tone, or none for any other id.</summary>
    public static IReadOnlyList<short[]> Frames(string promptId) => promptId switch
    {
        ProgressTones.Ringback => Cadence(450, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4)),
        _ => [],
    };

    /// <summary>One period of a tone: <paramref name="on"/> of a sine at <paramref name="hz"/>, then <paramref name="off"/> of silence.</summary>
    public static IReadOnlyList<short[]> Cadence(double hz, TimeSpan on, TimeSpan off)
    {
        var tone = (int)(on.TotalSeconds * G711.SampleRate);
        var samples = new short[tone + (int)(off.TotalSeconds * G711.SampleRate)];
        for (var i = 0; i < tone; i++) samples[i] = (short)Math.Round(Amplitude * Math.Sin(2 * Math.PI * hz * i / G711.SampleRate));
        return PromptPlayer.ToFrames(samples);
    }
}
