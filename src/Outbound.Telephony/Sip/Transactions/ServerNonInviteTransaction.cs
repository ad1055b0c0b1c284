using Outbound.Telephony.Sip.Messages;
using Outbound.Telephony.Sip.Transport;

namespace Outbound.Telephony.Sip.Transactions;

/// <summary>
/// The non-INVITE server transaction of RFC 3261 §17.2.2 (Figure 8): retransmitted requests get the last
/// response again; Timer J (64·T1, or 0 on reliable transports) keeps the final response for retransmissions.
/// </summary>
public sealed class ServerNonInviteTransaction : SipTransaction
{
    private SipResponse? _lastResponse;

    public ServerNonInviteTransaction(SipRequest request, SipEndPoint remote, ISipSender sender, TimeProvider time, SipTimerSettings timers)
        : base(ServerKey(request), remote, sender, time, timers)
    {
        Request = request;
        SetState(SipTransactionState.Trying);
    }

    public SipRequest Request { get; }

    public void Respond(SipResponse response) => Locked(() =>
    {
        if (State is not (SipTransactionState.Trying or SipTransactionState.Proceeding)) return;
        _lastResponse = response;
        Send(response);
        if (response.IsProvisional)
        {
            SetState(SipTransactionState.Proceeding);
            return;
        }
        SetState(SipTransactionState.Completed);
        StartTimer(Remote.IsReliable ? TimeSpan.Zero : Timers.Timeout, Terminate);
    });

    public void ReceiveRequest(SipRequest request) => Locked(() =>
    {
        if (State is SipTransactionState.Proceeding or SipTransactionState.Completed && _lastResponse is not null) Send(_lastResponse);
    });

    protected override void OnTransportError(Exception error) => Terminate();
}
