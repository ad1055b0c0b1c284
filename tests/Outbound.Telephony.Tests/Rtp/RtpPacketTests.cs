using Outbound.Telephony.Rtp;

namespace Outbound.Telephony.Tests.Rtp;

public sealed class RtpPacketTests
{
    [Fact]
    public void Parses_a_packet_captured_from_sipp_dtmf_pcap()
    {
        // First RTP packet of /usr/share/sip-tester/dtmf_2833_1.pcap: marker, PT 101, event 1.
        var bytes = Convert.FromHexString("80E51F30000033E00E05384E010A0000");
        var packet = RtpPacket.Parse(bytes);
        Assert.True(packet.Marker);
        Assert.Equal(101, packet.PayloadType);
        Assert.Equal(0x1F30, packet.SequenceNumber);
        Assert.Equal(0x33E0u, packet.Timestamp);
        Assert.Equal(0x0E05384Eu, packet.Ssrc);
        Assert.Equal(new byte[] { 0x01, 0x0A, 0x00, 0x00 }, packet.Payload.ToArray());
    }

    [Fact]
    public void Csrcs_extension_and_padding_round_trip()
    {
        var packet = new RtpPacket
        {
            Marker = true,
            PayloadType = 8,
            SequenceNumber = 65535,
            Timestamp = 0xFFFFFF00,
            Ssrc = 0xDEADBEEF,
            Csrcs = [1, 2, 3],
            Extension = new RtpHeaderExtension(0xBEDE, new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 }),
            Payload = new byte[] { 9, 8, 7 },
            PaddingLength = 5,
        };
        var bytes = packet.ToArray();
        Assert.Equal(12 + 12 + 4 + 8 + 3 + 5, bytes.Length);
        Assert.Equal(0xB3, bytes[0]); // V=2, P, X, CC=3
        Assert.Equal(5, bytes[^1]);
        var back = RtpPacket.Parse(bytes);
        Assert.Equal(packet.Csrcs, back.Csrcs);
        Assert.Equal(0xBEDE, back.Extension!.Profile);
        Assert.Equal(packet.Extension.Data.ToArray(), back.Extension.Data.ToArray());
        Assert.Equal(packet.Payload.ToArray(), back.Payload.ToArray());
        Assert.Equal(5, back.PaddingLength);
        Assert.Equal((packet.Marker, packet.PayloadType, packet.SequenceNumber, packet.Timestamp, packet.Ssrc),
            (back.Marker, back.PayloadType, back.SequenceNumber, back.Timestamp, back.Ssrc));
    }

    [Theory]
    [InlineData("")]
    [InlineData("8000")]
    [InlineData("400000000000000000000000")] // version 1
    [InlineData("830000000000000000000000")] // 3 CSRCs announced, none present
    [InlineData("900000000000000000000000BEDE0002")] // extension longer than the datagram
    [InlineData("A0000000000000000000000000000009")] // padding count beyond the packet
    public void Malformed_datagrams_are_refused_without_throwing(string hex)
    {
        Assert.False(RtpPacket.TryParse(Convert.FromHexString(hex), out _));
        Assert.Throws<FormatException>(() => RtpPacket.Parse(Convert.FromHexString(hex)));
    }

    [Fact]
    public void Rewrite_in_place_changes_only_marker_sequence_timestamp_and_ssrc()
    {
        var bytes = new RtpPacket { PayloadType = 0, SequenceNumber = 1, Timestamp = 2, Ssrc = 3, Payload = new byte[] { 0xAA } }.ToArray();
        RtpHeader.Rewrite(bytes, marker: true, sequenceNumber: 500, timestamp: 80000, ssrc: 42);
        var back = RtpPacket.Parse(bytes);
        Assert.Equal((true, (byte)0, (ushort)500, 80000u, 42u), (back.Marker, back.PayloadType, back.SequenceNumber, back.Timestamp, back.Ssrc));
        Assert.Equal(0xAA, back.Payload.Span[0]);
    }
}
