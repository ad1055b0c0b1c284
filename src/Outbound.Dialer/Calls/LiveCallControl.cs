using Akka.Actor;
using Akka.Event;
using Outbound.Data.Dialing;
using Outbound.Dialer.Agents;
using Outbound.Telephony.Port;

namespace Outbound.Dialer.Calls;

/// <summary>
/// Call control of a connected call, outbound (<see cref="CallActor"/>) or inbound (Inbound.InboundCallActor): hold,
/// blind and attended transfer, consult, three-party conference, and supervisor monitoring. The owning actor routes its
/// control messages here and keeps its one record; this decides who the call's agent is (the last one who had the
/// customer). Media follows one rule (<see cref="ApplyMediaAsync"/>): the customer is on hold, or in the call's mix
/// (bridged when it is only customer and agent) with whoever is meant to hear them; a consult happens in a side mix.
/// </summary>
internal sealed class LiveCallControl(LiveCallControl.Call call, Telephony.ITelephony telephony, DialerOptions options, IScheduler scheduler,
    ILoggingAdapter log)
{
    /// <summary>What control needs to know of its call: the actor, the lead offered to a target agent, how to dial out, the wrap-up.</summary>
    public sealed record Call(IActorRef Self, LeasedLead Lead, string CallerId, TimeSpan WrapUp);

    /// <summary>To the owning actor: the number dialled for a consult or transfer rang for <see cref="DialerOptions.ConsultRingTimeout"/>.</summary>
    public sealed record ConsultTimedOut(CallLegId Leg);

    private sealed record Party(string Id, IActorRef? Session, CallLegId? Leg, bool Up);

    private CallLegId? _customer;
    private string _transferTag = "";
    private bool _ended, _held, _conference, _blind;
    private TransferTarget? _target;
    private Party? _consultee;
    private (string SupervisorId, CallLegId Leg, MonitorMode Mode, bool Up, bool Intercepted)? _monitor;
    private ICancelable? _consultTimeout;

    /// <summary>The call's agent: reserved, then connected, then replaced by whoever a transfer hands the customer to.</summary>
    public (string AgentId, IActorRef Session, CallLegId Leg)? Agent { get; set; }

    /// <summary>The agent left for its after-call work while the customer still talks (to a number, to the supervisor).</summary>
    public bool AgentReleased { get; private set; }

    /// <summary>The supervisor who took the customer (拦截): the call's last agent.</summary>
    public string? InterceptedBy { get; private set; }

    /// <summary>An agent released while the call goes on (transferred away, intercepted): the owner may count its talk.</summary>
    public Action<string>? OnAgentReleased { get; init; }

    private string Room => "call-" + call.Self.Path.Name;
    private string SideRoom => "consult-" + call.Self.Path.Name;

    /// <summary>The customer and the agent are bridged: control starts; a number dialled for a transfer is tagged <paramref name="transferTag"/>.</summary>
    public void Connected(CallLegId customer, string transferTag) => (_customer, _transferTag) = (customer, transferTag);

    public bool IsControlLeg(CallLegId leg) => _customer is not null && (leg == _consultee?.Leg || leg == _monitor?.Leg);

    public bool AwaitsReservation(AgentProtocol.Reserved r) => _target is TransferTarget.Agent a && a.AgentId == r.AgentId && _consultee is null;

    public bool AwaitsReservation(AgentProtocol.ReserveRefused r) => _target is TransferTarget.Agent a && a.AgentId == r.AgentId;

    public async Task<string?> ControlAsync(CallControl.ICommand command)
    {
        if (_customer is null || _ended || Agent is null) return CallControlReply.NotOnCall;
        var agentId = Agent.Value.AgentId;
        switch (command)
        {
            case CallControl.Hold h when h.AgentId == agentId && !AgentReleased:
                if (_target is not null) return CallControlReply.Busy;
                _held = true;
                break;
            case CallControl.Retrieve r when r.AgentId == agentId && !AgentReleased:
                if (_target is not null) return CallControlReply.Busy;
                _held = false;
                break;
            case CallControl.HangUp h when h.AgentId == agentId && !AgentReleased:
                if (_target is not null) return CallControlReply.Busy;
                await Try(t => t.HangUpAsync(_customer));
                return null;
            case CallControl.Transfer t when t.AgentId == agentId && !AgentReleased:
            case CallControl.Consult c when c.AgentId == agentId && !AgentReleased:
                if (_target is not null) return CallControlReply.Busy;
                var target = command is CallControl.Transfer tr ? tr.Target : ((CallControl.Consult)command).Target;
                if (target is TransferTarget.Agent { AgentId: var to } && to == agentId) return CallControlReply.Busy;
                (_target, _blind, _held) = (target, command is CallControl.Transfer, true);
                await ReachTargetAsync(target);
                break;
            case CallControl.CompleteTransfer ct when ct.AgentId == agentId && !AgentReleased:
                if (_consultee is not { Up: true }) return CallControlReply.NoConsult;
                await HandOverAsync();
                return null;
            case CallControl.Conference cf when cf.AgentId == agentId && !AgentReleased:
                if (_consultee is not { Up: true }) return CallControlReply.NoConsult;
                (_conference, _held) = (true, false);
                break;
            case CallControl.CancelConsult cc when cc.AgentId == agentId && !AgentReleased:
                if (_target is null) return CallControlReply.NoConsult;
                await ReleaseConsulteeAsync();
                (_target, _conference, _held) = (null, false, false);
                break;
            case CallControl.Monitor m:
                if (_monitor is { } on && on.SupervisorId != m.SupervisorId) return CallControlReply.Busy;
                if (_monitor is { } same) _monitor = same with { Mode = m.Mode };
                else if (!await ConnectSupervisorAsync(m.SupervisorId, m.Mode)) return CallControlReply.NoSupervisorPhone;
                break;
            case CallControl.StopMonitor s:
                if (_monitor is not { } current || current.SupervisorId != s.SupervisorId || current.Intercepted) return CallControlReply.NoConsult;
                _monitor = null;
                await Try(t => t.HangUpAsync(current.Leg));
                break;
            case CallControl.ForceRelease:
                await Try(t => t.HangUpAsync(_customer));
                return null;
            case CallControl.Intercept i:
                if (_monitor is { } other && other.SupervisorId != i.SupervisorId) return CallControlReply.Busy;
                if (_monitor is null && !await ConnectSupervisorAsync(i.SupervisorId, MonitorMode.Barge)) return CallControlReply.NoSupervisorPhone;
                _monitor = _monitor!.Value with { Mode = MonitorMode.Barge, Intercepted = true };
                InterceptedBy = i.SupervisorId;
                await ReleaseConsulteeAsync();
                (_target, _conference, _held) = (null, false, false);
                ReleaseAgent(resultExpected: true);
                break;
            default:
                return CallControlReply.NotYourCall;
        }
        await ApplyMediaAsync();
        NotifyStatus();
        return null;
    }

    private async Task ReachTargetAsync(TransferTarget target)
    {
        switch (target)
        {
            case TransferTarget.Agent a:
                a.Session.Tell(new AgentProtocol.Reserve(call.Self, call.Lead));
                break;
            case TransferTarget.External e:
                var request = new OriginateRequest(e.Number, call.CallerId, options.RingTimeout, false, _transferTag);
                try
                {
                    var leg = await telephony.OriginateAsync(request, new ActorTelephonySink(call.Self));
                    _consultee = new Party(e.Number, null, leg, false);
                    // Given up by the dialer's own clock, whatever the carrier's ring timeout: the customer is not left on hold.
                    _consultTimeout = scheduler.ScheduleTellOnceCancelable(options.ConsultRingTimeout, call.Self, new ConsultTimedOut(leg), ActorRefs.NoSender);
                }
                catch (Exception ex)
                {
                    log.Warning(ex, "Transfer to {0} not placed", e.Number);
                    await TargetFailedAsync(CallControlStatus.TargetFailed);
                }
                break;
        }
    }

    public async Task OnTargetReservedAsync(AgentProtocol.Reserved reserved)
    {
        if (_ended || _target is null)
        {
            reserved.Session.Tell(new AgentProtocol.Unreserve(call.Self));
            return;
        }
        _consultee = new Party(reserved.AgentId, reserved.Session, reserved.AgentLeg, true);
        reserved.Session.Tell(new AgentProtocol.Connected(call.Self));
        await TargetUpAsync();
    }

    public Task OnTargetRefusedAsync() => TargetFailedAsync(CallControlStatus.TargetBusy);

    /// <summary>The number consulted or transferred to still rings: it is hung up and the agent has the customer back.</summary>
    public async Task OnConsultTimedOutAsync(ConsultTimedOut timedOut)
    {
        if (_ended || _consultee is not { Up: false, Leg: { } leg } || leg != timedOut.Leg) return;
        _consultee = null;
        await Try(t => t.HangUpAsync(leg));
        await TargetFailedAsync(CallControlStatus.TargetNoAnswer);
    }

    public async Task OnControlLegAsync(TelephonyEvent e)
    {
        if (_consultee is { } consultee && e.Leg == consultee.Leg)
        {
            switch (e)
            {
                case TelephonyEvent.Answered when !consultee.Up:
                    _consultTimeout?.Cancel();
                    _consultee = consultee with { Up = true };
                    await TargetUpAsync();
                    break;
                case TelephonyEvent.Failed:
                    _consultee = null;
                    await TargetFailedAsync(CallControlStatus.TargetFailed);
                    break;
                case TelephonyEvent.HungUp:
                    await ConsulteeLeftAsync();
                    break;
            }
            return;
        }
        if (_monitor is { } monitor && e.Leg == monitor.Leg)
        {
            switch (e)
            {
                case TelephonyEvent.Answered when !monitor.Up:
                    _monitor = monitor with { Up = true };
                    await ApplyMediaAsync();
                    break;
                case TelephonyEvent.Failed or TelephonyEvent.HungUp:
                    _monitor = null;
                    // An intercepted customer has no one else to talk to.
                    if (monitor.Intercepted) await Try(t => t.HangUpAsync(_customer!));
                    else await ApplyMediaAsync();
                    break;
            }
        }
    }

    private async Task TargetUpAsync()
    {
        if (_blind) await HandOverAsync();
        else
        {
            await ApplyMediaAsync();
            NotifyStatus();
        }
    }

    private async Task TargetFailedAsync(string notice)
    {
        _consultTimeout?.Cancel();
        (_target, _consultee, _held, _conference) = (null, null, false, false);
        await ApplyMediaAsync();
        NotifyStatus(notice);
    }

    /// <summary>The consultee hung up (or its agent logged out): the agent has the customer back, or keeps it alone if it had left.</summary>
    private async Task ConsulteeLeftAsync()
    {
        var handedOver = AgentReleased && _monitor is not { Intercepted: true };
        (_target, _consultee, _held, _conference) = (null, null, false, false);
        if (handedOver)
        {
            await Try(t => t.HangUpAsync(_customer!));
            return;
        }
        await ApplyMediaAsync();
        NotifyStatus(CallControlStatus.TargetLeft);
    }

    /// <summary>
    /// The target takes the customer and the agent is released to after-call work. An agent target becomes the call's
    /// agent (it dispositions the call); an external number does not, so the call keeps its last agent and waits for the
    /// customer or the number to hang up.
    /// </summary>
    private async Task HandOverAsync()
    {
        var consultee = _consultee!;
        // A colleague who takes the customer gives the call's result; a number does not, so the agent still owes it.
        ReleaseAgent(resultExpected: consultee.Session is null);
        if (consultee.Session is { } session)
        {
            Agent = (consultee.Id, session, consultee.Leg!);
            AgentReleased = false;
            _consultee = null;
        }
        (_target, _held, _conference, _blind) = (null, false, false, false);
        await ApplyMediaAsync();
        NotifyStatus();
    }

    /// <summary>The current agent leaves the call for its after-call work; its disposition will be taken if no other agent takes over.</summary>
    private void ReleaseAgent(bool resultExpected)
    {
        if (AgentReleased || Agent is not { } agent) return;
        AgentReleased = true;
        agent.Session.Tell(new AgentProtocol.Ended(call.Self, call.WrapUp, resultExpected));
        OnAgentReleased?.Invoke(agent.AgentId);
    }

    /// <summary>Lets the consultee go: an agent to after-call work (the call's result is not its to give), a number hung up, a reservation still on its way given back.</summary>
    private async Task ReleaseConsulteeAsync()
    {
        _consultTimeout?.Cancel();
        var consultee = _consultee;
        _consultee = null;
        if (consultee?.Session is { } session) session.Tell(new AgentProtocol.Ended(call.Self, call.WrapUp, ResultExpected: false));
        else if (consultee?.Leg is { } leg) await Try(t => t.HangUpAsync(leg));
        else if (_target is TransferTarget.Agent a) a.Session.Tell(new AgentProtocol.Unreserve(call.Self));
    }

    private async Task<bool> ConnectSupervisorAsync(string supervisorId, MonitorMode mode)
    {
        try
        {
            var leg = await telephony.ConnectAgentAsync(new AgentEndpoint(supervisorId, "sim:" + supervisorId), new ActorTelephonySink(call.Self));
            _monitor = (supervisorId, leg, mode, false, false);
            return true;
        }
        catch (Exception e)
        {
            log.Warning(e, "Supervisor {0}'s phone not reached", supervisorId);
            return false;
        }
    }

    /// <summary>Puts every leg where the call's state says: customer held or mixed; agent, consultee and supervisor around it.</summary>
    private async Task ApplyMediaAsync()
    {
        if (_customer is not { } customer || _ended) return;
        var agentLeg = AgentReleased ? null : Agent?.Leg;
        var consulteeLeg = _consultee is { Up: true, Leg: { } c } ? c : null;
        var supervisor = _monitor is { Up: true } m ? m : default((string, CallLegId Leg, MonitorMode Mode, bool, bool)?);
        MixPart? SupervisorPart(CallLegId? whisperTo) => supervisor is { } s
            ? new MixPart(s.Leg, s.Mode switch { MonitorMode.Listen => MixMode.Listen, MonitorMode.Whisper when whisperTo is not null => MixMode.Whisper, MonitorMode.Whisper => MixMode.Listen, _ => MixMode.Full }, whisperTo)
            : null;

        var side = new List<MixPart>();
        var main = new List<MixPart>();
        if (_held)
        {
            if (agentLeg is not null && consulteeLeg is not null) side.AddRange([new MixPart(agentLeg), new MixPart(consulteeLeg)]);
        }
        else
        {
            main.Add(new MixPart(customer));
            if (agentLeg is not null) main.Add(new MixPart(agentLeg));
            if (consulteeLeg is not null && (_conference || AgentReleased)) main.Add(new MixPart(consulteeLeg));
        }
        // The supervisor follows the agent: into the consult while the customer waits, else the customer's mix.
        if (SupervisorPart(agentLeg) is { } sup) (side.Count > 0 ? side : main).Add(sup);

        await Try(t => t.MixAsync(SideRoom, side.Count > 1 ? side : []));
        if (_held) await Try(t => t.HoldAsync(customer, options.HoldMusicPromptId));
        if (main.Count == 2 && main.All(p => p.Mode == MixMode.Full))
        {
            await Try(t => t.MixAsync(Room, []));
            await Try(t => t.BridgeAsync(customer, main[1].Leg));
        }
        else if (main.Count > 0) await Try(t => t.MixAsync(Room, main));
    }

    private void NotifyStatus(string? notice = null)
    {
        if (Agent is not { } agent || AgentReleased) return;
        var status = new CallControlStatus(_held, _target?.Name, _consultee is { Up: true }, _conference, notice);
        agent.Session.Tell(new AgentEvents.CallStatusChanged(agent.AgentId, status));
    }

    /// <summary>The customer hung up: whoever else is still on the call leaves.</summary>
    public async Task EndAsync()
    {
        if (_customer is null || _ended) return;
        await ReleaseConsulteeAsync();
        _ended = true;
        if (_monitor is { } monitor)
        {
            _monitor = null;
            await Try(t => t.HangUpAsync(monitor.Leg));
        }
        await Try(t => t.MixAsync(Room, []));
        await Try(t => t.MixAsync(SideRoom, []));
    }

    private Task Try(Func<Telephony.ITelephony, Task> action) => telephony.TryAsync(action, log, _customer);
}
