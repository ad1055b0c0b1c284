using Outbound.Telephony.Sip.Messages;
using Outbound.Telephony.Sip.Transport;

namespace Outbound.Telephony.Sip.Transactions;

/// <summary>
/// What the four transaction state machines share: a lock, timers on an injected <see cref="TimeProvider"/>,
/// the peer, and a Terminated notification for the transaction table.
/// </summary>
public abstract class SipTransaction
{
    private readonly List<ITimer> _timers = [];
    private readonly List<Action> _notifications = [];
    private readonly TimeProvider _time;

    protected SipTransaction(string key, SipEndPoint remote, ISipSender sender, TimeProvider time, SipTimerSettings timers)
    {
        Key = key;
        Remote = remote;
        Sender = sender;
        _time = time;
        Timers = timers;
    }

    protected object Gate { get; } = new();
    protected ISipSender Sender { get; }
    protected SipTimerSettings Timers { get; }

    public string Key { get; }
    public SipEndPoint Remote { get; }
    public SipTransactionState State { get; private set; }

    /// <summary>Raised once, outside the lock, when the transaction reaches Terminated.</summary>
    public event Action<SipTransaction>? Terminated;

    protected void SetState(SipTransactionState state) => State = state;

    /// <summary>Starts a one-shot timer whose callback runs under the lock, only while the transaction is alive.</summary>
    protected void StartTimer(TimeSpan due, Action onFire)
    {
        ITimer? timer = null;
        timer = _time.CreateTimer(_ => Locked(() =>
        {
            _timers.Remove(timer!);
            timer!.Dispose();
            onFire();
        }), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _timers.Add(timer);
        timer.Change(due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Moves to Terminated and cancels every timer; Terminated is raised once the lock is released.</summary>
    protected void Terminate()
    {
        State = SipTransactionState.Terminated;
        foreach (var timer in _timers) timer.Dispose();
        _timers.Clear();
    }

    /// <summary>Queues a call to the transaction user, made after the lock is released (so the TU may call back in).</summary>
    protected void Notify(Action notification) => _notifications.Add(notification);

    protected void Send(SipMessage message) => Sender.Send(message, Remote, e => Locked(() => OnTransportError(e)));

    /// <summary>§17.1.4 / §17.2.4: a transport failure terminates the transaction (called under the lock).</summary>
    protected abstract void OnTransportError(Exception error);

    /// <summary>Runs <paramref name="action"/> under the lock and raises Terminated afterwards if it terminated the transaction.</summary>
    protected void Locked(Action action)
    {
        bool terminated;
        Action[] notifications;
        lock (Gate)
        {
            if (State == SipTransactionState.Terminated) return;
            action();
            terminated = State == SipTransactionState.Terminated;
            notifications = _notifications.ToArray();
            _notifications.Clear();
        }
        foreach (var notification in notifications) notification();
        if (terminated) Terminated?.Invoke(this);
    }

    /// <summary>Client key (§17.1.3): top Via branch and CSeq method.</summary>
    public static string ClientKey(string branch, string method) => $"c|{branch}|{method}";

    /// <summary>Server key (§17.2.3): branch, sent-by and method, with ACK matching its INVITE.</summary>
    public static string ServerKey(SipRequest request)
    {
        var via = request.TopVia;
        var method = request.Method == SipMethods.Ack ? SipMethods.Invite : request.Method;
        return $"s|{via.Branch}|{via.Host}:{via.Port ?? 5060}|{method}";
    }
}
