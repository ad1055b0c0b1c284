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
/// bridges, waits for the disposition, then hands the record and the lead's next step to the writer.
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
    private AnsweredBy? _answeredBy;
    private FailureReason? _failure;
    private bool _abandoned, _finished;

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(CallPlan plan, DialerServices services) => Akka.Actor.Props.Create(() => new CallActor(plan, services));

    public CallActor(CallPlan plan, DialerServices services)
    {
        _plan = plan;
        _services = services;
        _control = new LiveCallControl(new LiveCallControl.Call(Self, plan.Lead, plan.Campaign.Settings.CallerId, TimeSpan.FromSeconds(plan.Campaign.Settings.WrapUpSeconds)),
            services.Telephony, services.Options, _log);
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
        Receive<AgentProtocol.Dispositioned>(OnDispositioned);
        Receive<DispositionDeadline>(_ => Finish(null, null));
        Receive<TelephonyEvent>(_ => { });
    }

    private DateTimeOffset Now => _services.Time.GetUtcNow();
    private DialerOptions Options => _services.Options;

    protected override void PreStart() => Self.Tell(new Begin());

    private async Task BeginAsync()
    {
        var lead = _plan.Lead;
        if (await _services.Hopper.MarkDialingAsync(lead.Id, _plan.LeaseOwner, Now) is not { } attempt)
        {
            Context.Parent.Tell(new CallReports.NotDialled(Self, lead.Id));
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
        if (e.By == AnsweredBy.Machine && _plan.HangsUpOnMachines)
        {
            await _services.Telephony.HangUpAsync(_leg);
            return;
        }
        // A preview call or a held line already has its agent (a preview's reservation may be on its way); other answers
        // wait for the campaign to find one. Either way the campaign counts the answer.
        var hasAgent = _control.Agent is not null || _plan.PreviewSession is not null;
        Context.Parent.Tell(new CallReports.Answered(Self, _plan.Lead.Id, hasAgent, MachineVerdict: e.By == AnsweredBy.Machine));
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
        await _services.Telephony.BridgeAsync(_leg!, agentLeg);
        _connectedAt = Now;
        _control.Connected(_leg!, $"{_plan.Lead.Id}/{_attempt}/transfer");
        if (_plan.Campaign.Settings.RecordCalls)
            await _services.Telephony.StartRecordingAsync(_leg!, RecordingPath());
        session.Tell(new AgentProtocol.Connected(Self));
    }

    private async Task AbandonAsync()
    {
        if (_connectedAt is not null || _endedAt is not null || _leg is null) return;
        _abandoned = true;
        // The information message first, then hang up (Ofcom and TSR both require it).
        await _services.Telephony.PlayPromptAsync(_leg, Options.AbandonPromptId);
        await _services.Telephony.HangUpAsync(_leg, HangupCause.Abandoned);
    }

    private async Task OnHungUpAsync(TelephonyEvent.HungUp e)
    {
        if (_endedAt is not null || e.Leg != _leg) return;
        _endedAt = e.At;
        await _control.EndAsync();
        if (_connectedAt is not null && _control.Agent is { } agent)
        {
            // A released agent (transferred out, intercepted) is already wrapping up; its disposition may have come.
            if (_control.AgentReleased && _storedDisposition is not null)
            {
                Finish(_storedDisposition, _storedCallback, Now);
                return;
            }
            if (!_control.AgentReleased) agent.Session.Tell(new AgentProtocol.Ended(Self, TimeSpan.FromSeconds(_plan.Campaign.Settings.WrapUpSeconds)));
            var wait = TimeSpan.FromSeconds(_plan.Campaign.Settings.WrapUpSeconds) + Options.WrapUpGrace + TimeSpan.FromSeconds(5);
            Timers.StartSingleTimer(nameof(DispositionDeadline), new DispositionDeadline(), wait);
            return;
        }
        Finish(null, null);
    }

    /// <summary>
    /// Only the call's agent closes it: agents that transferred it away or were consulted wrap up on their own. An agent
    /// released while the customer still talks (to a number, to the supervisor) has its disposition kept for the end.
    /// </summary>
    private void OnDispositioned(AgentProtocol.Dispositioned d)
    {
        if (_control.Agent is { } agent && !Equals(Sender, agent.Session)) return;
        if (_connectedAt is not null && _endedAt is null)
        {
            (_storedDisposition, _storedCallback) = (d.Code, d.Callback);
            return;
        }
        Finish(d.Code, d.Callback, d.At);
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

    private void Finish(string? disposition, CallbackRequest? callback, DateTimeOffset? wrapEndedAt = null)
    {
        if (_finished) return;
        _finished = true;
        Timers.CancelAll();
        if (_control.Agent is { } reserved && _connectedAt is null) reserved.Session.Tell(new AgentProtocol.Unreserve(Self));
        else if (_control.Agent is null) _plan.PreviewSession?.Tell(new AgentProtocol.Unreserve(Self));

        var now = Now;
        // An agent who found an answering machine (detection off, or a check of the detector) says so in the result.
        var outcome = disposition == Disposition.AnsweringMachineCode ? CallOutcome.Machine : Outcome();
        var lead = _plan.Lead;
        var settings = _plan.Campaign.Settings;
        var final = disposition is null || settings.Dispositions.FirstOrDefault(d => d.Code == disposition)?.IsFinal != false;
        var next = RetryScheduler.Next(_plan.Policy, outcome, _attempt, Instant.FromDateTimeOffset(now), final, callback, _control.Agent?.AgentId);
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(lead.TimeZone);
        var record = new CallRecord(
            Guid.CreateVersion7(), lead.TenantId, lead.CampaignId, lead.Id, _attempt, lead.PhoneE164, lead.Region,
            zone is null ? null : Instant.FromDateTimeOffset(_startedAt).InZone(zone).Hour,
            _plan.Campaign.DialMode, settings.CallerId, _control.InterceptedBy ?? _control.Agent?.AgentId,
            _startedAt, _ringingAt, _answeredAt, _connectedAt, _endedAt ?? now, wrapEndedAt, outcome,
            _failure is { } f ? FailureCode(f) : null,
            !settings.AmdEnabled ? "off" : _answeredBy?.ToString().ToLowerInvariant(),
            _abandoned, disposition, _connectedAt is not null && settings.RecordCalls ? RecordingPath() : null, _plan.LeaseOwner);
        var completed = new CompletedCall(record, LeadUpdate.From(next, outcome));
        _services.Records.Enqueue(completed);
        Context.Parent.Tell(new CallReports.Finished(Self, completed,
            _connectedAt is { } c ? (_endedAt ?? now) - c : null,
            wrapEndedAt is { } w && _endedAt is { } ended ? w - ended : null));
        Context.Stop(Self);
    }

    private string RecordingPath() =>
        Path.Combine(Options.RecordingFolder, _plan.Lead.CampaignId.ToString(), $"{_plan.Lead.Id}-{_attempt}.wav");

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
