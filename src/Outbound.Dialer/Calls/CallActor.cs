using Akka.Actor;
using Akka.Event;
using NodaTime;
using Outbound.Core.Campaigns;
using Outbound.Core.Compliance;
using Outbound.Data.Dialing;
using Outbound.Dialer.Agents;
using Outbound.Dialer.Campaigns;
using Outbound.Telephony.Port;

namespace Outbound.Dialer.Calls;

/// <summary>
/// One call attempt from dial to disposition: fences the lead (attempt counted before dialing),
/// originates, waits for an agent after a live answer (abandons after <see cref="DialerOptions.ConnectWithin"/>),
/// bridges, waits for the disposition, then hands the record and the lead's next step to the durable writer. What it
/// learns on the way (the answer, the agent, a disposition kept for later) is noted durably as it happens, so that a crash
/// leaves the attempt with what was known; a graceful stop that runs out of time interrupts it (<see cref="CallLifecycle"/>).
/// </summary>
internal sealed partial class CallActor : ReceiveActor, IWithTimers
{
    private sealed record Begin;
    private sealed record ConnectDeadline;
    private sealed record DispositionDeadline;

    private readonly CallPlan _plan;
    private readonly DialerServices _services;
    private readonly ILoggingAdapter _log = Context.GetLogger();

    private int _attempt;
    private CallLegId? _leg;
    private DateTimeOffset _startedAt;
    private DateTimeOffset? _ringingAt, _answeredAt, _connectedAt, _endedAt;
    private string? _hangupCause;
    private AnsweredBy? _answeredBy;
    private FailureReason? _failure;
    private bool _abandoned, _finished, _interrupted;
    private IActorRef _reportTo;
    private readonly Guid _callId = Guid.CreateVersion7();

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(CallPlan plan, DialerServices services) => Akka.Actor.Props.Create(() => new CallActor(plan, services));

    public CallActor(CallPlan plan, DialerServices services)
    {
        _plan = plan;
        _services = services;
        _reportTo = plan.ReportTo;
        _control = new LiveCallControl(new LiveCallControl.Call(Self, plan.Lead, plan.Campaign.Settings.CallerId, TimeSpan.FromSeconds(plan.Campaign.Settings.WrapUpSeconds)),
            services.Telephony, services.Options, Context.System.Scheduler, _log);
        ReceiveControl();
        ReceiveAsync<Begin>(_ => BeginAsync());
        Receive<TelephonyEvent.Ringing>(e => _ringingAt ??= e.At);
        Receive<TelephonyEvent.EarlyMedia>(e => _ringingAt ??= e.At);
        ReceiveAsync<TelephonyEvent.Answered>(OnAnsweredAsync);
        Receive<TelephonyEvent.Failed>(e =>
        {
            if (e.Leg != _leg) return;
            _failure = e.Reason;
            _endedAt = e.At;
            Finish(null, null);
        });
        ReceiveAsync<TelephonyEvent.HungUp>(OnHungUpAsync);
        ReceiveAsync<AgentProtocol.Reserved>(OnReservedAsync);
        ReceiveAsync<ConnectDeadline>(_ => AbandonAsync());
        Receive<AgentProtocol.ResultSaved>(r =>
        {
            if (_control.Agent is not { } agent || !Equals(Sender, agent.Session)) return;
            (_storedDisposition, _storedCallback) = (r.Code, r.Callback);
            Progress(new CallProgressed(_plan.Lead.Id, _attempt) { Disposition = r.Code }); // kept if the process dies before the call ends
        });
        Receive<AgentProtocol.Dispositioned>(OnDispositioned);
        // The agent's session is gone or never closed: the call is recorded with what it saved during the call.
        Receive<DispositionDeadline>(_ => Finish(_storedDisposition, _storedCallback));
        // A campaign that lost its memory (restarted, or a new incarnation) asks: it is told, and from now on it hears the call's news.
        Receive<CallLifecycle.Report>(_ =>
        {
            _reportTo = Sender;
            _reportTo.Tell(new CallReports.InFlight(Self, _plan.Lead, _startedAt, _answeredAt is not null,
                WaitingForAgent: _answeredAt is not null && _connectedAt is null && _control.Agent is null && _plan.PreviewSession is null && !_abandoned));
        });
        ReceiveAsync<CallLifecycle.Interrupt>(_ => InterruptAsync());
        Receive<TelephonyEvent>(_ => { });
    }

    private DateTimeOffset Now => _services.Time.GetUtcNow();
    private DialerOptions Options => _services.Options;

    protected override void PreStart()
    {
        _services.Live.Add(Self, _plan.Lead.CampaignId);
        Self.Tell(new Begin());
    }

    /// <summary>Stopped mid-call (the node shutting down after its drain): the call is recorded as interrupted, never left 'dialing'.</summary>
    protected override void PostStop()
    {
        if (!_finished && _attempt > 0)
        {
            _interrupted = true;
            _endedAt ??= Now;
            if (_leg is { } leg) _ = _services.Telephony.TryAsync(t => t.HangUpAsync(leg), _log, leg);
            Record(_storedDisposition, _storedCallback, _storedDisposition is null ? null : Now);
        }
        _services.Live.Remove(Self);
    }

    private async Task BeginAsync()
    {
        var lead = _plan.Lead;
        int? fenced;
        try
        {
            fenced = await _services.Hopper.MarkDialingAsync(lead.Id, _plan.LeaseOwner, Now, _callId);
        }
        catch (Exception e)
        {
            // The fence's answer is lost: nothing is dialled, and should the fence have held, the attempt is taken back.
            _services.Health.Failed(e);
            _log.Warning("Lead {0} not dialled, the fence did not answer: {1}", lead.Id, e.Message);
            _services.Records.Append(new CallNotPlaced(lead.Id, _callId));
            fenced = -1;
        }
        if (fenced is not { } attempt || attempt < 0)
        {
            _reportTo.Tell(new CallReports.NotDialled(Self, lead, LeaseKept: fenced < 0));
            _plan.PreviewSession?.Tell(new AgentProtocol.Unreserve(Self));
            _finished = true;
            Context.Stop(Self);
            return;
        }
        _attempt = attempt;
        _startedAt = Now;
        var settings = _plan.Campaign.Settings;
        var minRing = TimeSpan.FromSeconds(_plan.Policy.Regulator.MinRingSeconds);
        var request = new OriginateRequest(lead.PhoneE164, settings.CallerId,
            Options.RingTimeout < minRing ? minRing : Options.RingTimeout, settings.AmdEnabled, $"{lead.Id}/{attempt}", settings.Amd);
        try
        {
            _leg = await _services.Telephony.OriginateAsync(request, new ActorTelephonySink(Self));
        }
        catch (Exception e)
        {
            _log.Warning(e, "Originate to lead {0} failed", lead.Id);
            _failure = FailureReason.TrunkDown;
            _endedAt = Now;
            Finish(null, null);
            return;
        }
        _plan.PreviewSession?.Tell(new AgentProtocol.PreviewCallPlaced(Self));
    }

    private async Task OnAnsweredAsync(TelephonyEvent.Answered e)
    {
        if (_finished || _leg is null || e.Leg != _leg) return;
        _answeredAt = e.At;
        _answeredBy = e.By;
        Progress(new CallProgressed(_plan.Lead.Id, _attempt) { AnsweredAt = e.At, AnsweredBy = e.By.ToString().ToLowerInvariant() });
        if (e.By == AnsweredBy.Machine && _plan.HangsUpOnMachines)
        {
            await Try(t => t.HangUpAsync(e.Leg));
            return;
        }
        // A preview call or a held line already has its agent (a preview's reservation may be on its way); other answers
        // wait for the campaign to find one. Either way the campaign counts the answer.
        var hasAgent = _control.Agent is not null || _plan.PreviewSession is not null;
        _reportTo.Tell(new CallReports.Answered(Self, _plan.Lead.Id, hasAgent, MachineVerdict: e.By == AnsweredBy.Machine));
        if (_control.Agent is not null) await ConnectAsync();
        else Timers.StartSingleTimer(nameof(ConnectDeadline), new ConnectDeadline(), Options.ConnectWithin);
    }

    private async Task OnReservedAsync(AgentProtocol.Reserved reserved)
    {
        // Connected already: a transfer target's late reservation after the transfer was cancelled.
        if (_finished || _abandoned || _endedAt is not null || _connectedAt is not null)
        {
            reserved.Session.Tell(new AgentProtocol.Unreserve(Self));
            return;
        }
        _control.Agent = (reserved.AgentId, reserved.Session, reserved.AgentLeg);
        if (_answeredAt is not null) await ConnectAsync();
    }

    private async Task ConnectAsync()
    {
        Timers.Cancel(nameof(ConnectDeadline));
        var (_, session, agentLeg) = _control.Agent!.Value;
        try
        {
            await _services.Telephony.BridgeAsync(_leg!, agentLeg);
        }
        catch (Exception e)
        {
            // The customer left (its hang-up is on the way) or the agent's phone did: the agent goes back, and a customer
            // still there is abandoned after the connect deadline rather than left in silence.
            _log.Info("Call to lead {0} not bridged to {1}: {2}", _plan.Lead.Id, _control.Agent!.Value.AgentId, e.Message);
            _control.Agent = null;
            session.Tell(new AgentProtocol.Unreserve(Self));
            Timers.StartSingleTimer(nameof(ConnectDeadline), new ConnectDeadline(), Options.ConnectWithin);
            return;
        }
        _connectedAt = Now;
        Progress(new CallProgressed(_plan.Lead.Id, _attempt) { ConnectedAt = _connectedAt, Agent = _control.Agent!.Value.AgentId });
        _control.Connected(_leg!, $"{_plan.Lead.Id}/{_attempt}/transfer");
        if (_plan.Campaign.Settings.RecordCalls)
            await Try(t => t.StartRecordingAsync(_leg!, RecordingPath()));
        session.Tell(new AgentProtocol.Connected(Self));
    }

    private async Task AbandonAsync()
    {
        if (_connectedAt is not null || _endedAt is not null || _leg is not { } leg) return;
        _abandoned = true;
        // The information message first, then hang up (Ofcom and TSR both require it).
        await Try(t => t.PlayPromptAsync(leg, Options.AbandonPromptId));
        await Try(t => t.HangUpAsync(leg, HangupCause.Abandoned));
    }

    /// <summary>Telephony on a leg that may have ended meanwhile: a failure is logged, not thrown.</summary>
    private Task Try(Func<Telephony.ITelephony, Task> action) => _services.Telephony.TryAsync(action, _log, _leg);

    /// <summary>
    /// An unexpected failure mid-call: instead of restarting blank (and dialling nothing while the lead stays 'dialing'),
    /// the call is recorded as interrupted with what it knew, its leg hung up, and the actor stops.
    /// </summary>
    protected override void PreRestart(Exception reason, object message)
    {
        _log.Error(reason, "Call to lead {0} failed; recording it as interrupted", _plan.Lead.Id);
        base.PreRestart(reason, message); // PostStop records it
    }

    protected override void PostRestart(Exception reason) => Context.Stop(Self);

    private async Task OnHungUpAsync(TelephonyEvent.HungUp e)
    {
        if (_endedAt is not null || e.Leg != _leg) return;
        _endedAt = e.At;
        _hangupCause = HangupCode(e);
        await _control.EndAsync();
        if (_connectedAt is not null && _control.Agent is { } agent)
        {
            // A released agent (transferred out, intercepted) is already wrapping up; it may have closed it already.
            if (_control.AgentReleased && _agentDone)
            {
                Finish(_storedDisposition, _storedCallback, Now);
                return;
            }
            if (!_control.AgentReleased) agent.Session.Tell(new AgentProtocol.Ended(Self, TimeSpan.FromSeconds(_plan.Campaign.Settings.WrapUpSeconds)));
            Timers.StartSingleTimer(nameof(DispositionDeadline), new DispositionDeadline(),
                TimeSpan.FromSeconds(_plan.Campaign.Settings.WrapUpSeconds) + Options.ResultWait);
            return;
        }
        Finish(null, null);
    }

    /// <summary>
    /// Only the call's agent closes it: agents that transferred it away or were consulted wrap up on their own. An agent
    /// released while the customer still talks (to a number, to the supervisor) has its result kept for the end; one that
    /// closes without a result (a supervisor signed it out) leaves the one it saved during the call.
    /// </summary>
    private void OnDispositioned(AgentProtocol.Dispositioned d)
    {
        if (_control.Agent is { } agent && !Equals(Sender, agent.Session)) return;
        if (_connectedAt is not null && _endedAt is null)
        {
            if (d.Code is not null) (_storedDisposition, _storedCallback) = (d.Code, d.Callback);
            _agentDone = true;
            Progress(new CallProgressed(_plan.Lead.Id, _attempt) { Disposition = _storedDisposition, WrapEndedAt = d.At });
            return;
        }
        Finish(d.Code ?? _storedDisposition, d.Code is null ? _storedCallback : d.Callback, d.At);
    }

    private CallOutcome Outcome() =>
        _connectedAt is not null ? CallOutcome.Answered
        : _abandoned ? CallOutcome.Abandoned
        : _answeredBy == AnsweredBy.Machine ? CallOutcome.Machine
        : _failure switch
        {
            FailureReason.Busy => CallOutcome.Busy,
            FailureReason.NoAnswer => CallOutcome.NoAnswer,
            FailureReason.Invalid => CallOutcome.Invalid,
            FailureReason.Congestion => CallOutcome.Congestion,
            FailureReason.Rejected => CallOutcome.Rejected,
            FailureReason.TrunkDown => CallOutcome.Failed,
            _ => _answeredAt is not null ? CallOutcome.Abandoned : CallOutcome.NoAnswer,
        };

    /// <summary>Notes what the call learnt on its in-flight row (durably, in order with its record).</summary>
    private void Progress(CallProgressed progress) => _services.Records.Append(progress);

    /// <summary>
    /// A graceful stop ran out of time: the customer's leg is hung up and the call recorded now as interrupted, with what it
    /// reached (answer, agent, the disposition the agent gave while the customer still talked).
    /// </summary>
    private async Task InterruptAsync()
    {
        if (_finished || _leg is null) return;
        _interrupted = true;
        _endedAt ??= Now;
        try
        {
            await _control.EndAsync();
            await _services.Telephony.HangUpAsync(_leg);
        }
        catch (Exception e)
        {
            _log.Info("Interrupted call to lead {0}: its leg did not hang up cleanly: {1}", _plan.Lead.Id, e.Message);
        }
        Finish(_storedDisposition, _storedCallback, _storedDisposition is null ? null : Now);
    }

    private void Finish(string? disposition, CallbackRequest? callback, DateTimeOffset? wrapEndedAt = null)
    {
        if (_finished) return;
        Timers.CancelAll();
        Record(disposition, callback, wrapEndedAt);
        Context.Stop(Self);
    }

    /// <summary>Writes the call's record and the lead's next step, and tells the campaign; the call is over.</summary>
    private void Record(string? disposition, CallbackRequest? callback, DateTimeOffset? wrapEndedAt)
    {
        _finished = true;
        if (_control.Agent is { } reserved && _connectedAt is null) reserved.Session.Tell(new AgentProtocol.Unreserve(Self));
        else if (_control.Agent is null) _plan.PreviewSession?.Tell(new AgentProtocol.Unreserve(Self));

        var now = Now;
        // An agent who found an answering machine (detection off, or a check of the detector) says so in the result.
        var outcome = _interrupted
            ? InterruptedCall.Outcome(_answeredAt is not null, _answeredBy == AnsweredBy.Machine, _connectedAt is not null)
            : disposition == Disposition.AnsweringMachineCode ? CallOutcome.Machine : Outcome();
        var lead = _plan.Lead;
        var settings = _plan.Campaign.Settings;
        var next = _interrupted
            ? InterruptedCall.NextStep(_plan.Policy, settings.Dispositions, outcome, _attempt, Instant.FromDateTimeOffset(now),
                Duration.FromTimeSpan(Options.InterruptedRetryDelay), disposition, callback, _control.Agent?.AgentId)
            : RetryScheduler.AfterAttempt(_plan.Policy, settings.Dispositions, outcome, _attempt, Instant.FromDateTimeOffset(now),
                disposition, callback, _control.Agent?.AgentId);
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(lead.TimeZone);
        var record = new CallRecord(
            Guid.CreateVersion7(), lead.TenantId, lead.CampaignId, lead.Id, _attempt, lead.PhoneE164, lead.Region,
            zone is null ? null : Instant.FromDateTimeOffset(_startedAt).InZone(zone).Hour,
            _plan.Campaign.DialMode, settings.CallerId, _control.InterceptedBy ?? _control.Agent?.AgentId,
            _startedAt, _ringingAt, _answeredAt, _connectedAt, _endedAt ?? now, wrapEndedAt, outcome,
            _interrupted ? InterruptedCall.FailureReason : _failure is { } f ? FailureCode(f) : null,
            !settings.AmdEnabled ? "off" : _answeredBy?.ToString().ToLowerInvariant(),
            _abandoned || outcome == CallOutcome.Abandoned, disposition, _connectedAt is not null && settings.RecordCalls ? RecordingPath() : null,
            _services.Run.Id, _answeredAt is null ? null : _hangupCause);
        var completed = new CompletedCall(record, LeadUpdate.From(next, outcome));
        _services.Records.Append(new CallFinished(completed));
        _reportTo.Tell(new CallReports.Finished(Self, completed,
            _connectedAt is { } c ? (_endedAt ?? now) - c : null,
            wrapEndedAt is { } w && _endedAt is { } ended ? w - ended : null));
    }

    private string RecordingPath() =>
        Path.Combine(Options.RecordingFolder, _plan.Lead.CampaignId.ToString(), $"{_plan.Lead.Id}-{_attempt}.wav");

    /// <summary>What the call record says about the end of an answered call: the customer's hang-up, or our cause.</summary>
    private static string HangupCode(TelephonyEvent.HungUp e) => e.ByRemote && e.Cause == HangupCause.Normal ? "remote" : e.Cause switch
    {
        HangupCause.Abandoned => "abandoned",
        HangupCause.NoAnswerTimeout => "no_answer_timeout",
        HangupCause.Shutdown => "shutdown",
        HangupCause.SessionExpired => "session_expired",
        _ => "normal",
    };

    private static string FailureCode(FailureReason reason) => reason switch
    {
        FailureReason.Busy => "busy",
        FailureReason.NoAnswer => "no_answer",
        FailureReason.Invalid => "invalid",
        FailureReason.Congestion => "congestion",
        FailureReason.Rejected => "rejected",
        FailureReason.TrunkDown => "trunk_down",
        _ => reason.ToString(),
    };
}
