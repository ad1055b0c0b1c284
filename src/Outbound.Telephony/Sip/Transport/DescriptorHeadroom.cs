namespace Outbound.Telephony.Sip.Transport;

/// <summary>
/// Keeps a reserve of descriptors that TCP peers can never take (an eighth of the limit, 32 to 512): the runtime needs
/// them for threads and assemblies — out of descriptors, .NET ends the process rather than fail a thread — and the
/// platform for RTP sockets, recordings and the database. A connection that would reach into the reserve is closed at
/// once. The limit and the open count are read from /proc at most once a second (so a limit lowered at run time is seen);
/// connections taken in between are counted on top, so a burst cannot slip past.
/// </summary>
internal sealed class DescriptorHeadroom(TimeProvider time)
{
    private static readonly TimeSpan Recount = TimeSpan.FromSeconds(1);
    private readonly Lock _gate = new();
    private long? _limit;
    private long _open;
    private long _countedAt = long.MinValue;
    private long _takenSince;

    /// <summary>True when one more descriptor (a connection in or out) still leaves the reserve untouched.</summary>
    public bool Allows()
    {
        lock (_gate)
        {
            var now = time.GetTimestamp();
            if (_countedAt == long.MinValue || time.GetElapsedTime(_countedAt, now) >= Recount)
            {
                _limit = DescriptorLimit.Current();
                _open = _limit is { } limit ? DescriptorLimit.Open() ?? limit : 0;
                _countedAt = now;
                _takenSince = 0;
            }
            if (_limit is not { } max) return true;
            if (_open + _takenSince + 1 > max - Math.Clamp(max / 8, 32, 512)) return false;
            _takenSince++;
            return true;
        }
    }
}
