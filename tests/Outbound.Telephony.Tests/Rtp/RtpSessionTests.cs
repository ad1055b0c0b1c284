using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Time.Testing;
using Outbound.Telephony.Rtp;
using Outbound.Telephony.Rtp.Codecs;
using Outbound.Telephony.Rtp.Dtmf;
using Outbound.Telephony.Rtp.Sessions;

namespace Outbound.Telephony.Tests.Rtp;

public sealed class RtpSessionTests
{
    private static readonly IPEndPoint AnyLoopback = new(IPAddress.Loopback, 0);

    private static async Task Eventually(Func<bool> condition, string what)
    {
        for (var i = 0; i < 500 && !condition(); i++) await Task.Delay(10);
        Assert.True(condition(), what);
    }

    [Fact]
    public async Task Dtmf_sent_by_one_session_is_received_as_digits_by_the_other()
    {
        await using var caller = RtpSession.Open(AnyLoopback);
        await using var callee = RtpSession.Open(AnyLoopback);
        var digits = new ConcurrentQueue<DtmfDigitReceived>();
        callee.DtmfReceived += digits.Enqueue;
        callee.Start();
        caller.SetRemote(callee.LocalEndPoint);
        foreach (var digit in "5#9") await caller.SendDtmfAsync(digit, TimeSpan.FromMilliseconds(80));
        await Eventually(() => digits.Count == 3, "three digits received");
        Assert.Equal("5#9", new string(digits.Select(d => d.Digit).ToArray()));
        Assert.All(digits, d => Assert.Equal(TimeSpan.FromMilliseconds(80), d.Duration));
        Assert.Equal(3 * (4 + 2), caller.PacketsSent); // 4 packets per 80 ms digit, the end sent three times
    }

    [Fact]
    public async Task Audio_is_decoded_and_replies_go_to_where_the_peer_really_sends_from()
    {
        await using var session = RtpSession.Open(AnyLoopback, new RtpSessionOptions { Law = G711Law.ALaw, PayloadType = 8 });
        var audio = new ConcurrentQueue<short[]>();
        session.AudioReceived += (_, samples) => audio.Enqueue(samples);
        session.Start();
        using var peer = new UdpPeer();
        session.SetRemote(new IPEndPoint(IPAddress.Loopback, 9)); // what the SDP said; the peer sends from elsewhere
        peer.Send(session.LocalEndPoint, new RtpPacket { PayloadType = 8, Ssrc = 5, Payload = Enumerable.Repeat((byte)0xAA, 160).ToArray() });
        await Eventually(() => audio.Count == 1, "one audio frame");
        Assert.All(audio.Single(), s => Assert.Equal(32256, s));
        Assert.Equal(peer.EndPoint, session.RemoteEndPoint);

        await session.SendAudioAsync(Enumerable.Repeat((short)1000, 160).ToArray(), marker: true);
        await session.SendAudioAsync(Enumerable.Repeat((short)1000, 160).ToArray());
        var (first, _) = await peer.ExpectAsync();
        var (second, _) = await peer.ExpectAsync();
        Assert.Equal((true, (byte)8, session.Ssrc), (first.Marker, first.PayloadType, first.Ssrc));
        Assert.Equal(0xFA, first.Payload.Span[0]);
        Assert.Equal((ushort)(first.SequenceNumber + 1), second.SequenceNumber);
        Assert.Equal(first.Timestamp + 160, second.Timestamp);
    }

    [Fact]
    public async Task Inactivity_is_reported_once_after_the_timeout_without_packets()
    {
        var time = new FakeTimeProvider();
        await using var session = RtpSession.Open(AnyLoopback, new RtpSessionOptions { InactivityTimeout = TimeSpan.FromSeconds(2) }, time);
        var timeouts = 0;
        session.InactivityTimedOut += () => Interlocked.Increment(ref timeouts);
        session.Start();
        using var peer = new UdpPeer();
        time.Advance(TimeSpan.FromSeconds(1));
        peer.Send(session.LocalEndPoint, new RtpPacket { PayloadType = 0, Ssrc = 1, Payload = new byte[160] });
        await Eventually(() => session.PacketsReceived == 1, "packet received");
        time.Advance(TimeSpan.FromSeconds(1.5));
        Assert.Equal(0, timeouts); // only 1.5 s since the last packet
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, timeouts);
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(1, timeouts);
    }

    [Fact]
    public async Task Prompt_played_on_a_session_arrives_as_one_marked_continuous_stream()
    {
        var path = Path.GetTempFileName();
        try
        {
            var tone = Enumerable.Range(0, 8000 / 2).Select(i => (short)(8000 * Math.Sin(2 * Math.PI * 440 * i / 8000.0))).ToArray();
            new Outbound.Telephony.Rtp.Wav.WavAudio(8000, 1, tone).Write(path);
            await using var player = RtpSession.Open(AnyLoopback);
            using var phone = new UdpPeer();
            player.SetRemote(phone.EndPoint);
            Assert.Equal(25, await player.PlayAsync(Outbound.Telephony.Rtp.Prompts.PromptPlayer.LoadFrames(path)));
            var packets = new List<RtpPacket>();
            for (var i = 0; i < 25; i++) packets.Add((await phone.ExpectAsync()).Packet);
            Assert.True(packets[0].Marker);
            Assert.All(packets.Skip(1), p => Assert.False(p.Marker));
            Assert.Equal(Enumerable.Range(0, 25).Select(i => (ushort)(packets[0].SequenceNumber + i)), packets.Select(p => p.SequenceNumber));
            Assert.Equal(Enumerable.Range(0, 25).Select(i => packets[0].Timestamp + (uint)(160 * i)), packets.Select(p => p.Timestamp));
            var decoded = new short[160];
            MuLaw.Decode(packets[1].Payload.Span, decoded);
            Assert.InRange(decoded.Max(s => (int)s), 7000, 8500);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public async Task Bridging_after_a_prompt_continues_the_agents_stream_with_a_marker_and_parting_stops_it()
    {
        await using var party = RtpSession.Open(AnyLoopback);
        await using var agent = RtpSession.Open(AnyLoopback);
        party.Start();
        agent.Start();
        using var partyPhone = new UdpPeer();
        using var agentPhone = new UdpPeer();
        party.SetRemote(partyPhone.EndPoint);
        agent.SetRemote(agentPhone.EndPoint);

        // A whisper prompt to the agent first (our own source) …
        await agent.SendAudioAsync(new short[160], marker: true);
        await agent.SendAudioAsync(new short[160]);
        var prompt = new[] { (await agentPhone.ExpectAsync()).Packet, (await agentPhone.ExpectAsync()).Packet };
        // … then the called party is bridged in.
        var bridge = party.BridgeTo(agent);
        partyPhone.Send(party.LocalEndPoint, new RtpPacket { PayloadType = 0, Ssrc = 77, SequenceNumber = 30000, Timestamp = 5, Payload = new byte[160] });
        partyPhone.Send(party.LocalEndPoint, new RtpPacket { PayloadType = 0, Ssrc = 77, SequenceNumber = 30001, Timestamp = 165, Payload = new byte[160] });
        var bridged = new[] { (await agentPhone.ExpectAsync()).Packet, (await agentPhone.ExpectAsync()).Packet };

        Assert.All(prompt.Concat(bridged), p => Assert.Equal(agent.Ssrc, p.Ssrc));
        Assert.Equal(Enumerable.Range(0, 4).Select(i => (ushort)(prompt[0].SequenceNumber + i)), prompt.Concat(bridged).Select(p => p.SequenceNumber));
        Assert.Equal([true, false, true, false], prompt.Concat(bridged).Select(p => p.Marker));
        Assert.Equal(160u, bridged[1].Timestamp - bridged[0].Timestamp);
        Assert.Equal(2, agent.SourcesSent);

        bridge.Dispose();
        partyPhone.Send(party.LocalEndPoint, new RtpPacket { PayloadType = 0, Ssrc = 77, SequenceNumber = 30002, Timestamp = 325, Payload = new byte[160] });
        await agentPhone.ExpectNothingAsync();
        Assert.Equal(2, agent.PacketsForwarded);
    }

    [Fact]
    public async Task Dtmf_sent_on_a_bridged_leg_is_not_interleaved_with_the_other_sides_audio()
    {
        await using var party = RtpSession.Open(AnyLoopback);
        await using var agent = RtpSession.Open(AnyLoopback);
        party.Start();
        agent.Start();
        using var partyPhone = new UdpPeer();
        using var ivr = new UdpPeer();
        party.SetRemote(partyPhone.EndPoint);
        agent.SetRemote(ivr.EndPoint);
        using var bridge = party.BridgeTo(agent);
        using var talking = new CancellationTokenSource();
        var talk = Task.Run(async () =>
        {
            for (ushort i = 0; !talking.IsCancellationRequested; i++)
            {
                partyPhone.Send(party.LocalEndPoint, new RtpPacket { PayloadType = 0, Ssrc = 9, SequenceNumber = i, Timestamp = i * 160u, Payload = new byte[160] });
                await Task.Delay(5);
            }
        });
        await Task.Delay(100);
        await agent.SendDtmfAsync('7', TimeSpan.FromMilliseconds(100));
        await talking.CancelAsync();
        await talk;

        var received = new List<RtpPacket>();
        try
        {
            while (true) received.Add((await ivr.ExpectAsync(500)).Packet);
        }
        catch (TimeoutException)
        {
        }
        var firstEvent = received.FindIndex(p => p.PayloadType == 101);
        var lastEvent = received.FindLastIndex(p => p.PayloadType == 101);
        Assert.True(firstEvent > 0, "the party's audio is relayed before the digit");
        Assert.Equal(5 + 2, lastEvent - firstEvent + 1); // 5 event packets + 2 end retransmissions, nothing between
        Assert.Single(received.Skip(firstEvent).Take(7).Select(p => p.Timestamp).Distinct());
        Assert.True(received[firstEvent].Marker);
        Assert.True(agent.PacketsDropped > 0, "the party's audio was held back while the digit played");
    }
}
