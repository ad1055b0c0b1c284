using Outbound.Telephony.Rtp.Codecs;
using Outbound.Telephony.Rtp.Wav;

namespace Outbound.Telephony.Rtp.Prompts;

/// <summary>Sends one 20 ms frame of 8 kHz samples; <c>first</c> is true for the prompt's first frame (marker bit).</summary>
public delegate ValueTask FrameSink(ReadOnlyMemory<short> frame, bool first, CancellationToken cancellationToken);

/// <summary>
/// Plays a prompt as 20 ms frames paced against a <see cref="TimeProvider"/>: frame n goes out at
/// n × 20 ms after the start, computed from elapsed time rather than counted ticks, so a late timer
/// catches up instead of drifting. The last frame is padded with silence.
/// </summary>
public sealed class PromptPlayer(TimeProvider time)
{
    public static readonly TimeSpan FrameInterval = TimeSpan.FromMilliseconds(20);

    /// <summary>Loads a WAV (PCM 8/16-bit or G.711, any rate, any channels) as 8 kHz mono frames.</summary>
    public static IReadOnlyList<short[]> LoadFrames(string wavPath) => ToFrames(WavAudio.Read(wavPath).ToMono(G711.SampleRate).Samples);

    public static IReadOnlyList<short[]> ToFrames(ReadOnlySpan<short> samples)
    {
        var frames = new List<short[]>((samples.Length + G711.SamplesPerFrame - 1) / G711.SamplesPerFrame);
        for (var at = 0; at < samples.Length; at += G711.SamplesPerFrame)
        {
            var frame = new short[G711.SamplesPerFrame];
            samples.Slice(at, Math.Min(G711.SamplesPerFrame, samples.Length - at)).CopyTo(frame);
            frames.Add(frame);
        }
        return frames;
    }

    /// <summary>Plays all frames; returns how many were sent (fewer if cancelled: cancellation ends the prompt quietly).</summary>
    public async Task<int> PlayAsync(IReadOnlyList<short[]> frames, FrameSink sink, CancellationToken cancellationToken = default)
    {
        var started = time.GetTimestamp();
        using var timer = new PeriodicTimer(FrameInterval, time);
        var sent = 0;
        try
        {
            while (sent < frames.Count)
            {
                var due = Math.Min(frames.Count, (int)(time.GetElapsedTime(started) / FrameInterval) + 1);
                for (; sent < due; sent++)
                    await sink(frames[sent], sent == 0, cancellationToken);
                if (sent < frames.Count && !await timer.WaitForNextTickAsync(cancellationToken)) break;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        return sent;
    }
}
