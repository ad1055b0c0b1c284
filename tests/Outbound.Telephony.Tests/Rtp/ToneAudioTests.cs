using Outbound.Telephony.Port;
using Outbound.Telephony.Rtp.Prompts;
using Outbound.Telephony.Tests.Interop;

namespace Outbound.Telephony.Tests.Rtp;

public sealed class ToneAudioTests
{
    [Fact]
    public void Ringback_is_one_second_of_450_hz_then_four_seconds_of_silence()
    {
        var frames = ToneAudio.Frames(ProgressTones.Ringback);
        var on = frames.Take(50).SelectMany(f => f).ToArray();
        var off = frames.Skip(50).SelectMany(f => f).ToArray();

        Assert.Equal((50, 200), (frames.Count(f => f.Any(s => s != 0)), frames.Count(f => f.All(s => s == 0))));
        Assert.True(ToneMeter.Power(on, 450) > 100 * ToneMeter.Power(on, 425), "the tone is 450 Hz, not the 425 Hz of other networks");
        Assert.InRange(ToneMeter.Rms(on), 4000, 6000); // about −10 dBm0
        Assert.Equal(0, ToneMeter.Rms(off));
    }

    [Fact]
    public void Ids_that_are_not_tones_have_no_built_in_audio() =>
        Assert.Empty(ToneAudio.Frames("welcome"));
}
