using System.Collections.Concurrent;

namespace Outbound.Telephony.Sip.Transport;

/// <summary>
/// What the receive loops hand to the worker: a bounded queue that the worker thread blocks on directly (not through
/// the thread pool, which is the first thing to fall behind under load), so the time a message waits here is the
/// queueing delay overload control reacts to.
/// </summary>
internal sealed class SipInbox<T>(int capacity) : IDisposable
{
    private readonly ConcurrentQueue<T> _queue = new();
    private readonly SemaphoreSlim _ready = new(0);
    private int _count;

    public int Count => Volatile.Read(ref _count);

    /// <summary>Adds unless full (a datagram is then dropped, as a full socket buffer would).</summary>
    public bool TryAdd(T item)
    {
        if (Interlocked.Increment(ref _count) > capacity)
        {
            Interlocked.Decrement(ref _count);
            return false;
        }
        _queue.Enqueue(item);
        _ready.Release();
        return true;
    }

    /// <summary>Adds, waiting while full (a stream is then slowed down through TCP flow control).</summary>
    public async Task AddAsync(T item, CancellationToken cancel)
    {
        while (!TryAdd(item)) await Task.Delay(TimeSpan.FromMilliseconds(5), cancel);
    }

    /// <summary>Blocks the calling (dedicated) thread until an item arrives.</summary>
    public T Take(CancellationToken cancel)
    {
        while (true)
        {
            _ready.Wait(cancel);
            if (_queue.TryDequeue(out var item))
            {
                Interlocked.Decrement(ref _count);
                return item;
            }
        }
    }

    public void Dispose() => _ready.Dispose();
}
