using Outbound.Telephony.Rtp.Wav;

namespace Outbound.Telephony.Tests.Rtp;

public sealed class WavAudioTests
{
    [Fact]
    public void Stereo_pcm_round_trips_through_a_file()
    {
        var path = Path.GetTempFileName();
        try
        {
            var audio = new WavAudio(8000, 2, [1, -1, 32767, -32768, 0, 5]);
            audio.Write(path);
            Assert.Equal(44 + 12, new FileInfo(path).Length);
            var back = WavAudio.Read(path);
            Assert.Equal((8000, 2), (back.SampleRate, back.Channels));
            Assert.Equal(audio.Samples, back.Samples);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Stereo_16k_is_mixed_down_and_resampled_to_8k_mono()
    {
        var samples = new short[3200];
        for (var i = 0; i < 1600; i++)
        {
            samples[2 * i] = 1000;
            samples[2 * i + 1] = 3000;
        }
        var mono = new WavAudio(16000, 2, samples).ToMono(8000);
        Assert.Equal((8000, 1, 800), (mono.SampleRate, mono.Channels, mono.Samples.Length));
        Assert.All(mono.Samples, s => Assert.Equal(2000, s));
    }

    [Fact]
    public void Non_wave_input_is_refused_with_a_clear_error()
    {
        var error = Assert.Throws<InvalidDataException>(() => WavAudio.Read(new MemoryStream("hello world, not a wav"u8.ToArray())));
        Assert.Contains("RIFF", error.Message);
    }
}
