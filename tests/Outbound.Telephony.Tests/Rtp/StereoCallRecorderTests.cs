using Microsoft.Extensions.Time.Testing;
using Outbound.Telephony.Rtp.Codecs;
using Outbound.Telephony.Rtp.Recording;
using Outbound.Telephony.Rtp.Wav;

namespace Outbound.Telephony.Tests.Rtp;

public sealed class StereoCallRecorderTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("outbound-rec-");

    public void Dispose() => _work.Delete(recursive: true);

    private StereoCallRecorder Recorder(TimeProvider? time = null, TimeSpan? window = null) =>
        new(Path.Combine(_work.FullName, $"{Guid.NewGuid():N}.wav"), time ?? new FakeTimeProvider(), window);

    private static WavAudio Finish(StereoCallRecorder recorder)
    {
        recorder.Dispose();
        return WavAudio.Read(recorder.Path);
    }

    private static short[] Frame(short value) => Enumerable.Repeat(value, 160).ToArray();

    private static short[] Channel(short[] interleaved, int channel) =>
        interleaved.Where((_, i) => i % 2 == channel).ToArray();

    [Fact]
    public void Packets_are_ordered_by_timestamp_and_a_lost_packet_becomes_silence()
    {
        var recorder = Recorder();
        const uint start = 4000;
        recorder.AddSamples(RecordingLeg.A, start, Frame(100));
        recorder.AddSamples(RecordingLeg.A, start + 320, Frame(300)); // 160 (value 200) arrives late
        recorder.AddSamples(RecordingLeg.A, start + 160, Frame(200));
        recorder.AddSamples(RecordingLeg.A, start + 640, Frame(500)); // 480 lost
        var left = Channel(Finish(recorder).Samples, 0);
        Assert.Equal(800, left.Length);
        Assert.Equal(new short[] { 100, 200, 300, 0, 500 }, Enumerable.Range(0, 5).Select(f => left[f * 160 + 80]));
        Assert.All(left.AsSpan(480, 160).ToArray(), s => Assert.Equal(0, s));
    }

    [Fact]
    public void Legs_are_aligned_by_arrival_of_their_first_packet_on_left_and_right()
    {
        var time = new FakeTimeProvider();
        var recorder = Recorder(time);
        recorder.AddSamples(RecordingLeg.A, 123, Frame(1000));
        time.Advance(TimeSpan.FromMilliseconds(40));
        recorder.AddSamples(RecordingLeg.B, 987654, Frame(-2000));
        var audio = Finish(recorder);
        Assert.Equal((8000, 2), (audio.SampleRate, audio.Channels));
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
        var recorder = Recorder();
        recorder.AddSamples(RecordingLeg.B, uint.MaxValue - 159, Frame(1));
        recorder.AddSamples(RecordingLeg.B, 0, Frame(2));
        recorder.AddSamples(RecordingLeg.B, 160, Frame(3));
        var right = Channel(Finish(recorder).Samples, 1);
        Assert.Equal(480, right.Length);
        Assert.Equal(new short[] { 1, 2, 3 }, new[] { right[0], right[160], right[320] });
    }

    [Fact]
    public void Long_calls_are_written_out_as_they_go_and_packets_later_than_the_window_are_dropped()
    {
        var recorder = Recorder(window: TimeSpan.FromMilliseconds(500));
        for (var i = 0; i < 250; i++) recorder.AddSamples(RecordingLeg.A, (uint)(i * 160), Frame((short)(i + 1))); // 5 s
        Assert.True(new FileInfo(recorder.Path).Length > 44 + 3 * 8000 * 4, "audio older than the window is already on disk");
        recorder.AddSamples(RecordingLeg.A, 10 * 160, Frame(-1)); // 4.8 s late: its place is written
        Assert.Equal(1, recorder.LatePackets);
        var left = Channel(Finish(recorder).Samples, 0);
        Assert.Equal(250 * 160, left.Length);
        Assert.Equal(Enumerable.Range(1, 250).Select(i => (short)i), Enumerable.Range(0, 250).Select(f => left[f * 160]));
    }

    [Fact]
    public void G711_payloads_are_decoded_into_the_recording()
    {
        var recorder = Recorder();
        recorder.AddPacket(RecordingLeg.A, 0, Enumerable.Repeat((byte)0xCE, 160).ToArray(), G711Law.MuLaw);
        Assert.Equal(MuLaw.Decode(0xCE), Finish(recorder).Samples[0]);
    }

    [Fact]
    public void After_a_resync_a_new_stream_on_the_right_goes_on_at_its_arrival_whatever_its_timestamps()
    {
        var time = new FakeTimeProvider();
        var recorder = Recorder(time);
        recorder.AddSamples(RecordingLeg.A, 0, Frame(1000));
        recorder.AddSamples(RecordingLeg.B, 50_000, Frame(-1000));
        time.Advance(TimeSpan.FromMilliseconds(40));
        // A transfer: the new agent's stream starts 2^30 samples (a day and a half) "later" than the first agent's.
        recorder.Resync(RecordingLeg.B);
        recorder.AddSamples(RecordingLeg.B, 50_000 + (1u << 30), Frame(-2000));
        recorder.AddSamples(RecordingLeg.B, 50_000 + (1u << 30) + 160, Frame(-3000));
        var right = Channel(Finish(recorder).Samples, 1);
        Assert.Equal(320 + 320, right.Length);
        Assert.Equal(new short[] { -1000, 0, -2000, -3000 }, Enumerable.Range(0, 4).Select(f => right[f * 160 + 80]));
    }
}
