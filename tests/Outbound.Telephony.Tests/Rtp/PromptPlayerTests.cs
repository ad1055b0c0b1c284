using Microsoft.Extensions.Time.Testing;
using Outbound.Telephony.Rtp.Prompts;
using Outbound.Telephony.Rtp.Wav;

namespace Outbound.Telephony.Tests.Rtp;

public sealed class PromptPlayerTests
{
    private sealed record Sent(short FirstSample, bool First, TimeSpan At);

    private static void WaitFor(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("condition not met within 10 s");
            Thread.Sleep(1);
        }
    }

    [Fact]
    public async Task Frames_go_out_every_20ms_of_the_clock_and_catch_up_after_a_stall()
    {
        var time = new FakeTimeProvider();
        var origin = time.GetTimestamp();
        var samples = Enumerable.Range(0, 160 * 10 + 40).Select(i => (short)(i / 160 + 1)).ToArray();
        var frames = PromptPlayer.ToFrames(samples);
        Assert.Equal(11, frames.Count);
        Assert.Equal(0, frames[^1][40]); // padded with silence
        var sent = new List<Sent>();
        var playing = new PromptPlayer(time).PlayAsync(frames, (frame, first, _) =>
        {
            lock (sent) sent.Add(new Sent(frame.Span[0], first, time.GetElapsedTime(origin)));
            return ValueTask.CompletedTask;
        });
        WaitFor(() => { lock (sent) return sent.Count == 1; });
        for (var k = 1; k <= 4; k++)
        {
            time.Advance(TimeSpan.FromMilliseconds(20));
            WaitFor(() => { lock (sent) return sent.Count == k + 1; });
        }
        time.Advance(TimeSpan.FromMilliseconds(100)); // a stalled timer: five frames are due at once
        WaitFor(() => { lock (sent) return sent.Count == 10; });
        time.Advance(TimeSpan.FromMilliseconds(20));
        Assert.Equal(11, await playing.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(Enumerable.Range(1, 11).Select(i => (short)i), sent.Select(s => s.FirstSample));
        Assert.Equal([true, .. Enumerable.Repeat(false, 10)], sent.Select(s => s.First));
        Assert.Equal(Enumerable.Range(0, 5).Select(k => TimeSpan.FromMilliseconds(20 * k)), sent.Take(5).Select(s => s.At));
        Assert.All(sent.Skip(5).Take(5), s => Assert.Equal(TimeSpan.FromMilliseconds(180), s.At));
    }

    [Fact]
    public void Wav_prompts_of_any_rate_load_as_8k_frames()
    {
        var path = Path.GetTempFileName();
        try
        {
            new WavAudio(16000, 1, Enumerable.Repeat((short)500, 16000).ToArray()).Write(path);
            var frames = PromptPlayer.LoadFrames(path);
            Assert.Equal(50, frames.Count);
            Assert.All(frames, f => Assert.Equal(160, f.Length));
        }
        finally { File.Delete(path); }
    }
}
