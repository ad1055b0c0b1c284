using Outbound.Telephony.Sip.Messages;
using Outbound.Telephony.Sip.Transport;

namespace Outbound.Telephony.Sip.Transactions;

/// <summary>
/// The non-INVITE client transaction of RFC 3261 §17.1.2 (Figure 6): Timer E retransmits (T1 doubling up to T2,
/// then every T2 once Proceeding) on unreliable transports, Timer F gives up after 64·T1, Timer K (T4, or 0 on
/// reliable transports) absorbs retransmitted finals in Completed.
/// </summary>
public sealed class ClientNonInviteTransaction : SipTransaction
{
    private readonly Action<SipResponse> _onResponse;
    private readonly Action<SipTransactionError> _onError;
    private TimeSpan _timerE;

    public ClientNonInviteTransaction(SipRequest request, SipEndPoint remote, ISipSender sender, TimeProvider time, SipTimerSettings timers,
        Action<SipResponse> onResponse, Action<SipTransactionError> onError)
        : base(ClientKey(request.TopVia.Branch ?? string.Empty, request.Method), remote, sender, time, timers)
    {
        Request = request;
        _onResponse = onResponse;
        _onError = onError;
    }

    public SipRequest Request { get; }

    public void Start() => Locked(() =>
    {
        SetState(SipTransactionState.Trying);
        Send(Request);
        if (!Remote.IsReliable)
        {
            _timerE = Timers.T1;
            StartTimer(_timerE, RetransmitE);
        }
        StartTimer(Timers.Timeout, () =>
        {
            if (State is not (SipTransactionState.Trying or SipTransactionState.Proceeding)) return;
            Terminate();
            Notify(() => _onError(SipTransactionError.Timeout));
        });
    });

    private void RetransmitE()
    {
        if (State is not (SipTransactionState.Trying or SipTransactionState.Proceeding)) return;
        Send(Request);
        _timerE = State == SipTransactionState.Proceeding ? Timers.T2 : Min(_timerE * 2, Timers.T2);
        StartTimer(_timerE, RetransmitE);
    }

    public void ReceiveResponse(SipResponse response) => Locked(() =>
    {
        if (State is not (SipTransactionState.Trying or SipTransactionState.Proceeding)) return;
        if (response.IsProvisional)
        {
            SetState(SipTransactionState.Proceeding);
        }
        else
        {
            SetState(SipTransactionState.Completed);
            StartTimer(Remote.IsReliable ? TimeSpan.Zero : Timers.T4, Terminate);
        }
        Notify(() => _onResponse(response));
    });

    protected override void OnTransportError(Exception error)
    {
        if (State is not (SipTransactionState.Trying or SipTransactionState.Proceeding)) return;
        Terminate();
        Notify(() => _onError(SipTransactionError.TransportError));
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
