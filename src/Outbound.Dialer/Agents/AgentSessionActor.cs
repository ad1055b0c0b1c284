using Akka.Actor;
using Outbound.Core.Campaigns;
using Outbound.Core.Leads;
using Outbound.Data.Dialing;
using Outbound.Dialer.Campaigns;
using Outbound.Telephony.Port;
using Outbound.Dialer.Calls;
using Outbound.Dialer.Recovery;

namespace Outbound.Dialer.Agents;

/// <summary>
/// One logged-in agent: logged out → (login) not ready → ready ⇄ reserved → on call → after-call work →
/// ready (or not ready with a reason). Every change is logged to <c>agent_state_events</c> (through the durable writer:
/// nothing is lost while the database is away) and told to the agent's campaign (which picks agents for calls) and to the
/// desk (the browser bridge or a bot). The session tells its campaigns again now and then that it is there, and in which
/// state, so that a campaign that lost its memory has its agents back. The phone stays on a nailed-up leg for the whole session.
/// </summary>
public sealed partial class AgentSessionActor : ReceiveActor, IWithTimers
{
    private sealed record AutoDialPreview(LeadId LeadId);
    private sealed record WrapUpDeadline(IActorRef Call);
    private sealed record Rejoin;

    private readonly string _agentId;
    private readonly IActorRef _campaigns;
    private readonly IActorRef? _inbound;
    private readonly IActorRef _desk;
    private readonly DialerServices _services;

    private AgentState _state = AgentState.LoggedOut;
    private string? _reason;
    private string? _notReadyAfterCall;
    private CampaignId? _campaign;
    private IReadOnlyList<CampaignId> _joined = [];
    private IReadOnlySet<CampaignId> _inboundIds = new HashSet<CampaignId>();
    private Guid _sessionId;
    private CallLegId? _phone;
    private IActorRef? _call;
    private LeasedLead? _lead;
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
        ReceiveAsync<AgentCommands.Logout>(l => LogoutAsync(l.Reason));
        Receive<AgentCommands.Ready>(_ => { if (_state is AgentState.NotReady && _phone is not null) Become(AgentState.Ready); });
        Receive<AgentCommands.NotReady>(n =>
        {
            if (_state is AgentState.Ready or AgentState.NotReady) Become(AgentState.NotReady, n.Reason);
            else if (_state is not AgentState.LoggedOut) _notReadyAfterCall = n.Reason; // applied after the call
        });
        Receive<AgentCommands.GetState>(_ => Sender.Tell(StateReply()));

        Receive<AgentProtocol.Reserve>(r =>
        {
            if (_state != AgentState.Ready || _phone is null)
            {
                Sender.Tell(new AgentProtocol.ReserveRefused(_agentId, r.Call));
                return;
            }
            _call = r.Call;
            _lead = r.Lead;
            Become(AgentState.Reserved, "call");
            r.Call.Tell(new AgentProtocol.Reserved(_agentId, Self, _phone));
        });
        Receive<AgentProtocol.OfferPreview>(o =>
        {
            if (!(_state == AgentState.Ready || (o.Manual && _state == AgentState.NotReady)) || _campaign is null)
            {
                RouteOf(o.Lead.CampaignId).Tell(new CampaignCommands.SkipPreview(o.Lead.CampaignId, _agentId, o.Lead.Id));
                return;
            }
            _lead = o.Lead;
            _call = null;
            Become(AgentState.Reserved, o.Manual ? "manual" : "preview");
            if (o.Manual) return; // the campaign dials it at once; the screen pops when it connects
            _desk.Tell(new AgentEvents.PreviewOffered(_agentId, o.Lead, o.CountdownSeconds));
            if (o.CountdownSeconds > 0)
                Timers.StartSingleTimer(nameof(AutoDialPreview), new AutoDialPreview(o.Lead.Id), TimeSpan.FromSeconds(o.CountdownSeconds));
        });
        Receive<AgentCommands.DialPreview>(_ => DialPreview());
        Receive<AutoDialPreview>(a => { if (_lead?.Id == a.LeadId && _call is null) DialPreview(); });
        Receive<AgentCommands.SkipPreview>(_ =>
        {
            if (_state != AgentState.Reserved || _lead is null || _call is not null || _campaign is null) return;
            Timers.Cancel(nameof(AutoDialPreview));
            RouteOf(_lead.CampaignId).Tell(new CampaignCommands.SkipPreview(_lead.CampaignId, _agentId, _lead.Id));
            _lead = null;
            Become(AgentState.Ready);
        });
        Receive<AgentProtocol.PreviewCallPlaced>(p =>
        {
            if (_state != AgentState.Reserved || _phone is null)
            {
                p.Call.Tell(new AgentProtocol.Unreserve(Self)); // the call then runs without an agent and is recorded as such
                return;
            }
            _call = p.Call;
            p.Call.Tell(new AgentProtocol.Reserved(_agentId, Self, _phone));
        });
        Receive<AgentProtocol.Unreserve>(u =>
        {
            if (_state == AgentState.Reserved && (_call is null || Equals(_call, u.Call))) AfterCall();
        });
        Receive<AgentProtocol.Connected>(c =>
        {
            if (!Equals(_call, c.Call)) return;
            Become(AgentState.OnCall);
            if (_lead is not null) _desk.Tell(new AgentEvents.CallConnected(_agentId, _lead));
        });
        Receive<AgentProtocol.Ended>(e =>
        {
            if (!Equals(_call, e.Call)) return;
            Become(AgentState.AfterCallWork);
            if (_lead is not null) _desk.Tell(new AgentEvents.CallEnded(_agentId, _lead));
            Timers.StartSingleTimer(nameof(WrapUpDeadline), new WrapUpDeadline(e.Call), e.WrapUp + _services.Options.WrapUpGrace);
        });
        Receive<AgentCommands.Disposition>(d =>
        {
            if (_state != AgentState.AfterCallWork) return;
            _call?.Tell(new AgentProtocol.Dispositioned(d.Code, d.Callback, _services.Time.GetUtcNow()));
            AfterCall();
        });
        Receive<WrapUpDeadline>(w =>
        {
            if (_state != AgentState.AfterCallWork || !Equals(_call, w.Call)) return;
            _call?.Tell(new AgentProtocol.Dispositioned(null, null, _services.Time.GetUtcNow()));
            AfterCall();
        });
        Receive<TelephonyEvent>(OnPhoneEvent);
        // Call control and monitoring go to the call the agent is on; its status comes back for the desk.
        Receive<CallControl.ICommand>(c =>
        {
            if (_state == AgentState.OnCall && _call is not null) _call.Forward(c);
            else Sender.Tell(new CallControlReply(CallControlReply.NotOnCall));
        });
        Receive<AgentEvents.CallStatusChanged>(s => _desk.Tell(s));
        Receive<Rejoin>(_ => JoinCampaigns());
        ReceiveAsync<DialerEvents.ShuttingDown>(_ => LogoutAsync(DialerEvents.ShuttingDown.Reason));
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
        if (_state is AgentState.Ready or AgentState.NotReady) Become(AgentState.NotReady, "phone");
        else if (_state is not AgentState.LoggedOut) _notReadyAfterCall = "phone";
        LeaveInternal();
    }

    private void DialPreview()
    {
        if (_state != AgentState.Reserved || _lead is null || _call is not null || _campaign is null) return;
        Timers.Cancel(nameof(AutoDialPreview));
        RouteOf(_lead.CampaignId).Tell(new CampaignCommands.DialPreview(_lead.CampaignId, _agentId, _lead.Id));
    }

    private void AfterCall()
    {
        Timers.Cancel(nameof(WrapUpDeadline));
        _call = null;
        _lead = null;
        if (_notReadyAfterCall is { } reason)
        {
            _notReadyAfterCall = null;
            Become(AgentState.NotReady, reason);
        }
        else Become(AgentState.Ready);
    }

    private async Task LoginAsync(AgentCommands.Login login)
    {
        if (_state != AgentState.LoggedOut)
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
        Become(AgentState.NotReady, "login");
        Sender.Tell(StateReply());
    }

    /// <summary>Joins (or says again that it is in) every campaign of the login, with the current state.</summary>
    private void JoinCampaigns()
    {
        if (_state == AgentState.LoggedOut && _sessionId == Guid.Empty) return;
        var blendedWith = _joined.Where(_inboundIds.Contains).ToList();
        foreach (var campaign in _joined)
            RouteOf(campaign).Tell(new CampaignCommands.AgentJoined(campaign, _agentId, Self)
            {
                BlendedWith = _inboundIds.Contains(campaign) ? [] : blendedWith,
                State = _state == AgentState.LoggedOut ? AgentState.NotReady : _state,
                Since = _state == AgentState.LoggedOut ? null : _since,
            });
    }

    private async Task LogoutAsync(string reason)
    {
        if (_state == AgentState.LoggedOut) return;
        if (_state == AgentState.AfterCallWork) _call?.Tell(new AgentProtocol.Dispositioned(null, null, _services.Time.GetUtcNow()));
        Timers.CancelAll();
        LeaveInternal();
        _internal = null;
        if (_phone is not null) await _services.Telephony.HangUpAsync(_phone, HangupCause.Normal);
        _phone = null;
        _call = null;
        _lead = null;
        Become(AgentState.LoggedOut, reason);
        _services.Records.Append(new AgentSessionEnded(_sessionId, _services.Time.GetUtcNow(), reason));
        Sender.Tell(StateReply());
    }

    private void Become(AgentState state, string? reason = null)
    {
        _state = state;
        _reason = reason;
        var at = _since = _services.Time.GetUtcNow();
        _services.Records.Append(new AgentStateRecorded(Guid.CreateVersion7(), _sessionId, _agentId, state.Code(), reason, at));
        foreach (var campaign in _joined) RouteOf(campaign).Tell(new CampaignCommands.AgentStateChanged(campaign, _agentId, state, at));
        _desk.Tell(new AgentEvents.StateChanged(_agentId, state, reason, at));
    }

    private IActorRef RouteOf(CampaignId campaign) => _inbound is not null && _inboundIds.Contains(campaign) ? _inbound : _campaigns;

    private AgentStateReply StateReply() => new(_agentId, _state, _reason, _campaign) { Campaigns = _joined };

    protected override void PreStart() => Context.System.EventStream.Subscribe(Self, typeof(DialerEvents.ShuttingDown));

    protected override void PostStop()
    {
        Context.System.EventStream.Unsubscribe(Self);
        if (_state != AgentState.LoggedOut)
            _services.Records.Append(new AgentSessionEnded(_sessionId, _services.Time.GetUtcNow(), "session_stopped"));
    }
}
