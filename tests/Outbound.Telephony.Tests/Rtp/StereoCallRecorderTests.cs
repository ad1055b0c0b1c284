using Microsoft.Extensions.Time.Testing;
using Outbound.Telephony.Rtp.Codecs;
using Outbound.Telephony.Rtp.Recording;

namespace Outbound.Telephony.Tests.Rtp;

public sealed class StereoCallRecorderTests
{
    private static short[] Frame(short value) => Enumerable.Repeat(value, 160).ToArray();

    private static short[] Channel(short[] interleaved, int channel) =>
        interleaved.Where((_, i) => i % 2 == channel).ToArray();

    [Fact]
    public void Packets_are_ordered_by_timestamp_and_a_lost_packet_becomes_silence()
    {
        var recorder = new StereoCallRecorder(new FakeTimeProvider());
        const uint start = 4000;
        recorder.AddSamples(RecordingLeg.A, start, Frame(100));
        recorder.AddSamples(RecordingLeg.A, start + 320, Frame(300)); // 160 (value 200) arrives late
        recorder.AddSamples(RecordingLeg.A, start + 160, Frame(200));
        recorder.AddSamples(RecordingLeg.A, start + 640, Frame(500)); // 480 lost
        var left = Channel(recorder.Render().Samples, 0);
        Assert.Equal(800, left.Length);
        Assert.Equal(new short[] { 100, 200, 300, 0, 500 }, Enumerable.Range(0, 5).Select(f => left[f * 160 + 80]));
        Assert.All(left.AsSpan(480, 160).ToArray(), s => Assert.Equal(0, s));
    }

    [Fact]
    public void Legs_are_aligned_by_arrival_of_their_first_packet_on_left_and_right()
    {
        var time = new FakeTimeProvider();
        var recorder = new StereoCallRecorder(time);
        recorder.AddSamples(RecordingLeg.A, 123, Frame(1000));
        time.Advance(TimeSpan.FromMilliseconds(40));
        recorder.AddSamples(RecordingLeg.B, 987654, Frame(-2000));
        var audio = recorder.Render();
        Assert.Equal(2, audio.Channels);
        var left = Channel(audio.Samples, 0);
        var right = Channel(audio.Samples, 1);
        Assert.Equal(320 + 160, right.Length);
        Assert.All(right.AsSpan(0, 320).ToArray(), s => Assert.Equal(0, s));
        Assert.All(right.AsSpan(320, 160).ToArray(), s => Assert.Equal(-2000, s));
        Assert.All(left.AsSpan(0, 160).ToArray(), s => Assert.Equal(1000, s));
    }

    [Fact]
    public void Timestamp_wrap_keeps_packets_contiguous()
    {
        var recorder = new StereoCallRecorder(new FakeTimeProvider());
        recorder.AddSamples(RecordingLeg.B, uint.MaxValue - 159, Frame(1));
        recorder.AddSamples(RecordingLeg.B, 0, Frame(2));
        recorder.AddSamples(RecordingLeg.B, 160, Frame(3));
        var right = Channel(recorder.Render().Samples, 1);
        Assert.Equal(480, right.Length);
        Assert.Equal(new short[] { 1, 2, 3 }, new[] { right[0], right[160], right[320] });
    }

    [Fact]
    public void G711_payloads_are_decoded_into_the_recording()
    {
        var recorder = new StereoCallRecorder(new FakeTimeProvider());
        recorder.AddPacket(RecordingLeg.A, 0, Enumerable.Repeat((byte)0xCE, 160).ToArray(), G711Law.MuLaw);
        Assert.Equal(MuLaw.Decode(0xCE), recorder.Render().Samples[0]);
    }
}
