using Akka.Actor;
using Outbound.Dialer.Agents;
using Outbound.Telephony.Port;

namespace Outbound.Dialer.Calls;

/// <summary>
/// Call control of a connected outbound call (<see cref="LiveCallControl"/>). The call keeps one record whatever happens:
/// its agent is the last one who had the customer, its talk time runs from the first connect to the customer's hang-up.
/// </summary>
internal sealed partial class CallActor
{
    private readonly LiveCallControl _control;
    private string? _storedDisposition;
    private Outbound.Core.Compliance.CallbackRequest? _storedCallback;
    /// <summary>The agent closed its after-call work while the customer still talked to someone else: nothing more will come.</summary>
    private bool _agentDone;

    private void ReceiveControl()
    {
        ReceiveAsync<TelephonyEvent>(_control.OnControlLegAsync, e => _control.IsControlLeg(e.Leg));
        ReceiveAsync<LiveCallControl.ConsultTimedOut>(_control.OnConsultTimedOutAsync);
        ReceiveAsync<CallControl.HangUp>(CancelAsync, _ => _connectedAt is null);
        ReceiveAsync<AgentProtocol.Reserved>(_control.OnTargetReservedAsync, _control.AwaitsReservation);
        ReceiveAsync<AgentProtocol.ReserveRefused>(_ => _control.OnTargetRefusedAsync(), _control.AwaitsReservation);
        ReceiveAsync<CallControl.ICommand>(async c => Sender.Tell(new CallControlReply(await _control.ControlAsync(c))));
    }

    /// <summary>The agent hangs up a preview or manual call still ringing: the dial is cancelled and recorded as unanswered.</summary>
    private async Task CancelAsync(CallControl.HangUp hangUp)
    {
        if (!Equals(Sender, _plan.PreviewSession) && !Equals(Sender, _control.Agent?.Session))
        {
            Sender.Tell(new CallControlReply(CallControlReply.NotYourCall));
            return;
        }
        if (!_finished && _endedAt is null && _leg is { } leg) await _services.Telephony.TryAsync(t => t.HangUpAsync(leg), _log, leg);
        Sender.Tell(new CallControlReply(null));
    }
}
