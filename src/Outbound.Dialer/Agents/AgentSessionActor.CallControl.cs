using Akka.Actor;
using Outbound.Core.Desk;
using Outbound.Dialer.Calls;

namespace Outbound.Dialer.Agents;

/// <summary>
/// Call control on the call on the desk: the agent's own commands pass the desk machine first (so hold is refused while
/// held, a transfer while a consult goes on …) and then go to the call, which answers the asker and reports its new status
/// (<see cref="AgentEvents.CallStatusChanged"/>) back to the desk. A supervisor's monitoring goes to whatever live call the agent has.
/// </summary>
public sealed partial class AgentSessionActor
{
    private void ReceiveCallControl()
    {
        Receive<CallControl.ICommand>(command =>
        {
            if (AgentAction(command) is { } action)
            {
                var step = Apply(new DeskInput.Control(action));
                if (!step.Accepted || _call is null)
                {
                    Sender.Tell(new CallControlReply(ReplyCode(step.Refusal ?? DeskRefusal.NoCall)));
                    return;
                }
            }
            else if (_machine.Call is not { Live: true } || _call is null)
            {
                Sender.Tell(new CallControlReply(CallControlReply.NotOnCall));
                return;
            }
            _call.Forward(command);
        });
        Receive<AgentEvents.CallStatusChanged>(s =>
        {
            Apply(new DeskInput.StatusChanged(s.Status.Held, s.Status.ConsultWith, s.Status.ConsultUp, s.Status.Conference));
            _desk.Tell(s);
        });
        Receive<CallControlReply>(_ => { }); // the call's answer to a hang-up the desk asked for: the call reports the end itself
    }

    private static DeskAction? AgentAction(CallControl.ICommand command) => command switch
    {
        CallControl.Hold => DeskAction.Hold,
        CallControl.Retrieve => DeskAction.Retrieve,
        CallControl.Transfer => DeskAction.Transfer,
        CallControl.Consult => DeskAction.Consult,
        CallControl.CompleteTransfer => DeskAction.CompleteTransfer,
        CallControl.Conference => DeskAction.Conference,
        CallControl.CancelConsult => DeskAction.CancelConsult,
        _ => null,
    };

    private static string ReplyCode(DeskRefusal refusal) => refusal switch
    {
        DeskRefusal.ConsultInProgress => CallControlReply.Busy,
        DeskRefusal.NoConsult => CallControlReply.NoConsult,
        DeskRefusal.NotNow => CallControlReply.NotNow,
        _ => CallControlReply.NotOnCall,
    };
}
