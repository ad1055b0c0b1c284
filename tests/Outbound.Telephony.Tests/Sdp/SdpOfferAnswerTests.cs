using System.Net;
using Outbound.Telephony.Rtp.Codecs;
using Outbound.Telephony.Sdp;

namespace Outbound.Telephony.Tests.Sdp;

public sealed class SdpOfferAnswerTests
{
    private static readonly IPEndPoint Local = new(IPAddress.Parse("127.0.0.1"), 20000);
    private static readonly IPEndPoint Remote = new(IPAddress.Parse("127.0.0.2"), 30000);

    private static SessionDescription Offer(string formats, string extra = "") => SessionDescription.Parse(
        $"v=0\r\no=peer 1 1 IN IP4 127.0.0.2\r\ns=-\r\nc=IN IP4 127.0.0.2\r\nt=0 0\r\nm=audio 30000 RTP/AVP {formats}\r\n" +
        "a=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:18 G729/8000\r\na=rtpmap:96 telephone-event/8000\r\na=fmtp:96 0-15\r\n" + extra);

    [Fact]
    public void Answer_takes_the_offerers_first_common_codec_and_its_telephone_event_number()
    {
        var result = SdpOfferAnswer.CreateAnswer(Offer("18 8 0 96"), Local, 5, 1, [G711Law.MuLaw, G711Law.ALaw]);
        Assert.Equal(new NegotiatedAudio(Remote, G711Law.ALaw, 8, 96, MediaDirection.SendRecv, 20), result.Audio);
        var media = Assert.Single(result.Answer.Media);
        Assert.Equal(new[] { 8, 96 }, media.Formats);
        Assert.Equal(20000, media.Port);
        Assert.Equal("0-15", media.Fmtps[96]);
        // What we send is what the offerer reads back.
        var read = SdpOfferAnswer.ReadAnswer(SessionDescription.Parse(result.Answer.ToString()), [G711Law.MuLaw, G711Law.ALaw]);
        Assert.Equal(new NegotiatedAudio(Local, G711Law.ALaw, 8, 96, MediaDirection.SendRecv, 20), read);
    }

    [Fact]
    public void No_common_codec_rejects_the_stream_with_port_zero()
    {
        var result = SdpOfferAnswer.CreateAnswer(Offer("18"), Local, 5, 1, [G711Law.MuLaw, G711Law.ALaw]);
        Assert.Null(result.Audio);
        var media = Assert.Single(result.Answer.Media);
        Assert.Equal(0, media.Port);
        Assert.Equal(new[] { 18 }, media.Formats);
    }

    [Fact]
    public void Second_audio_stream_and_video_are_declined_keeping_the_line_count()
    {
        var offer = Offer("0 96", "m=video 30002 RTP/AVP 31\r\nm=audio 30004 RTP/AVP 0\r\n");
        var result = SdpOfferAnswer.CreateAnswer(offer, Local, 5, 1, [G711Law.MuLaw]);
        Assert.Equal(new[] { 20000, 0, 0 }, result.Answer.Media.Select(m => m.Port));
        Assert.Equal(30000, result.Audio!.Remote.Port);
    }

    [Theory]
    [InlineData("sendonly", MediaDirection.RecvOnly)]
    [InlineData("recvonly", MediaDirection.SendOnly)]
    [InlineData("inactive", MediaDirection.Inactive)]
    [InlineData("sendrecv", MediaDirection.SendRecv)]
    public void Hold_directions_are_answered_per_rfc3264(string offered, MediaDirection answered)
    {
        var result = SdpOfferAnswer.CreateAnswer(Offer("0", $"a={offered}\r\n"), Local, 5, 2, [G711Law.MuLaw]);
        Assert.Equal(answered, result.Answer.Media[0].Direction);
        Assert.Equal(answered, result.Audio!.Direction);
        Assert.Null(result.Audio.TelephoneEventPayloadType);
    }

    [Fact]
    public void Our_offer_lists_codecs_in_preference_order_with_telephone_event()
    {
        var offer = SessionDescription.Parse(SdpOfferAnswer.CreateOffer(Local, 9, 1, [G711Law.ALaw, G711Law.MuLaw]).ToString());
        var media = offer.Media[0];
        Assert.Equal(new[] { 8, 0, 101 }, media.Formats);
        Assert.Equal("telephone-event", media.RtpMapFor(101)!.EncodingName);
        Assert.Equal(20, media.Ptime);
        var answered = SdpOfferAnswer.CreateAnswer(offer, Remote, 3, 1, [G711Law.MuLaw, G711Law.ALaw]);
        Assert.Equal(G711Law.ALaw, answered.Audio!.Law);
    }

    [Fact]
    public void Old_style_hold_with_zero_address_is_answered_recvonly()
    {
        var offer = SessionDescription.Parse(Offer("0").ToString().Replace("c=IN IP4 127.0.0.2", "c=IN IP4 0.0.0.0"));
        var result = SdpOfferAnswer.CreateAnswer(offer, Local, 5, 3, [G711Law.MuLaw]);
        Assert.Equal(MediaDirection.RecvOnly, result.Audio!.Direction);
        Assert.False(result.Audio.WeSend);
    }
}
