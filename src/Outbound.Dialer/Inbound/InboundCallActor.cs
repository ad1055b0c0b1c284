using Akka.Actor;
using Akka.Event;
using Outbound.Core.Acd;
using Outbound.Core.Leads;
using Outbound.Data.Desk;
using Outbound.Data.Dialing;
using Outbound.Dialer.Agents;
using Outbound.Dialer.Calls;
using Outbound.Telephony.Port;

namespace Outbound.Dialer.Inbound;

/// <summary>
/// One inbound caller from arrival in the queue to the written record: music on hold and announcements
/// while waiting, the bridge to the first agent who reserves itself, after-call work until the disposition,
/// or the max-wait action (voicemail, callback offer, hang-up). The queue decides who is offered the call. Once
/// connected the agent has call control (<see cref="LiveCallControl"/>): the record's agent is the last one who had the caller.
/// The call is recorded (durably) when it arrives, noted when an agent takes it and completed at the end, so a crash
/// leaves a row that the next start closes as interrupted.
/// </summary>
internal sealed class InboundCallActor : ReceiveActor, IWithTimers
{
    private sealed record Begin;
    private sealed record DispositionDeadline;
    private sealed record VoicemailLimit;

    public const string VoicemailPrompt = "voicemail-greeting";
    public const string CallbackOfferPrompt = "callback-offer";
    public const string ClosedPrompt = "queue-closed";

    private readonly InboundCallPlan _plan;
    private readonly AcdServices _services;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly HashSet<string> _withdrawn = [];

    private LeasedLead? _lead;
    private LiveCallControl _control = null!;
    private DateTimeOffset? _connectedAt, _endedAt;
    /// <summary>Since when the current agent has the caller: the connect, or the hand-over of a transfer.</summary>
    private DateTimeOffset _agentSince;
    private OverflowAction? _overflow;
    private string? _recording;
    private bool _finished;
    /// <summary>The result the agent saved during the call; <c>Done</c> once it closed its after-call work while the caller still talks (to a number, to the supervisor).</summary>
    private (string? Code, DateTimeOffset At, bool Done)? _storedDisposition;

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(InboundCallPlan plan, AcdServices services) => Akka.Actor.Props.Create(() => new InboundCallActor(plan, services));

    public InboundCallActor(InboundCallPlan plan, AcdServices services)
    {
        _plan = plan;
        _services = services;
        ReceiveAsync<TelephonyEvent>(e => _control.OnControlLegAsync(e), e => _control.IsControlLeg(e.Leg));
        ReceiveAsync<AgentProtocol.Reserved>(r => _control.OnTargetReservedAsync(r), r => _control.AwaitsReservation(r));
        ReceiveAsync<AgentProtocol.ReserveRefused>(_ => _control.OnTargetRefusedAsync(), r => _control.AwaitsReservation(r));
        ReceiveAsync<LiveCallControl.ConsultTimedOut>(t => _control.OnConsultTimedOutAsync(t));
        ReceiveAsync<CallControl.ICommand>(async c => Sender.Tell(new CallControlReply(await _control.ControlAsync(c))));
        ReceiveAsync<Begin>(_ => BeginAsync());
        ReceiveAsync<AgentProtocol.Reserved>(OnReservedAsync);
        Receive<AcdProtocol.Withdraw>(w => _withdrawn.Add(w.AgentId));
        ReceiveAsync<AcdProtocol.Announce>(a => PlayAsync(AnnouncementPrompt(a)));
        ReceiveAsync<AcdProtocol.MaxWait>(OnMaxWaitAsync);
        ReceiveAsync<TelephonyEvent.PromptFinished>(OnPromptFinishedAsync);
        ReceiveAsync<TelephonyEvent.HungUp>(OnHungUpAsync);
        Receive<AgentProtocol.ResultSaved>(r =>
        {
            if (_control.Agent is { } agent && Equals(Sender, agent.Session)) _storedDisposition = (r.Code, Now, Done: false);
        });
        ReceiveAsync<AgentProtocol.Dispositioned>(OnDispositionedAsync);
        // The agent's session is gone or never closed: the call is recorded with what it saved during the call.
        ReceiveAsync<DispositionDeadline>(_ => FinishAsync("answered", _storedDisposition?.Code, null));
        ReceiveAsync<VoicemailLimit>(_ => HangUpAsync());
        ReceiveAsync<CallLifecycle.Interrupt>(_ => InterruptAsync());
        Receive<TelephonyEvent>(_ => { });
        Receive<CallLifecycle.Report>(_ => { }); // for outbound campaigns only
    }

    private DateTimeOffset Now => _services.Dialer.Time.GetUtcNow();
    private Task Try(Func<Telephony.ITelephony, Task> action) => _services.Dialer.Telephony.TryAsync(action, _log, _plan.Leg);

    protected override void PreStart()
    {
        _services.Dialer.Live.Add(Self, _plan.CampaignId);
        Self.Tell(new Begin());
    }

    /// <summary>Stopped before the call ended (the node shutting down after its drain): recorded as interrupted, never left open.</summary>
    protected override void PostStop()
    {
        if (!_finished && _lead is not null)
        {
            _endedAt ??= Now;
            _ = Try(t => t.HangUpAsync(_plan.Leg));
            Record("interrupted", _storedDisposition?.Code, _storedDisposition?.At);
        }
        _services.Dialer.Live.Remove(Self);
    }

    private async Task BeginAsync()
    {
        KnownCaller? known = null;
        try { known = await _services.Calls.FindCallerAsync(_plan.CampaignId, _plan.CallerNumber); }
        catch (Exception e) when (_services.Dialer.Health.Failed(e)) { _log.Warning("Caller {0} not looked up, the database is away", _plan.CallerNumber); }
        catch (Exception e) { _log.Warning(e, "Caller {0} not looked up", _plan.CallerNumber); }
        // An unknown caller still pops: lead id 0 and the number, so the agent can create the record.
        _lead = new LeasedLead(known?.LeadId ?? new LeadId(0), _plan.TenantId, _plan.CampaignId, _plan.CallerNumber, known?.Region,
            known?.TimeZone ?? "Asia/Shanghai", known?.Name, known?.FieldsJson ?? "{}", 0, null, null, false, false, []);
        _services.Dialer.Records.Append(new InboundCallArrived(_plan.CallId, _plan.TenantId, _plan.CampaignId, _plan.CallerNumber, known?.LeadId,
            _plan.Priority, _plan.Skill, _plan.ArrivedAt, _services.Dialer.Run.Id));
        // A number the caller is transferred to sees the caller's own number, as with call forwarding.
        _control = new LiveCallControl(new LiveCallControl.Call(Self, _lead, _plan.CallerNumber, _plan.Policy.WrapUp),
            _services.Dialer.Telephony, _services.Dialer.Options, Context.System.Scheduler, _log)
        {
            OnAgentReleased = agentId =>
            {
                Context.Parent.Tell(new AcdProtocol.Ended(Self, agentId, Now - _agentSince));
                _agentSince = Now;
            },
        };
        Context.Parent.Tell(new AcdProtocol.Queued(Self, _lead));
        if (_endedAt is null) await PlayAsync(_plan.Policy.MusicOnHoldPrompt);
    }

    private async Task OnReservedAsync(AgentProtocol.Reserved reserved)
    {
        if (_control.Agent is not null || _endedAt is not null || _overflow is not null || _finished || _withdrawn.Contains(reserved.AgentId))
        {
            reserved.Session.Tell(new AgentProtocol.Unreserve(Self));
            return;
        }
        _control.Agent = (reserved.AgentId, reserved.Session, reserved.AgentLeg);
        Context.Parent.Tell(new AcdProtocol.Taken(Self, reserved.AgentId));
        try
        {
            await _services.Dialer.Telephony.BridgeAsync(_plan.Leg, reserved.AgentLeg);
        }
        catch (Exception e)
        {
            // The caller left while the agent was being picked: give the agent back.
            _log.Info("Inbound leg {0} not bridged: {1}", _plan.Leg, e.Message);
            _control.Agent = null;
            reserved.Session.Tell(new AgentProtocol.Unreserve(Self));
            return;
        }
        _connectedAt = _agentSince = Now;
        _services.Dialer.Records.Append(new InboundCallConnected(_plan.CallId, _connectedAt.Value, reserved.AgentId));
        _control.Connected(_plan.Leg, $"inbound/{Self.Path.Name}/transfer");
        reserved.Session.Tell(new AgentProtocol.Connected(Self));
    }

    private async Task OnMaxWaitAsync(AcdProtocol.MaxWait maxWait)
    {
        if (_control.Agent is not null || _endedAt is not null) return;
        _overflow = maxWait.Action;
        switch (maxWait.Action)
        {
            case OverflowAction.OverflowQueue:
                await FinishAsync("overflowed", null, null); // the leg lives on in the overflow queue
                break;
            case OverflowAction.Voicemail:
                await PlayAsync(VoicemailPrompt);
                _recording = Path.Combine(_services.Dialer.Options.RecordingFolder, "voicemail", _plan.CampaignId.ToString(), $"{Guid.CreateVersion7():N}.wav");
                await Try(t => t.StartRecordingAsync(_plan.Leg, _recording));
                Timers.StartSingleTimer(nameof(VoicemailLimit), new VoicemailLimit(), TimeSpan.FromSeconds(60));
                break;
            case OverflowAction.CallbackOffer:
                await PlayAsync(CallbackOfferPrompt);
                break;
            default:
                await PlayAsync(ClosedPrompt);
                break;
        }
    }

    private async Task OnPromptFinishedAsync(TelephonyEvent.PromptFinished finished)
    {
        if (_endedAt is not null || _control.Agent is not null) return;
        if (_overflow is OverflowAction.CallbackOffer or OverflowAction.HangUp) await HangUpAsync();
        else if (_overflow is null && finished.PromptId == _plan.Policy.MusicOnHoldPrompt) await PlayAsync(_plan.Policy.MusicOnHoldPrompt);
        else if (_overflow is null && finished.PromptId.StartsWith("queue-position:", StringComparison.Ordinal)) await PlayAsync(_plan.Policy.MusicOnHoldPrompt);
    }

    private async Task OnHungUpAsync(TelephonyEvent.HungUp hungUp)
    {
        if (_endedAt is not null || hungUp.Leg != _plan.Leg) return;
        _endedAt = hungUp.At;
        await _control.EndAsync();
        if (_connectedAt is not null && _control.Agent is { } agent)
        {
            if (_control.AgentReleased && _storedDisposition is { Done: true } stored)
            {
                await FinishAsync("answered", stored.Code, stored.At);
                return;
            }
            if (!_control.AgentReleased)
            {
                agent.Session.Tell(new AgentProtocol.Ended(Self, _plan.Policy.WrapUp));
                Context.Parent.Tell(new AcdProtocol.Ended(Self, agent.AgentId, hungUp.At - _agentSince));
            }
            Timers.StartSingleTimer(nameof(DispositionDeadline), new DispositionDeadline(), _plan.Policy.WrapUp + _services.Dialer.Options.ResultWait);
            return;
        }
        if (_recording is not null) await Try(t => t.StopRecordingAsync(_plan.Leg));
        await FinishAsync(_overflow switch
        {
            OverflowAction.Voicemail => "voicemail",
            OverflowAction.CallbackOffer => "callback",
            OverflowAction.HangUp or OverflowAction.None => "hung_up",
            _ => "abandoned",
        }, null, null);
    }

    /// <summary>
    /// Only the call's agent closes it: agents that transferred it away or were consulted wrap up on their own. An agent
    /// released while the caller still talks has its disposition kept for the end.
    /// </summary>
    private async Task OnDispositionedAsync(AgentProtocol.Dispositioned d)
    {
        if (_control.Agent is not { } agent || !Equals(Sender, agent.Session)) return;
        if (_endedAt is null)
        {
            _storedDisposition = (d.Code ?? _storedDisposition?.Code, d.At, Done: true);
            return;
        }
        await FinishAsync("answered", d.Code ?? _storedDisposition?.Code, d.At);
    }

    /// <summary><c>queue-position:{position}:{seconds}</c>, a part left empty when the queue does not announce it.</summary>
    public static string AnnouncementPrompt(AcdProtocol.Announce a) =>
        $"queue-position:{a.Position?.ToString() ?? ""}:{(a.ExpectedWait is { } wait ? ((int)Math.Min(wait.TotalSeconds, 99_999)).ToString() : "")}";

    private Task PlayAsync(string prompt) => Try(t => t.PlayPromptAsync(_plan.Leg, prompt));

    private Task HangUpAsync() => Try(t => t.HangUpAsync(_plan.Leg));

    /// <summary>A graceful stop ran out of time: the caller is hung up on and the call recorded as interrupted, with its agent and disposition.</summary>
    private async Task InterruptAsync()
    {
        if (_finished || _control is null) return;
        _endedAt ??= Now;
        await _control.EndAsync();
        await HangUpAsync();
        await FinishAsync("interrupted", _storedDisposition?.Code, _storedDisposition?.At);
    }

    private Task FinishAsync(string outcome, string? disposition, DateTimeOffset? wrapEndedAt)
    {
        if (_finished) return Task.CompletedTask;
        Timers.CancelAll();
        Record(outcome, disposition, wrapEndedAt);
        Context.Parent.Tell(new AcdProtocol.Left(Self, outcome));
        Context.Stop(Self);
        return Task.CompletedTask;
    }

    private void Record(string outcome, string? disposition, DateTimeOffset? wrapEndedAt)
    {
        _finished = true;
        var record = new InboundCallRecord(_plan.CallId, _plan.TenantId, _plan.CampaignId, _plan.CallerNumber,
            _lead?.Id is { Value: > 0 } id ? id : null, _plan.Priority, _plan.Skill, _plan.ArrivedAt, _connectedAt, _endedAt ?? Now,
            _control.InterceptedBy ?? _control.Agent?.AgentId, outcome, disposition, wrapEndedAt, _recording);
        _services.Dialer.Records.Append(new InboundCallEnded(record, _services.Dialer.Run.Id));
    }

    /// <summary>Telephony calls on a leg that may have ended meanwhile: a failure is logged, not thrown.</summary>
}
