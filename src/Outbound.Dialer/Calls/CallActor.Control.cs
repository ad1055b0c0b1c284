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

    private void ReceiveControl()
    {
        ReceiveAsync<TelephonyEvent>(_control.OnControlLegAsync, e => _control.IsControlLeg(e.Leg));
        ReceiveAsync<AgentProtocol.Reserved>(_control.OnTargetReservedAsync, _control.AwaitsReservation);
        ReceiveAsync<AgentProtocol.ReserveRefused>(_ => _control.OnTargetRefusedAsync(), _control.AwaitsReservation);
        ReceiveAsync<CallControl.ICommand>(async c => Sender.Tell(new CallControlReply(await _control.ControlAsync(c))));
    }
}
