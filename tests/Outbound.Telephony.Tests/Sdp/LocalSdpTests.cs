using Outbound.Telephony.Sdp;

namespace Outbound.Telephony.Tests.Sdp;

/// <summary>RFC 3264 §8: a changed description goes out one version up under the same origin; an unchanged one as it was.</summary>
public sealed class LocalSdpTests
{
    private const string Ours = "v=0\r\no=outbound 77 4 IN IP4 10.0.0.1\r\ns=-\r\nc=IN IP4 10.0.0.1\r\nt=0 0\r\nm=audio 41000 RTP/AVP 0\r\na=sendrecv\r\n";

    [Fact]
    public void Direction_change_raises_the_version_and_the_same_direction_again_does_not()
    {
        var local = new LocalSdp(Ours);

        var held = local.WithDirection(MediaDirection.SendOnly);
        var again = local.WithDirection(MediaDirection.SendOnly);
        var resumed = local.WithDirection(MediaDirection.SendRecv);

        Assert.Equal(5UL, SdpVersion.Of(held));
        Assert.Equal(held, again);
        Assert.Equal(6UL, SdpVersion.Of(resumed));
    }

    [Fact]
    public void Someone_elses_description_passed_through_keeps_our_origin_one_version_up()
    {
        var local = new LocalSdp(Ours);
        var theirs = Ours.Replace("o=outbound 77 4 IN IP4 10.0.0.1", "o=carrier 9 1 IN IP4 192.0.2.9").Replace("41000", "50000");

        var sent = local.Update(theirs);

        Assert.Contains("o=outbound 77 5 IN IP4 10.0.0.1\r\n", sent);
        Assert.Contains("m=audio 50000 RTP/AVP 0", sent);
    }
}
