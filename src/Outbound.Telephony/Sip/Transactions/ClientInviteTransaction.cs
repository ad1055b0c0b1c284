using Outbound.Telephony.Sip.Messages;
using Outbound.Telephony.Sip.Transport;

namespace Outbound.Telephony.Sip.Transactions;

/// <summary>
/// The INVITE client transaction of RFC 3261 §17.1.1 (Figure 5) with the Accepted state of RFC 6026:
/// Timer A retransmits the INVITE on unreliable transports (T1, doubling), Timer B gives up after 64·T1,
/// Timer D absorbs retransmitted final responses in Completed (ACKing each), Timer M absorbs 2xx in Accepted.
/// </summary>
public sealed class ClientInviteTransaction : SipTransaction
{
    private readonly Action<SipResponse> _onResponse;
    private readonly Action<SipTransactionError> _onError;
    private SipRequest? _ack;
    private TimeSpan _timerA;

    public ClientInviteTransaction(SipRequest invite, SipEndPoint remote, ISipSender sender, TimeProvider time, SipTimerSettings timers,
        Action<SipResponse> onResponse, Action<SipTransactionError> onError)
        : base(ClientKey(invite.TopVia.Branch ?? string.Empty, SipMethods.Invite), remote, sender, time, timers)
    {
        Request = invite;
        _onResponse = onResponse;
        _onError = onError;
    }

    public SipRequest Request { get; }

    public void Start() => Locked(() =>
    {
        SetState(SipTransactionState.Calling);
        Send(Request);
        if (!Remote.IsReliable)
        {
            _timerA = Timers.T1;
            StartTimer(_timerA, RetransmitA);
        }
        StartTimer(Timers.Timeout, () =>
        {
            if (State != SipTransactionState.Calling) return;   // Timer B only matters in Calling
            Terminate();
            Notify(() => _onError(SipTransactionError.Timeout));
        });
    });

    private void RetransmitA()
    {
        if (State != SipTransactionState.Calling) return;
        Send(Request);
        _timerA *= 2;
        StartTimer(_timerA, RetransmitA);
    }

    public void ReceiveResponse(SipResponse response) => Locked(() =>
    {
        switch (State)
        {
            case SipTransactionState.Calling or SipTransactionState.Proceeding when response.IsProvisional:
                SetState(SipTransactionState.Proceeding);
                Notify(() => _onResponse(response));
                break;
            case SipTransactionState.Calling or SipTransactionState.Proceeding when response.IsSuccess:
                SetState(SipTransactionState.Accepted);
                StartTimer(Timers.Timeout, Terminate);
                Notify(() => _onResponse(response));
                break;
            case SipTransactionState.Calling or SipTransactionState.Proceeding:
                SetState(SipTransactionState.Completed);
                _ack = BuildAck(response);
                Send(_ack);
                StartTimer(Remote.IsReliable ? TimeSpan.Zero : Timers.TimerD, Terminate);
                Notify(() => _onResponse(response));
                break;
            case SipTransactionState.Completed when !response.IsProvisional && !response.IsSuccess:
                Send(_ack!);
                break;
            case SipTransactionState.Accepted when response.IsSuccess:
                Notify(() => _onResponse(response));   // 2xx retransmission: the TU re-sends its ACK (RFC 6026 §8.4)
                break;
        }
    });

    /// <summary>
    /// Gives up on a transaction stuck in Proceeding (§9.1: no final response 64·T1 after a CANCEL); the user is told
    /// it timed out.
    /// </summary>
    public void Abandon() => Locked(() =>
    {
        if (State is not (SipTransactionState.Calling or SipTransactionState.Proceeding)) return;
        Terminate();
        Notify(() => _onError(SipTransactionError.Timeout));
    });

    protected override void OnTransportError(Exception error)
    {
        if (State is not (SipTransactionState.Calling or SipTransactionState.Proceeding)) return;
        Terminate();
        Notify(() => _onError(SipTransactionError.TransportError));
    }

    /// <summary>The ACK for a non-2xx final response (§17.1.1.3): same Request-URI, top Via, Call-ID, From, Route; To of the response.</summary>
    private SipRequest BuildAck(SipResponse response)
    {
        var ack = new SipRequest { Method = SipMethods.Ack, Uri = Request.Uri };
        ack.Headers.Add(SipHeaderNames.Via, Request.Headers[SipHeaderNames.Via]!);
        foreach (var route in Request.Headers.GetAll(SipHeaderNames.Route)) ack.Headers.Add(SipHeaderNames.Route, route);
        ack.Headers.Add(SipHeaderNames.MaxForwards, "70")
            .Add(SipHeaderNames.From, Request.Headers[SipHeaderNames.From]!)
            .Add(SipHeaderNames.To, response.Headers[SipHeaderNames.To]!)
            .Add(SipHeaderNames.CallId, Request.CallId)
            .Add(SipHeaderNames.CSeq, new CSeqHeader(Request.CSeq.Number, SipMethods.Ack).ToString());
        return ack;
    }
}
