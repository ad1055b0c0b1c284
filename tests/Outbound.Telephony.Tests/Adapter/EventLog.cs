using System.Threading.Channels;
using Outbound.Telephony.Port;

namespace Outbound.Telephony.Tests.Adapter;

/// <summary>A sink that keeps every event of the legs it was given, and waits for the next of a kind.</summary>
internal sealed class EventLog : ITelephonyEventSink
{
    private readonly Channel<TelephonyEvent> _events = Channel.CreateUnbounded<TelephonyEvent>();
    private readonly List<TelephonyEvent> _all = [];

    public void On(TelephonyEvent telephonyEvent)
    {
        lock (_all) _all.Add(telephonyEvent);
        _events.Writer.TryWrite(telephonyEvent);
    }

    public IReadOnlyList<TelephonyEvent> All
    {
        get { lock (_all) return _all.ToList(); }
    }

    /// <summary>The next event of type <typeparamref name="T"/>, skipping others; fails the test with what came instead.</summary>
    public async Task<T> NextAsync<T>(TimeSpan timeout) where T : TelephonyEvent
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                var e = await _events.Reader.ReadAsync(cancel.Token);
                if (e is T wanted) return wanted;
            }
        }
        catch (OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException($"no {typeof(T).Name} within {timeout.TotalSeconds} s; events: {string.Join(", ", All)}");
        }
    }
}
