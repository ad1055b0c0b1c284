namespace Outbound.Telephony.Rtp.Mixing;

/// <summary>
/// What one part of a mix sent since the last tick, as linear samples: packets of any size go in, frames of the mix's
/// size come out. Bounded: beyond <c>capacity</c> the oldest samples are dropped, so a peer sending too fast (or a late
/// tick) cannot build up delay. Thread-safe (filled from a receive loop, drained by the mix's clock).
/// </summary>
public sealed class FrameBuffer(int capacity = 480)
{
    private readonly Lock _gate = new();
    private readonly Queue<short> _samples = new();

    public int Count
    {
        get { lock (_gate) return _samples.Count; }
    }

    public void Add(ReadOnlySpan<short> samples)
    {
        lock (_gate)
        {
            foreach (var s in samples) _samples.Enqueue(s);
            while (_samples.Count > capacity) _samples.Dequeue();
        }
    }

    /// <summary>The next <paramref name="length"/> samples, or null while fewer have arrived (the part is silent this tick).</summary>
    public short[]? Take(int length)
    {
        lock (_gate)
        {
            if (_samples.Count < length) return null;
            var frame = new short[length];
            for (var i = 0; i < length; i++) frame[i] = _samples.Dequeue();
            return frame;
        }
    }
}
