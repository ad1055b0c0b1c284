using System.Collections.Concurrent;

namespace Outbound.Telephony.Sip.Transport;

/// <summary>
/// Decides whether a new INVITE is taken (see <see cref="SipAdmissionOptions"/>): a token bucket when a rate is set,
/// and the queueing delay the INVITE met. A Call-ID once taken stays taken for <see cref="Memory"/> (64·T1), so the
/// retransmissions and the authenticated retry of a call in progress are never shed halfway.
/// </summary>
public sealed class SipAdmission(SipAdmissionOptions options, TimeProvider time)
{
    /// <summary>How long a taken Call-ID is remembered: the INVITE transaction's lifetime (Timer B, 64·T1).</summary>
    public static readonly TimeSpan Memory = TimeSpan.FromSeconds(32);
    private readonly ConcurrentDictionary<string, long> _taken = new(StringComparer.Ordinal);
    private readonly Lock _bucketGate = new();
    private double _tokens = options.Burst;
    private long _refilled = time.GetTimestamp();
    private long _admitted;
    private long _shed;

    public SipAdmissionOptions Options => options;
    public long Admitted => Interlocked.Read(ref _admitted);
    public long Shed => Interlocked.Read(ref _shed);

    /// <summary>True: handle the INVITE; false: answer 503 now.</summary>
    public bool Admit(string callId, TimeSpan queued)
    {
        if (_taken.ContainsKey(callId)) return true;
        if (queued > options.MaxQueueDelay || !TakeToken())
        {
            Interlocked.Increment(ref _shed);
            return false;
        }
        _taken[callId] = time.GetTimestamp();
        Interlocked.Increment(ref _admitted);
        return true;
    }

    private bool TakeToken()
    {
        if (options.MaxNewCallsPerSecond <= 0) return true;
        lock (_bucketGate)
        {
            var now = time.GetTimestamp();
            _tokens = Math.Min(options.Burst, _tokens + time.GetElapsedTime(_refilled, now).TotalSeconds * options.MaxNewCallsPerSecond);
            _refilled = now;
            if (_tokens < 1) return false;
            _tokens -= 1;
            return true;
        }
    }

    /// <summary>Forgets Call-IDs older than <see cref="Memory"/>; called by the transport's periodic sweep.</summary>
    public void Forget()
    {
        foreach (var (callId, at) in _taken)
            if (time.GetElapsedTime(at) > Memory) _taken.TryRemove(new KeyValuePair<string, long>(callId, at));
    }
}
