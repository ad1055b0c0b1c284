using Akka.Actor;
using Outbound.Core.Campaigns;
using Outbound.Core.Desk;
using Outbound.Core.Leads;
using Outbound.Data.Dialing;
using Outbound.Dialer.Calls;
using Outbound.Dialer.Campaigns;
using Outbound.Telephony.Port;
using Outbound.Dialer.Recovery;

namespace Outbound.Dialer.Agents;

/// <summary>
/// One logged-in agent: a thin shell around the desk's state machine (<see cref="DeskMachine"/> in Core). The agent's
/// commands, the calls' and campaigns' messages and the session's timers become <see cref="DeskInput"/>s; the machine
/// decides, and this carries out its <see cref="DeskEffect"/>s with the actors involved. Every change of the coarse state
/// campaigns pace by (<see cref="AgentState"/>) is logged to <c>agent_state_events</c> (through the durable writer: nothing
/// is lost while the database is away) and told to the agent's campaigns; every change of the desk is told to the desk (the
/// browser bridge or a bot). The session tells its campaigns again now and then that it is there, and in which state, so
/// that a campaign that lost its memory has its agents back. The phone stays on a nailed-up leg for the whole session.
/// </summary>
public sealed partial class AgentSessionActor : ReceiveActor, IWithTimers
{
    private sealed record AutoDialPreview(LeadId LeadId);
    /// <summary>A dialled lead the campaign never placed nor refused (it was restarted meanwhile): the desk lets it go.</summary>
    private sealed record DialNotPlaced(LeadId LeadId);
    private sealed record WrapUpDeadline(IActorRef Call);
    private sealed record Rejoin;

    private readonly string _agentId;
    private readonly IActorRef _campaigns;
    private readonly IActorRef? _inbound;
    private readonly IActorRef _desk;
    private readonly DialerServices _services;

    private DeskMachine _machine = DeskMachine.SignedOut;
    private (AgentState State, string? Reason) _told = (AgentState.LoggedOut, null);
    private CampaignId? _campaign;
    private IReadOnlyList<CampaignId> _joined = [];
    private IReadOnlySet<CampaignId> _inboundIds = new HashSet<CampaignId>();
    private Guid _sessionId;
    private CallLegId? _phone;
    private IActorRef? _call;
    private LeasedLead? _lead;
    private int _previewCountdown;
    private TimeSpan _wrapUp;
    private DateTimeOffset? _wrapUpEndsAt;
    private DateTimeOffset _since;

    public ITimerScheduler Timers { get; set; } = null!;

    /// <param name="campaigns">The campaign shard region (or any actor accepting <see cref="IWithCampaignId"/> messages).</param>
    /// <param name="desk">Receives <see cref="AgentEvents"/>; <see cref="ActorRefs.Nobody"/> when no one listens.</param>
    /// <param name="inbound">The inbound queues, for the campaigns a login marks inbound; null: everything goes to <paramref name="campaigns"/>.</param>
    public static Props Props(string agentId, IActorRef campaigns, IActorRef desk, DialerServices services, IActorRef? inbound = null) =>
        Akka.Actor.Props.Create(() => new AgentSessionActor(agentId, campaigns, desk, services, inbound));

    public AgentSessionActor(string agentId, IActorRef campaigns, IActorRef desk, DialerServices services, IActorRef? inbound)
    {
        _agentId = agentId;
        _campaigns = campaigns;
        _inbound = inbound;
        _desk = desk;
        _services = services;

        ReceiveAsync<AgentCommands.Login>(LoginAsync);
        ReceiveAsync<AgentCommands.Logout>(LogoutAsync);
        Receive<AgentCommands.Ready>(r => Reply(Apply(r.Forced ? new DeskInput.ForceReady() : new DeskInput.GoReady())));
        Receive<AgentCommands.NotReady>(n => Reply(Apply(new DeskInput.GoNotReady(n.Reason))));
        Receive<AgentCommands.SaveResult>(s => Reply(Apply(new DeskInput.SaveResult(new DeskResult(s.Code, s.Callback)))));
        Receive<AgentCommands.Disposition>(d =>
        {
            var saved = Apply(new DeskInput.SaveResult(new DeskResult(d.Code, d.Callback)));
            Reply(saved.Accepted ? Apply(_machine.Presence == DeskPresence.Ready ? new DeskInput.GoReady() : new DeskInput.GoNotReady(_machine.Reason ?? "")) : saved);
        });
        Receive<AgentCommands.HangUp>(_ => Reply(Apply(new DeskInput.HangUp())));
        Receive<AgentCommands.DialPreview>(_ => Reply(Apply(new DeskInput.Dial())));
        Receive<AgentCommands.SkipPreview>(_ => Reply(Apply(new DeskInput.Skip())));
        Receive<AgentCommands.GetState>(_ => Sender.Tell(StateReply()));

        Receive<AgentProtocol.Reserve>(r =>
        {
            if (Apply(new DeskInput.Offered(DeskCallKind.Live), () => (_call, _lead) = (r.Call, r.Lead)).Accepted)
                r.Call.Tell(new AgentProtocol.Reserved(_agentId, Self, _phone!));
            else Sender.Tell(new AgentProtocol.ReserveRefused(_agentId, r.Call));
        });
        Receive<AgentProtocol.OfferPreview>(o =>
        {
            var kind = o.Manual ? DeskCallKind.Manual : DeskCallKind.Preview;
            if (!Apply(new DeskInput.Offered(kind), () => (_call, _lead, _previewCountdown) = (null, o.Lead, o.CountdownSeconds)).Accepted)
                RouteOf(o.Lead.CampaignId).Tell(new CampaignCommands.SkipPreview(o.Lead.CampaignId, _agentId, o.Lead.Id));
            else if (!o.Manual) _desk.Tell(new AgentEvents.PreviewOffered(_agentId, o.Lead, o.CountdownSeconds)); // a manual call pops when it connects
        });
        Receive<AutoDialPreview>(a => { if (_lead?.Id == a.LeadId) Apply(new DeskInput.PreviewCountdownExpired()); });
        Receive<DialNotPlaced>(d =>
        {
            if (_lead?.Id == d.LeadId && _call is null && _machine.Call is { Dialled: true, Placed: false }) Apply(new DeskInput.Released());
        });
        Receive<AgentProtocol.PreviewCallPlaced>(p =>
        {
            if (Apply(new DeskInput.Placed(), () => _call = p.Call).Accepted) p.Call.Tell(new AgentProtocol.Reserved(_agentId, Self, _phone!));
            else p.Call.Tell(new AgentProtocol.Unreserve(Self)); // the call then runs without an agent and is recorded as such
        });
        Receive<AgentProtocol.Unreserve>(u =>
        {
            // From the call on the desk, or (no call yet) the campaign withdrawing a preview or refusing it at its last check.
            if (Equals(_call, u.Call) || (_call is null && _machine.Call is { Kind: DeskCallKind.Preview or DeskCallKind.Manual, Placed: false }))
                Apply(new DeskInput.Released(), () => (_call, _lead) = (null, null));
        });
        Receive<AgentProtocol.Connected>(c =>
        {
            if (!Equals(_call, c.Call) || !Apply(new DeskInput.Connected()).Accepted) return;
            if (_lead is not null) _desk.Tell(new AgentEvents.CallConnected(_agentId, _lead));
        });
        Receive<AgentProtocol.Ended>(e =>
        {
            if (!Equals(_call, e.Call)) return;
            _wrapUp = e.WrapUp;
            if (Apply(new DeskInput.Ended(e.ResultExpected)).Accepted && _lead is not null) _desk.Tell(new AgentEvents.CallEnded(_agentId, _lead));
        });
        Receive<WrapUpDeadline>(w => { if (Equals(_call, w.Call)) Apply(new DeskInput.WrapUpExpired()); });
        Receive<TelephonyEvent>(OnPhoneEvent);
        ReceiveCallControl();
        Receive<Rejoin>(_ => { if (_machine.Presence != DeskPresence.SignedOut) JoinCampaigns(); });
        ReceiveAsync<DialerEvents.ShuttingDown>(_ => LogoutAsync(new AgentCommands.Logout(DialerEvents.ShuttingDown.Reason) { Forced = true }));
        ReceiveInternalCalls();
    }

    /// <summary>
    /// The nailed-up leg did not come up or dropped (a real phone not registered, or hung up): the agent takes no
    /// calls until logging in again.
    /// </summary>
    private void OnPhoneEvent(TelephonyEvent e)
    {
        if (e is not (TelephonyEvent.Failed or TelephonyEvent.HungUp) || !Equals(e.Leg, _phone)) return;
        _phone = null;
        Apply(new DeskInput.PhoneLost());
    }

    private async Task LoginAsync(AgentCommands.Login login)
    {
        if (_machine.Presence != DeskPresence.SignedOut)
        {
            Sender.Tell(new Status.Failure(new InvalidOperationException($"Agent {_agentId} is already logged in.")));
            return;
        }
        _campaign = login.CampaignId;
        _joined = login.All;
        _inboundIds = login.Inbound;
        _sessionId = Guid.CreateVersion7();
        _phone = await _services.Telephony.ConnectAgentAsync(new AgentEndpoint(_agentId, "sim:" + _agentId), new ActorTelephonySink(Self));
        _services.Records.Append(new AgentSessionStarted(_sessionId, _agentId, _campaign, _services.Time.GetUtcNow(), _services.Run.Id));
        JoinCampaigns();
        Timers.StartPeriodicTimer(nameof(Rejoin), new Rejoin(), _services.Options.AgentRejoinInterval);
        Apply(new DeskInput.SignIn(HasPhone: _phone is not null));
        Sender.Tell(StateReply());
    }

    /// <summary>Joins (or says again that it is in) every campaign of the login, with the current state.</summary>
    private void JoinCampaigns()
    {
        var signedIn = _told.State != AgentState.LoggedOut;
        var blendedWith = _joined.Where(_inboundIds.Contains).ToList();
        foreach (var campaign in _joined)
            RouteOf(campaign).Tell(new CampaignCommands.AgentJoined(campaign, _agentId, Self)
            {
                BlendedWith = _inboundIds.Contains(campaign) ? [] : blendedWith,
                State = signedIn ? _told.State : AgentState.NotReady,
                Since = signedIn ? _since : null,
            });
    }

    private async Task LogoutAsync(AgentCommands.Logout logout)
    {
        var step = Apply(logout.Forced ? new DeskInput.ForceSignOut() : new DeskInput.SignOut());
        if (!step.Accepted)
        {
            Reply(step);
            return;
        }
        Timers.CancelAll();
        _internal = null;
        if (_phone is not null) await _services.Telephony.HangUpAsync(_phone, HangupCause.Normal);
        (_phone, _call, _lead) = (null, null, null);
        _services.Records.Append(new AgentSessionEnded(_sessionId, _services.Time.GetUtcNow(), logout.Reason));
        Reply(step);
    }

    /// <summary>
    /// Feeds the machine; when it takes the input, <paramref name="taken"/> first (the refs the effects act on), then the
    /// effects, then the news: the coarse state to the log and the campaigns, the desk to the desk.
    /// </summary>
    private DeskStep Apply(DeskInput input, Action? taken = null)
    {
        var step = _machine.Apply(input);
        if (!step.Accepted) return step;
        taken?.Invoke();
        var before = _machine;
        _machine = step.Machine;
        foreach (var effect in step.Effects) Carry(effect);
        if (_machine.Call is null) (_call, _lead) = (null, null);
        if (!Equals(before, _machine) || step.Effects.Count > 0) Publish();
        return step;
    }

    private void Carry(DeskEffect effect)
    {
        var now = _services.Time.GetUtcNow();
        switch (effect)
        {
            case DeskEffect.DialLead when _lead is { } lead:
                Timers.Cancel(nameof(AutoDialPreview));
                RouteOf(lead.CampaignId).Tell(new CampaignCommands.DialPreview(lead.CampaignId, _agentId, lead.Id));
                Timers.StartSingleTimer(nameof(DialNotPlaced), new DialNotPlaced(lead.Id), _services.Options.RingTimeout * 2);
                break;
            case DeskEffect.SkipLead when _lead is { } lead:
                Timers.Cancel(nameof(AutoDialPreview));
                RouteOf(lead.CampaignId).Tell(new CampaignCommands.SkipPreview(lead.CampaignId, _agentId, lead.Id));
                break;
            case DeskEffect.StartPreviewCountdown when _previewCountdown > 0 && _lead is { } lead:
                Timers.StartSingleTimer(nameof(AutoDialPreview), new AutoDialPreview(lead.Id), TimeSpan.FromSeconds(_previewCountdown));
                break;
            case DeskEffect.HangUpCall:
                _call?.Tell(new CallControl.HangUp(_agentId));
                break;
            case DeskEffect.AnswerInternal:
                _internal?.Tell(new InternalCallProtocol.Answered());
                break;
            case DeskEffect.LeaveInternal:
                LeaveInternal();
                break;
            case DeskEffect.StoreResult s:
                _call?.Tell(new AgentProtocol.ResultSaved(s.Result.Disposition, s.Result.Callback));
                break;
            case DeskEffect.CloseCall c:
                _call?.Tell(new AgentProtocol.Dispositioned(c.Result?.Disposition, c.Result?.Callback, now));
                break;
            case DeskEffect.StartWrapUp when _call is not null:
                Timers.StartSingleTimer(nameof(WrapUpDeadline), new WrapUpDeadline(_call), _wrapUp);
                _wrapUpEndsAt = now + _wrapUp;
                break;
            case DeskEffect.StopWrapUp:
                Timers.Cancel(nameof(WrapUpDeadline));
                _wrapUpEndsAt = null;
                break;
        }
    }

    /// <summary>The coarse state campaigns and the wallboard go by, logged and told when it changes; the desk on every change.</summary>
    private void Publish()
    {
        var at = _services.Time.GetUtcNow();
        _desk.Tell(new AgentEvents.DeskChanged(_agentId, _machine, _wrapUpEndsAt, at));
        var (state, reason) = AgentStates.Of(_machine);
        if ((state, reason) == _told) return;
        _told = (state, reason);
        _since = at;
        _services.Records.Append(new AgentStateRecorded(Guid.CreateVersion7(), _sessionId, _agentId, state.Code(), reason, at));
        foreach (var campaign in _joined) RouteOf(campaign).Tell(new CampaignCommands.AgentStateChanged(campaign, _agentId, state, at));
        _desk.Tell(new AgentEvents.StateChanged(_agentId, state, reason, at));
    }

    /// <summary>Answers whoever asked (the desk's hub, a bot); a command told without a sender gets no answer.</summary>
    private void Reply(DeskStep step)
    {
        if (Sender.IsNobody() || Equals(Sender, Context.System.DeadLetters)) return;
        Sender.Tell(step.Accepted ? AgentCommandReply.Done : new AgentCommandReply(step.Refusal));
    }

    private IActorRef RouteOf(CampaignId campaign) => _inbound is not null && _inboundIds.Contains(campaign) ? _inbound : _campaigns;

    private AgentStateReply StateReply() => new(_agentId, _told.State, _told.Reason, _campaign)
    {
        Campaigns = _joined,
        Desk = _machine,
        WrapUpEndsAt = _wrapUpEndsAt,
    };

    protected override void PreStart() => Context.System.EventStream.Subscribe(Self, typeof(DialerEvents.ShuttingDown));

    protected override void PostStop()
    {
        Context.System.EventStream.Unsubscribe(Self);
        if (_machine.Presence != DeskPresence.SignedOut)
            _services.Records.Append(new AgentSessionEnded(_sessionId, _services.Time.GetUtcNow(), "session_stopped"));
    }
}
