using Outbound.Core.Amd;

namespace Outbound.Telephony.Amd;

/// <summary>
/// Runs an <see cref="AnsweringMachineDetector"/> on a live call. Audio is placed on the call's time line
/// by RTP timestamp, so a jump in timestamps (silence suppression, lost packets) counts as silence, and a
/// clock on the injected <see cref="TimeProvider"/> counts time in which no packet came at all as silence
/// too: a far end that sends nothing still gets its initial-silence or after-greeting verdict on time.
/// </summary>
public sealed class AmdMonitor : IDisposable
{
    private const int SampleRate = 8000;
    private readonly Lock _lock = new();
    private readonly AnsweringMachineDetector _detector;
    private readonly TimeProvider _time;
    private readonly long _startedAt;
    private readonly TimeSpan _jitterAllowance;
    private readonly ITimer _clock;
    private readonly TaskCompletionSource<AmdResult> _decision = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _samplesFed;
    private uint? _nextTimestamp;

    /// <param name="jitterAllowance">How far the clock may run ahead of the audio before the gap is taken as silence (default 200 ms).</param>
    public AmdMonitor(AmdOptions options, TimeProvider time, TimeSpan? jitterAllowance = null)
    {
        _jitterAllowance = jitterAllowance ?? TimeSpan.FromMilliseconds(200);
        _detector = new AnsweringMachineDetector(options);
        _time = time;
        _startedAt = time.GetTimestamp();
        _clock = time.CreateTimer(_ => FillSilenceUpToNow(), null, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(100));
    }

    /// <summary>Completes with the detector's first decision.</summary>
    public Task<AmdResult> Decision => _decision.Task;

    /// <summary>Feeds one packet's decoded audio with its RTP timestamp; a gap since the previous packet is silence.</summary>
    public void OnAudio(uint rtpTimestamp, ReadOnlySpan<short> samples)
    {
        lock (_lock)
        {
            if (_decision.Task.IsCompleted) return;
            if (_nextTimestamp is { } expected)
            {
                var gap = (int)(rtpTimestamp - expected);
                if (gap < 0) return; // late or duplicate: its time was already counted
                if (gap > 0) FeedSilence(Math.Min(gap, SampleRate * 10));
            }
            Feed(samples);
            _nextTimestamp = rtpTimestamp + (uint)samples.Length;
        }
    }

    private void FillSilenceUpToNow()
    {
        lock (_lock)
        {
            if (_decision.Task.IsCompleted) return;
            var behind = (long)((_time.GetElapsedTime(_startedAt) - _jitterAllowance).TotalSeconds * SampleRate) - _samplesFed;
            if (behind <= 0) return;
            FeedSilence((int)behind);
            // The next packet continues after the silence we assumed.
            if (_nextTimestamp is { } next) _nextTimestamp = next + (uint)behind;
        }
    }

    private void FeedSilence(int samples)
    {
        var silence = new short[160];
        for (var left = samples; left > 0 && !_decision.Task.IsCompleted; left -= silence.Length)
            Feed(silence.AsSpan(0, Math.Min(silence.Length, left)));
    }

    private void Feed(ReadOnlySpan<short> samples)
    {
        _samplesFed += samples.Length;
        if (_detector.Analyze(samples) is { } result) _decision.TrySetResult(result);
    }

    public void Dispose() => _clock.Dispose();
}
