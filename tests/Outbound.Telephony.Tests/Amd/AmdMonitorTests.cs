using Microsoft.Extensions.Time.Testing;
using Outbound.Core.Amd;
using Outbound.Telephony.Amd;
using static Outbound.Telephony.Tests.Amd.SyntheticSpeech;

namespace Outbound.Telephony.Tests.Amd;

public sealed class AmdMonitorTests
{
    private static void Stream(AmdMonitor monitor, FakeTimeProvider time, short[] audio, uint firstTimestamp)
    {
        for (var at = 0; at < audio.Length; at += 160)
        {
            monitor.OnAudio(firstTimestamp + (uint)at, audio.AsSpan(at, 160));
            time.Advance(TimeSpan.FromMilliseconds(20));
        }
    }

    [Fact]
    public async Task A_far_end_that_sends_no_rtp_at_all_is_machine_by_initial_silence_on_the_clock()
    {
        var time = new FakeTimeProvider();
        using var monitor = new AmdMonitor(AmdOptions.Default, time);
        time.Advance(TimeSpan.FromSeconds(2.5));
        Assert.False(monitor.Decision.IsCompleted); // 200 ms of jitter allowance not yet past
        time.Advance(TimeSpan.FromSeconds(0.3));
        var result = await monitor.Decision.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal((AmdVerdict.Machine, AmdCause.InitialSilence), (result.Verdict, result.Cause));
    }

    [Fact]
    public async Task Hello_followed_by_silence_suppression_is_human()
    {
        var time = new FakeTimeProvider();
        using var monitor = new AmdMonitor(AmdOptions.Default, time);
        Stream(monitor, time, Build(Silence(200), Voice(400)), 5000);
        // The phone stops sending during silence (VAD/DTX): nothing more arrives.
        time.Advance(TimeSpan.FromSeconds(1.2));
        var result = await monitor.Decision.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal((AmdVerdict.Human, AmdCause.Human), (result.Verdict, result.Cause));
    }

    [Fact]
    public async Task A_timestamp_jump_counts_as_silence_between_words()
    {
        var time = new FakeTimeProvider();
        using var monitor = new AmdMonitor(AmdOptions.Default, time);
        var word = Build(Voice(300));
        Stream(monitor, time, word, 0);
        monitor.OnAudio(300 * 8 + 150 * 8, word.AsSpan(0, 160)); // 150 ms later by timestamp: a second word begins
        Stream(monitor, time, word, 300 * 8 + 150 * 8 + 160);
        var result = await monitor.Decision.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal((AmdVerdict.Machine, AmdCause.MaxWords), (result.Verdict, result.Cause));
    }
}
