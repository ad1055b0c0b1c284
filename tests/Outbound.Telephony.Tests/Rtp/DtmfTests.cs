using Outbound.Telephony.Rtp.Dtmf;

namespace Outbound.Telephony.Tests.Rtp;

public sealed class DtmfTests
{
    [Fact]
    public void Plan_for_a_100ms_digit_has_growing_durations_one_marker_and_three_end_packets()
    {
        var plan = DtmfPacketPlan.For('5', TimeSpan.FromMilliseconds(100));
        Assert.Equal(4 + 3, plan.Count);
        Assert.Single(plan, p => p.Marker);
        Assert.True(plan[0].Marker);
        Assert.Equal(new ushort[] { 160, 320, 480, 640, 800, 800, 800 }, plan.Select(p => p.Payload.Duration));
        Assert.Equal(3, plan.Count(p => p.Payload.End));
        Assert.All(plan, p => Assert.Equal(5, p.Payload.Event));
        Assert.Equal(TimeSpan.FromMilliseconds(80), plan[^1].Delay);
    }

    [Fact]
    public void Payload_round_trips_and_matches_the_sipp_capture()
    {
        // End packet of dtmf_2833_1.pcap: event 1, E bit, volume 10, duration 0x08C0.
        Assert.True(TelephoneEvent.TryRead(Convert.FromHexString("018A08C0"), out var parsed));
        Assert.Equal(new TelephoneEvent(1, true, 10, 0x08C0), parsed);
        Assert.Equal(Convert.FromHexString("018A08C0"), parsed.ToArray());
    }

    [Fact]
    public void Every_digit_round_trips_through_plan_and_receiver_once()
    {
        var receiver = new DtmfReceiver();
        var received = new List<char>();
        uint timestamp = 1000;
        foreach (var digit in "0123456789*#ABCD")
        {
            foreach (var packet in DtmfPacketPlan.For(digit, TimeSpan.FromMilliseconds(120)))
                received.AddRange(receiver.Receive(timestamp, packet.Payload.ToArray()).Select(d => d.Digit));
            timestamp += 2000;
        }
        Assert.Equal("0123456789*#ABCD", new string(received.ToArray()));
    }

    [Fact]
    public void Digit_is_reported_when_all_its_end_packets_are_lost()
    {
        var receiver = new DtmfReceiver();
        var first = DtmfPacketPlan.For('7', TimeSpan.FromMilliseconds(60)).Where(p => !p.Payload.End);
        foreach (var packet in first) Assert.Empty(receiver.Receive(500, packet.Payload.ToArray()));
        var next = receiver.Receive(9000, DtmfPacketPlan.For('8', TimeSpan.FromMilliseconds(40))[0].Payload.ToArray());
        var digit = Assert.Single(next);
        Assert.Equal('7', digit.Digit);
        Assert.Equal(TimeSpan.FromMilliseconds(40), digit.Duration);
    }

    [Fact]
    public void Short_payload_is_ignored() => Assert.Empty(new DtmfReceiver().Receive(0, new byte[] { 1, 0x80 }));
}
