using Outbound.Telephony.Sdp;

namespace Outbound.Telephony.Tests.Sdp;

public sealed class MediaDirectionSdpTests
{
    private const string TwoStreams = "v=0\r\no=a 1 1 IN IP4 h\r\ns=-\r\nc=IN IP4 h\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=sendrecv\r\nm=audio 4002 RTP/AVP 8\r\n";

    [Fact]
    public void Hold_rewrites_every_media_section_and_keeps_attributes_after_their_m_line()
    {
        var held = MediaDirectionSdp.Apply(TwoStreams, MediaDirection.SendOnly);

        Assert.Equal("v=0\r\no=a 1 1 IN IP4 h\r\ns=-\r\nc=IN IP4 h\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=sendonly\r\n"
            + "m=audio 4002 RTP/AVP 8\r\na=sendonly\r\n", held);
        Assert.Equal(MediaDirection.SendOnly, MediaDirectionSdp.Read(held));
    }

    [Fact]
    public void Sdp_without_direction_reads_as_sendrecv() =>
        Assert.Equal(MediaDirection.SendRecv, MediaDirectionSdp.Read("v=0\r\nm=audio 1 RTP/AVP 0\r\n"));
}
