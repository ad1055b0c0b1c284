namespace Outbound.Telephony.Rtp.Relay;

/// <summary>The header fields a rewritten packet goes out with.</summary>
public readonly record struct RewrittenHeader(bool Marker, ushort SequenceNumber, uint Timestamp, uint Ssrc);

/// <summary>
/// Makes the packets sent towards one peer look like a single RTP stream (RFC 3550 §5.1, §8.2)
/// although their sources change (the other leg, a prompt, a re-INVITEd phone): one SSRC of our own,
/// sequence numbers that continue by one, and timestamps that continue by the wall-clock gap. The first
/// packet of every new source carries the marker bit so the receiver resets its jitter buffer
/// (RFC 3551 §4.1). Within one source, gaps and reordering are kept as they came (offsets only).
/// </summary>
public sealed class RtpStreamRewriter(uint outputSsrc, ushort initialSequence, uint initialTimestamp, int clockRate = 8000)
{
    private uint? _sourceSsrc;
    private ushort _sequenceOffset;
    private uint _timestampOffset;
    private ushort _lastSequence = (ushort)(initialSequence - 1);
    private uint _lastTimestamp = initialTimestamp;
    private TimeSpan _lastArrival;
    private bool _started;

    public uint OutputSsrc { get; } = outputSsrc;

    /// <summary>Number of source switches seen (the first source counts as one).</summary>
    public int SourceCount { get; private set; }

    /// <param name="header">The incoming packet's header.</param>
    /// <param name="arrival">A monotonic arrival time (any origin), used to keep timestamps on the clock across switches.</param>
    public RewrittenHeader Rewrite(in RtpHeader header, TimeSpan arrival)
    {
        var marker = header.Marker;
        if (_sourceSsrc != header.Ssrc)
        {
            var nextSequence = (ushort)(_lastSequence + 1);
            var nextTimestamp = _started ? _lastTimestamp + GapInSamples(arrival) : _lastTimestamp;
            _sequenceOffset = (ushort)(nextSequence - header.SequenceNumber);
            _timestampOffset = nextTimestamp - header.Timestamp;
            _sourceSsrc = header.Ssrc;
            SourceCount++;
            marker = true;
        }
        var sequence = (ushort)(header.SequenceNumber + _sequenceOffset);
        var timestamp = header.Timestamp + _timestampOffset;
        if (!_started || (short)(sequence - _lastSequence) > 0)
        {
            _lastSequence = sequence;
            _lastTimestamp = timestamp;
            _lastArrival = arrival;
        }
        _started = true;
        return new RewrittenHeader(marker, sequence, timestamp, OutputSsrc);
    }

    /// <summary>At least one 20 ms frame, else the real time since the last packet, in timestamp units.</summary>
    private uint GapInSamples(TimeSpan arrival)
    {
        var samples = (long)((arrival - _lastArrival).TotalSeconds * clockRate);
        return (uint)Math.Max(samples, clockRate / 50);
    }
}
