using Outbound.Telephony.Sip.Messages;
using Outbound.Telephony.Sip.Transactions;
using Outbound.Telephony.Sip.Transport;

namespace Outbound.Telephony.Sip.UserAgents;

/// <summary>
/// OPTIONS keep-alive towards the carrier trunk (RFC 3261 §11): any response means the trunk is up; a transaction
/// timeout or transport error marks it down until the next response. Runs on the injected clock.
/// </summary>
public sealed class SipTrunkMonitor : IDisposable
{
    private readonly SipStack _stack;
    private readonly SipUri _trunkUri;
    private readonly SipEndPoint _trunk;
    private readonly TimeSpan _interval;
    private readonly string _callId = SipIds.CallId();
    private readonly string _tag = SipIds.Tag();
    private ITimer? _timer;
    private long _seq;
    private int _state;

    public SipTrunkMonitor(SipStack stack, SipUri trunkUri, SipEndPoint trunk, TimeSpan interval)
    {
        _stack = stack;
        _trunkUri = trunkUri;
        _trunk = trunk;
        _interval = interval;
    }

    public TrunkState State => (TrunkState)Volatile.Read(ref _state);
    public event Action<TrunkState>? StateChanged;

    public void Start() => _timer = _stack.Time.CreateTimer(_ => Probe(), null, TimeSpan.Zero, _interval);

    private void Probe()
    {
        var options = new SipRequest { Method = SipMethods.Options, Uri = _trunkUri };
        options.Headers.Add(SipHeaderNames.Via, _stack.NewVia(_trunk.Transport))
            .Add(SipHeaderNames.MaxForwards, "70")
            .Add(SipHeaderNames.From, NameAddress.For(_stack.ContactUri("keepalive"), _tag).ToString())
            .Add(SipHeaderNames.To, NameAddress.For(_trunkUri).ToString())
            .Add(SipHeaderNames.CallId, _callId)
            .Add(SipHeaderNames.CSeq, new CSeqHeader(Interlocked.Increment(ref _seq), SipMethods.Options).ToString());
        _stack.Transactions.StartNonInvite(options, _trunk, r =>
        {
            if (!r.IsProvisional) Set(TrunkState.Up);
        }, (SipTransactionError _) => Set(TrunkState.Down));
    }

    private void Set(TrunkState state)
    {
        if (Interlocked.Exchange(ref _state, (int)state) != (int)state) StateChanged?.Invoke(state);
    }

    public void Dispose() => _timer?.Dispose();
}
