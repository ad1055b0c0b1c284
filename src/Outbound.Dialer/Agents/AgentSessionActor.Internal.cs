using Akka.Actor;
using Outbound.Core.Desk;

namespace Outbound.Dialer.Agents;

/// <summary>
/// The session's side of an internal call (<see cref="InternalCallCommands"/>): a call of kind <see cref="DeskCallKind.Internal"/>
/// on the desk machine, ringing then talking (logged with the reason <see cref="InternalReason"/>); when it ends the desk is
/// back where it was (ready or not ready), or not ready if that was asked for meanwhile or the phone dropped.
/// </summary>
public sealed partial class AgentSessionActor
{
    public const string InternalReason = "internal";

    private IActorRef? _internal;
    private string _internalPeer = "";
    private bool _internalCaller, _internalConnected;

    private void ReceiveInternalCalls()
    {
        Receive<InternalCallCommands.Call>(c =>
        {
            if (_phone is not { } phone) { Sender.Tell(new InternalCallReply(InternalCallReply.NoPhone)); return; }
            if (_internal is not null || c.AgentId == _agentId || !Apply(new DeskInput.Offered(DeskCallKind.Internal)).Accepted)
            {
                Sender.Tell(new InternalCallReply(InternalCallReply.NotIdle));
                return;
            }
            (_internalPeer, _internalCaller, _internalConnected) = (c.AgentId, true, false);
            _internal = Context.ActorOf(InternalCallActor.Props(_agentId, phone, c.AgentId, c.Session, _services));
            _desk.Tell(new InternalCallChanged(_agentId, c.AgentId, InternalCallPhase.Calling));
            Sender.Tell(new InternalCallReply(null));
        });
        Receive<InternalCallProtocol.Offer>(o =>
        {
            if (_internal is not null || !Apply(new DeskInput.Offered(DeskCallKind.Internal, Incoming: true)).Accepted)
            {
                o.Call.Tell(new InternalCallProtocol.Busy());
                return;
            }
            (_internalPeer, _internalCaller, _internalConnected, _internal) = (o.CallerAgentId, false, false, o.Call);
            o.Call.Tell(new InternalCallProtocol.Ringing(_phone!));
            _desk.Tell(new InternalCallChanged(_agentId, o.CallerAgentId, InternalCallPhase.Ringing));
        });
        Receive<InternalCallCommands.Answer>(_ => Reply(Apply(new DeskInput.Answer())));
        Receive<InternalCallCommands.Decline>(_ => Reply(Apply(new DeskInput.HangUp())));
        Receive<InternalCallCommands.HangUp>(_ => Reply(Apply(new DeskInput.HangUp())));
        Receive<InternalCallProtocol.Connected>(c =>
        {
            if (!Equals(_internal, c.Call)) return;
            _internalConnected = true;
            Apply(new DeskInput.Connected());
            _desk.Tell(new InternalCallChanged(_agentId, _internalPeer, InternalCallPhase.Talking));
        });
        Receive<InternalCallProtocol.Over>(o =>
        {
            if (!Equals(_internal, o.Call)) return;
            _internal = null;
            _desk.Tell(new InternalCallChanged(_agentId, _internalPeer, InternalCallPhase.Ended, o.Outcome));
            Apply(new DeskInput.Ended());
        });
    }

    /// <summary>The agent hangs up, is signed out or loses its phone: ringing, the call is cancelled (or declined); talking, it is over.</summary>
    private void LeaveInternal()
    {
        if (_internal is null) return;
        var outcome = _internalConnected ? InternalCallOutcome.Completed
            : _internalCaller ? InternalCallOutcome.Cancelled : InternalCallOutcome.Declined;
        _internal.Tell(new InternalCallProtocol.Leave(_agentId, outcome));
    }
}
