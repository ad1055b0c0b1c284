using Outbound.Telephony.Sip.Messages;
using Outbound.Telephony.Sip.Transport;

namespace Outbound.Telephony.Sip.Transactions;

/// <summary>
/// The INVITE server transaction of RFC 3261 §17.2.1 (Figure 7) with RFC 6026's Accepted state: answers
/// retransmitted INVITEs with the last response; after a 300–699, Timer G retransmits it (T1 doubling up to T2)
/// until the ACK arrives or Timer H (64·T1) expires; Timer I (T4) absorbs ACK copies in Confirmed. A 2xx moves to
/// Accepted (Timer L): retransmitting it until the ACK is the UAS core's job (§13.3.1.4), but a retransmitted INVITE
/// (a re-INVITE whose 2xx was lost) is still answered with it at once. Every final response carries one To tag,
/// <see cref="ToTag"/>, which the 200 to a CANCEL of this INVITE repeats (§9.2).
/// </summary>
public sealed class ServerInviteTransaction : SipTransaction
{
    private readonly Action<SipTransactionError> _onError;
    private SipResponse? _lastResponse;
    private TimeSpan _timerG;

    public ServerInviteTransaction(SipRequest invite, SipEndPoint remote, ISipSender sender, TimeProvider time, SipTimerSettings timers,
        Action<SipTransactionError> onError)
        : base(ServerKey(invite), remote, sender, time, timers)
    {
        Request = invite;
        ToTag = invite.To.Tag ?? SipIds.Tag();
        _onError = onError;
        SetState(SipTransactionState.Proceeding);
    }

    public SipRequest Request { get; }

    /// <summary>The To tag of our responses to this INVITE (a re-INVITE keeps the dialog's own tag).</summary>
    public string ToTag { get; }

    /// <summary>True once the ACK for a non-2xx final response arrived.</summary>
    public bool AckReceived => State == SipTransactionState.Confirmed;

    public void Respond(SipResponse response) => Locked(() =>
    {
        if (State != SipTransactionState.Proceeding) return;
        _lastResponse = response;
        Send(response);
        if (response.IsProvisional) return;
        if (response.IsSuccess)
        {
            SetState(SipTransactionState.Accepted);
            StartTimer(Timers.Timeout, Terminate);
            return;
        }
        SetState(SipTransactionState.Completed);
        if (!Remote.IsReliable)
        {
            _timerG = Timers.T1;
            StartTimer(_timerG, RetransmitG);
        }
        StartTimer(Timers.Timeout, () =>
        {
            if (State != SipTransactionState.Completed) return;   // Timer H: the ACK never came
            Terminate();
            Notify(() => _onError(SipTransactionError.Timeout));
        });
    });

    private void RetransmitG()
    {
        if (State != SipTransactionState.Completed) return;
        Send(_lastResponse!);
        _timerG = _timerG * 2 < Timers.T2 ? _timerG * 2 : Timers.T2;
        StartTimer(_timerG, RetransmitG);
    }

    /// <summary>A retransmitted INVITE or an ACK matching this transaction.</summary>
    public void ReceiveRequest(SipRequest request) => Locked(() =>
    {
        if (request.Method == SipMethods.Ack)
        {
            if (State != SipTransactionState.Completed) return;
            SetState(SipTransactionState.Confirmed);
            StartTimer(Remote.IsReliable ? TimeSpan.Zero : Timers.T4, Terminate);
            return;
        }
        if (State is SipTransactionState.Proceeding or SipTransactionState.Completed or SipTransactionState.Accepted && _lastResponse is not null)
            Send(_lastResponse);
    });

    protected override void OnTransportError(Exception error)
    {
        Terminate();
        Notify(() => _onError(SipTransactionError.TransportError));
    }
}
