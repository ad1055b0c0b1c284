using Akka.Actor;

namespace Outbound.Dialer.Agents;

/// <summary>
/// The session's side of an internal call (<see cref="InternalCallCommands"/>): reserved while it rings, on a call while
/// the two talk (both logged with the reason <see cref="InternalReason"/>), then back to the state it left — unless a
/// not-ready was asked for meanwhile or the phone dropped.
/// </summary>
public sealed partial class AgentSessionActor
{
    public const string InternalReason = "internal";

    private IActorRef? _internal;
    private string _internalPeer = "";
    private bool _internalCaller;
    private (AgentState State, string? Reason) _beforeInternal;

    private bool IdleForInternal => _state is AgentState.Ready or AgentState.NotReady && _call is null && _internal is null && _phone is not null;

    private void ReceiveInternalCalls()
    {
        Receive<InternalCallCommands.Call>(c =>
        {
            if (_phone is not { } phone) { Sender.Tell(new InternalCallReply(InternalCallReply.NoPhone)); return; }
            if (!IdleForInternal || c.AgentId == _agentId) { Sender.Tell(new InternalCallReply(InternalCallReply.NotIdle)); return; }
            BeginInternal(c.AgentId, caller: true, Context.ActorOf(InternalCallActor.Props(_agentId, phone, c.AgentId, c.Session, _services)));
            _desk.Tell(new InternalCallChanged(_agentId, c.AgentId, InternalCallPhase.Calling));
            Sender.Tell(new InternalCallReply(null));
        });
        Receive<InternalCallProtocol.Offer>(o =>
        {
            if (!IdleForInternal) { o.Call.Tell(new InternalCallProtocol.Busy()); return; }
            BeginInternal(o.CallerAgentId, caller: false, o.Call);
            o.Call.Tell(new InternalCallProtocol.Ringing(_phone!));
            _desk.Tell(new InternalCallChanged(_agentId, o.CallerAgentId, InternalCallPhase.Ringing));
        });
        Receive<InternalCallCommands.Answer>(_ =>
        {
            if (_internal is not null && !_internalCaller && _state == AgentState.Reserved) _internal.Tell(new InternalCallProtocol.Answered());
        });
        Receive<InternalCallCommands.Decline>(_ =>
        {
            if (_internal is not null && !_internalCaller && _state == AgentState.Reserved)
                _internal.Tell(new InternalCallProtocol.Leave(_agentId, InternalCallOutcome.Declined));
        });
        Receive<InternalCallCommands.HangUp>(_ => LeaveInternal());
        Receive<InternalCallProtocol.Connected>(c =>
        {
            if (!Equals(_internal, c.Call)) return;
            Become(AgentState.OnCall, InternalReason);
            _desk.Tell(new InternalCallChanged(_agentId, _internalPeer, InternalCallPhase.Talking));
        });
        Receive<InternalCallProtocol.Over>(o =>
        {
            if (!Equals(_internal, o.Call)) return;
            _desk.Tell(new InternalCallChanged(_agentId, _internalPeer, InternalCallPhase.Ended, o.Outcome));
            EndInternal();
        });
    }

    private void BeginInternal(string peer, bool caller, IActorRef call)
    {
        _internalPeer = peer;
        _beforeInternal = (_state, _reason);
        _internal = call;
        _internalCaller = caller;
        Become(AgentState.Reserved, InternalReason);
    }

    /// <summary>The agent hangs up, logs out or loses its phone: ringing, the call is cancelled (or declined); talking, it is over.</summary>
    private void LeaveInternal()
    {
        if (_internal is null) return;
        var outcome = _state == AgentState.OnCall ? InternalCallOutcome.Completed
            : _internalCaller ? InternalCallOutcome.Cancelled : InternalCallOutcome.Declined;
        _internal.Tell(new InternalCallProtocol.Leave(_agentId, outcome));
    }

    private void EndInternal()
    {
        _internal = null;
        if (_state == AgentState.LoggedOut) return;
        if (_notReadyAfterCall is { } reason)
        {
            _notReadyAfterCall = null;
            Become(AgentState.NotReady, reason);
        }
        else Become(_beforeInternal.State, _beforeInternal.Reason);
    }
}
