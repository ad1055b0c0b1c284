namespace Outbound.Telephony.Rtp.Dtmf;

/// <summary>One packet of a DTMF event as it is to be sent, <see cref="Delay"/> after the event began.</summary>
public sealed record DtmfPacket(TimeSpan Delay, bool Marker, TelephoneEvent Payload);

/// <summary>
/// The packets that carry one digit (RFC 4733 §2.5.1): all share the event's start timestamp; the first
/// has the marker bit; one every packet interval with the duration growing; the final packet has the E
/// bit and is sent three times (§2.5.1.4) so that a single loss does not lose the end.
/// </summary>
public static class DtmfPacketPlan
{
    public const int EndRedundancy = 3;

    public static IReadOnlyList<DtmfPacket> For(char digit, TimeSpan duration, byte volume = 10, int clockRate = 8000, int packetMilliseconds = 20)
    {
        if (duration <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(duration));
        var code = DtmfDigit.ToEvent(digit);
        var interval = TimeSpan.FromMilliseconds(packetMilliseconds);
        var steps = Math.Max(1, (int)Math.Ceiling(duration / interval));
        var samplesPerPacket = clockRate * packetMilliseconds / 1000;
        var packets = new List<DtmfPacket>(steps + EndRedundancy - 1);
        for (var step = 1; step <= steps; step++)
        {
            var end = step == steps;
            var units = (ushort)Math.Min(ushort.MaxValue, step * samplesPerPacket);
            var payload = new TelephoneEvent(code, end, volume, units);
            var copies = end ? EndRedundancy : 1;
            for (var copy = 0; copy < copies; copy++)
                packets.Add(new DtmfPacket(interval * (step - 1), step == 1 && copy == 0, payload));
        }
        return packets;
    }
}
