using Outbound.Telephony.Sdp;

namespace Outbound.Telephony.Tests.Sdp;

public sealed class SessionDescriptionTests
{
    // The offer sipp's uac_pcap scenario sends (LF line ends, as sipp writes them).
    private const string SippOffer = """
        v=0
        o=user1 53655765 2353687637 IN IP4 127.0.0.1
        s=-
        c=IN IP4 127.0.0.1
        t=0 0
        m=audio 6000 RTP/AVP 8 101
        a=rtpmap:8 PCMA/8000
        a=rtpmap:101 telephone-event/8000
        a=fmtp:101 0-11,16
        """;

    [Fact]
    public void Parses_sipps_offer()
    {
        var sdp = SessionDescription.Parse(SippOffer);
        Assert.Equal(new SdpOrigin("user1", 53655765, 2353687637, "IP4", "127.0.0.1"), sdp.Origin);
        Assert.Equal("127.0.0.1", sdp.Connection!.Address);
        var audio = Assert.Single(sdp.Media);
        Assert.Equal(("audio", 6000, "RTP/AVP"), (audio.Media, audio.Port, audio.Protocol));
        Assert.Equal(new[] { 8, 101 }, audio.Formats);
        Assert.Equal("PCMA", audio.RtpMapFor(8)!.EncodingName);
        Assert.Equal("0-11,16", audio.Fmtps[101]);
        Assert.Equal(MediaDirection.SendRecv, sdp.DirectionOf(audio));
    }

    [Fact]
    public void Serialises_with_crlf_and_parses_back_to_the_same_description()
    {
        var sdp = SessionDescription.Parse(SippOffer.Replace("t=0 0", "t=0 0\na=sendonly") + "\na=ptime:30\na=x-custom:1");
        var text = sdp.ToString();
        Assert.DoesNotContain("\r\n\r\n", text);
        Assert.All(text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries), line => Assert.DoesNotContain('\n', line));
        var back = SessionDescription.Parse(text);
        Assert.Equal(text, back.ToString());
        Assert.Equal(MediaDirection.SendOnly, back.DirectionOf(back.Media[0]));
        Assert.Equal(30, back.Media[0].Ptime);
        Assert.Contains("x-custom:1", back.Media[0].OtherAttributes);
    }

    [Fact]
    public void Static_payload_types_need_no_rtpmap()
    {
        var sdp = SessionDescription.Parse("v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\nc=IN IP4 10.0.0.2\r\n");
        Assert.Equal("PCMU", sdp.Media[0].RtpMapFor(0)!.EncodingName);
        Assert.Equal("10.0.0.2", sdp.ConnectionOf(sdp.Media[0])!.Address);
    }

    [Theory]
    [InlineData("o=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\n", "v=")]
    [InlineData("v=0\r\ns=-\r\n", "o=")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\nm=audio x RTP/AVP 0\r\n", "m=")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\nc=IN IP4\r\n", "c=")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ngarbage\r\n", "garbage")]
    public void Malformed_sdp_is_refused_with_a_message_naming_the_line(string text, string named)
    {
        var error = Assert.Throws<FormatException>(() => SessionDescription.Parse(text));
        Assert.Contains(named, error.Message);
    }
}
