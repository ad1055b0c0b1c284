using System.Net;
using Microsoft.Extensions.Time.Testing;
using Outbound.Telephony.Rtp;
using Outbound.Telephony.Rtp.Codecs;
using Outbound.Telephony.Rtp.Recording;
using Outbound.Telephony.Rtp.Relay;

namespace Outbound.Telephony.Tests.Rtp;

public sealed class RtpRelayTests
{
    private static RtpPacket Audio(uint ssrc, ushort sequence, uint timestamp, byte fill) => new()
    {
        PayloadType = 0, Ssrc = ssrc, SequenceNumber = sequence, Timestamp = timestamp, Payload = Enumerable.Repeat(fill, 160).ToArray(),
    };

    [Fact]
    public async Task Packets_cross_with_our_ssrc_continuous_numbers_and_a_marker_on_source_switch()
    {
        await using var relay = RtpRelay.Start(IPAddress.Loopback);
        using var phoneA = new UdpPeer();
        using var phoneA2 = new UdpPeer();
        using var agentB = new UdpPeer();
        relay.SetRemote(RecordingLeg.B, agentB.EndPoint);
        var towardsA = relay.LocalEndPoint(RecordingLeg.A);

        var received = new List<RtpPacket>();
        for (ushort i = 0; i < 3; i++)
        {
            phoneA.Send(towardsA, Audio(111, (ushort)(5000 + i), 70000u + i * 160u, 0x11));
            var (packet, from) = await agentB.ExpectAsync();
            Assert.Equal(relay.LocalEndPoint(RecordingLeg.B), from);
            received.Add(packet);
        }
        // The far end moves (a NAT rebinding, another media server): new socket, new SSRC, unrelated
        // numbering. It is followed once it has sent three packets in sequence; the first two are dropped.
        phoneA2.Send(towardsA, Audio(222, 7, uint.MaxValue - 196, 0x22)).Send(towardsA, Audio(222, 8, uint.MaxValue - 36, 0x22));
        await agentB.ExpectNothingAsync();
        phoneA2.Send(towardsA, Audio(222, 9, 123, 0x22));
        received.Add((await agentB.ExpectAsync()).Packet);
        phoneA2.Send(towardsA, Audio(222, 10, 283, 0x22));
        received.Add((await agentB.ExpectAsync()).Packet);

        Assert.Single(received.Select(p => p.Ssrc).Distinct());
        Assert.DoesNotContain(received, p => p.Ssrc is 111 or 222);
        Assert.Equal(Enumerable.Range(0, 5).Select(i => (ushort)(received[0].SequenceNumber + i)), received.Select(p => p.SequenceNumber));
        Assert.Equal([true, false, false, true, false], received.Select(p => p.Marker));
        Assert.Equal(160u, received[1].Timestamp - received[0].Timestamp);
        Assert.True(received[3].Timestamp - received[2].Timestamp >= 160u, "timestamps must move forward across the switch");
        Assert.Equal(160u, received[4].Timestamp - received[3].Timestamp);
        Assert.Equal(0x22, received[4].Payload.Span[0]);
        Assert.Equal(2, relay.SourcesTowards(RecordingLeg.B));

        // Symmetric RTP: B's reply goes to where A's packets last came from (A2), not to A's first address.
        agentB.Send(relay.LocalEndPoint(RecordingLeg.B), Audio(333, 1, 1, 0x33));
        var (back, backFrom) = await phoneA2.ExpectAsync();
        Assert.Equal(towardsA, backFrom);
        Assert.True(back.Marker);
        await phoneA.ExpectNothingAsync();
        Assert.Equal(6, relay.PacketsRelayed);
        Assert.Equal(2, relay.PacketsDropped);
    }

    [Fact]
    public async Task A_stray_datagram_from_elsewhere_neither_reaches_the_other_side_nor_steals_the_stream()
    {
        await using var relay = RtpRelay.Start(IPAddress.Loopback);
        using var phoneA = new UdpPeer();
        using var attacker = new UdpPeer();
        using var agentB = new UdpPeer();
        relay.SetRemote(RecordingLeg.B, agentB.EndPoint);
        phoneA.Send(relay.LocalEndPoint(RecordingLeg.A), Audio(1, 1, 0, 0x11));
        await agentB.ExpectAsync();
        attacker.Send(relay.LocalEndPoint(RecordingLeg.A), Audio(666, 1, 0, 0x66));
        await agentB.ExpectNothingAsync();
        agentB.Send(relay.LocalEndPoint(RecordingLeg.B), Audio(2, 1, 0, 0x22));
        Assert.Equal(0x22, (await phoneA.ExpectAsync()).Packet.Payload.Span[0]);
        await attacker.ExpectNothingAsync();
    }

    [Fact]
    public async Task Packets_are_dropped_until_the_other_side_is_known_and_garbage_never_passes()
    {
        await using var relay = RtpRelay.Start(IPAddress.Loopback);
        using var phoneA = new UdpPeer();
        using var agentB = new UdpPeer();
        phoneA.Send(relay.LocalEndPoint(RecordingLeg.A), Audio(1, 1, 1, 0));
        using (var raw = new System.Net.Sockets.UdpClient()) raw.Send("not rtp"u8.ToArray(), relay.LocalEndPoint(RecordingLeg.A));
        await Task.Delay(200);
        Assert.Equal(0, relay.PacketsRelayed);
        Assert.Equal(2, relay.PacketsDropped);
        // B speaks first: its packets teach the relay where B is, and A (already latched) gets them.
        agentB.Send(relay.LocalEndPoint(RecordingLeg.B), Audio(2, 1, 1, 0x44));
        Assert.Equal(0x44, (await phoneA.ExpectAsync()).Packet.Payload.Span[0]);
    }

    [Fact]
    public async Task A_leg_that_stops_sending_is_reported_once_after_the_inactivity_timeout()
    {
        var time = new FakeTimeProvider();
        await using var relay = RtpRelay.Start(IPAddress.Loopback, time, inactivityTimeout: TimeSpan.FromSeconds(4));
        var silent = new List<RecordingLeg>();
        relay.InactivityTimedOut += leg => { lock (silent) silent.Add(leg); };
        using var phoneA = new UdpPeer();
        using var agentB = new UdpPeer();
        relay.SetRemote(RecordingLeg.B, agentB.EndPoint);
        time.Advance(TimeSpan.FromSeconds(3));
        phoneA.Send(relay.LocalEndPoint(RecordingLeg.A), Audio(1, 1, 1, 0));
        await agentB.ExpectAsync();
        time.Advance(TimeSpan.FromSeconds(1.5)); // B silent for 4.5 s, A for 1.5 s
        lock (silent) Assert.Equal([RecordingLeg.B], silent);
        time.Advance(TimeSpan.FromSeconds(3));
        lock (silent) Assert.Equal([RecordingLeg.B, RecordingLeg.A], silent);
        time.Advance(TimeSpan.FromSeconds(30));
        lock (silent) Assert.Equal(2, silent.Count);
    }

    [Fact]
    public async Task Pcma_leg_is_bridged_to_a_pcmu_leg_with_audio_transcoded_and_payload_types_mapped()
    {
        await using var relay = RtpRelay.Start(IPAddress.Loopback);
        relay.SetFormat(RecordingLeg.A, new RelayLegFormat(G711Law.ALaw, 8, 101));
        relay.SetFormat(RecordingLeg.B, new RelayLegFormat(G711Law.MuLaw, 0, 96));
        using var phoneA = new UdpPeer();
        using var agentB = new UdpPeer();
        relay.SetRemote(RecordingLeg.B, agentB.EndPoint);
        var alaw = new byte[160];
        ALaw.Encode(Enumerable.Range(0, 160).Select(i => (short)(i * 150 - 12000)).ToArray(), alaw);
        phoneA.Send(relay.LocalEndPoint(RecordingLeg.A), new RtpPacket { PayloadType = 8, Ssrc = 1, SequenceNumber = 1, Payload = alaw });
        var audio = (await agentB.ExpectAsync()).Packet;
        Assert.Equal(0, audio.PayloadType);
        var sent = new short[160];
        var received = new short[160];
        ALaw.Decode(alaw, sent);
        MuLaw.Decode(audio.Payload.Span, received);
        for (var i = 0; i < 160; i++) Assert.InRange(received[i] - sent[i], -Math.Abs(sent[i]) / 16 - 8, Math.Abs(sent[i]) / 16 + 8);

        phoneA.Send(relay.LocalEndPoint(RecordingLeg.A), new RtpPacket { PayloadType = 101, Ssrc = 1, SequenceNumber = 2, Payload = new byte[] { 5, 0x0A, 0, 160 } });
        var digit = (await agentB.ExpectAsync()).Packet;
        Assert.Equal((byte)96, digit.PayloadType);
        Assert.Equal(new byte[] { 5, 0x0A, 0, 160 }, digit.Payload.ToArray());
    }

    [Fact]
    public async Task Dtmf_events_are_dropped_towards_a_leg_that_did_not_negotiate_telephone_event()
    {
        await using var relay = RtpRelay.Start(IPAddress.Loopback);
        relay.SetFormat(RecordingLeg.A, new RelayLegFormat(G711Law.MuLaw, 0, 101));
        relay.SetFormat(RecordingLeg.B, new RelayLegFormat(G711Law.MuLaw, 0, null));
        using var phoneA = new UdpPeer();
        using var agentB = new UdpPeer();
        relay.SetRemote(RecordingLeg.B, agentB.EndPoint);
        phoneA.Send(relay.LocalEndPoint(RecordingLeg.A), new RtpPacket { PayloadType = 101, Ssrc = 1, Payload = new byte[] { 5, 0x8A, 3, 32 } });
        await agentB.ExpectNothingAsync();
        Assert.Equal(1, relay.PacketsDropped);
    }
}
