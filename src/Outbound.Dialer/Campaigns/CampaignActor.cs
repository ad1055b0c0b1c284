using Akka.Actor;
using Akka.Event;
using NodaTime;
using Outbound.Core.Acd;
using Outbound.Core.Billing;
using Outbound.Core.Campaigns;
using Outbound.Core.Compliance;
using Outbound.Core.Pacing;
using Outbound.Data.Dialing;
using Outbound.Dialer.Agents;
using Outbound.Dialer.Calls;
using Outbound.Dialer.Hopper;
using Outbound.Dialer.Inbound;
using Outbound.Dialer.Recovery;

namespace Outbound.Dialer.Campaigns;

/// <summary>
/// One client campaign, a sharding entity keyed by campaign id. A thin shell: pacing
/// (<see cref="IPacingStrategy"/>) and compliance (<see cref="ComplianceCheck"/>) are Core functions;
/// the actor gathers their inputs, acts on their answers, and persists its run status so that a
/// restarted dialer resumes the campaigns that were running. Agents logged in to inbound queues too
/// (blended) are counted by pacing only as far as <see cref="CallBlending"/> allows, from the queues'
/// load they publish on the event stream (a cluster of one: the stream is local). Outages and restarts are handled in
/// <c>CampaignActor.Supervision.cs</c>: a running campaign never ends up without timers or agents.
/// </summary>
public sealed partial class CampaignActor : ReceiveActor, IWithTimers
{
    private sealed record Tick;
    private sealed record FlushRefusals;
    private sealed record CheckStanding;
    private sealed record AgentSlot(IActorRef Session, AgentState State, DateTimeOffset Since, IReadOnlyList<CampaignId> BlendedWith)
    {
        public bool Blended => BlendedWith.Count > 0;
        /// <summary>The ringing line this agent is held for (progressive): it takes no other call until that line ends.</summary>
        public IActorRef? HeldFor { get; init; }
    }
    /// <param name="Pacing">The pacing the call was dialled under (a reload starts a new one) and <paramref name="Dial"/> its number
    /// there; none for a call this incarnation found alive after a restart.</param>
    /// <param name="HeldAgent">The agent held for this line from the dial (progressive); null for a pooled line.</param>
    /// <param name="HangsUpOnMachines">The dialer hung up on this call's machine verdict, if it had one.</param>
    private sealed record CallSlot(LeasedLead Lead, DateTimeOffset PlacedAt, bool Answered, CampaignPacing? Pacing, long Dial, string? HeldAgent,
        bool HangsUpOnMachines);

    private readonly CampaignId _id;
    private readonly DialerServices _services;
    private readonly string _owner;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly Dictionary<string, AgentSlot> _agents = [];
    private readonly Dictionary<IActorRef, CallSlot> _calls = [];
    private readonly LinkedList<IActorRef> _waiting = new();
    private readonly Dictionary<string, LeasedLead?> _previews = []; // null while the hopper looks for one
    private readonly Dictionary<RefusalReason, int> _refusals = [];
    private readonly Dictionary<RefusalReason, int> _refusalsToFlush = [];
    private readonly Dictionary<CampaignId, AcdEvents.LoadChanged> _inboundLoads = [];

    private DialerCampaign? _campaign;
    private CompliancePolicy? _policy;
    private IPacingStrategy? _strategy;
    private CampaignPacing? _pacing;
    private IActorRef? _hopper;
    private CampaignStatus _status = CampaignStatus.Draft;
    private double _dialLevel;
    private HopperProtocol.Status _hopperStatus = new(0, false);
    private TenantStanding _standing = TenantStanding.Active;
    private bool _pausedBySuspension;
    private CampaignSettingsChanged? _settingsChanged;

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(CampaignId id, DialerServices services) => Akka.Actor.Props.Create(() => new CampaignActor(id, services));

    public CampaignActor(CampaignId id, DialerServices services)
    {
        _id = id;
        _services = services;
        // One owner per run and campaign: a restarted actor keeps its run's leases; a crashed run's leases are not ours.
        _owner = services.Run.OwnerFor(id);

        ReceiveAsync<CampaignCommands.Start>(_ => GuardAsync("start", () => StartAsync(persist: true), reply: true));
        ReceiveAsync<CampaignCommands.Wake>(_ => WakeAsync(reply: true));
        ReceiveAsync<CampaignCommands.Pause>(_ => GuardAsync("pause", () => HaltAsync(CampaignStatus.Paused), reply: true));
        ReceiveAsync<CampaignCommands.Stop>(_ => GuardAsync("stop", () => HaltAsync(CampaignStatus.Stopped), reply: true));
        ReceiveAsync<CampaignCommands.ApplySettings>(_ =>
        {
            var sender = Sender;
            return GuardAsync("apply its settings", async () =>
            {
                if (await ApplyStoredSettingsAsync()) sender.Tell(new CampaignReplies.SettingsApplied(_id, _status, _settingsChanged));
            }, reply: true);
        });
        ReceiveAsync<CampaignCommands.GetStatus>(_ =>
        {
            var sender = Sender;
            return GuardAsync("read its status", async () =>
            {
                if (_campaign is null && !await LoadAsync()) return;
                sender.Tell(StatusReply());
            }, reply: false);
        });
        Receive<CampaignCommands.AgentJoined>(j =>
        {
            if (_agents.TryGetValue(j.AgentId, out var known) && Equals(known.Session, j.Session)) return; // said again: nothing new
            Context.Watch(j.Session);
            _agents[j.AgentId] = new AgentSlot(j.Session, j.State, j.Since ?? Now, j.BlendedWith);
        });
        Receive<AcdEvents.LoadChanged>(l => _inboundLoads[l.CampaignId] = l);
        Receive<CampaignCommands.AgentStateChanged>(OnAgentStateChanged);
        Receive<CampaignCommands.DialPreview>(OnDialPreview);
        ReceiveAsync<CampaignCommands.ManualDial>(m =>
        {
            var sender = Sender;
            return GuardAsync("dial a number", () => OnManualDialAsync(m), reply: false,
                rejected: () => sender.Tell(new CampaignReplies.ManualDialReply(_id, CampaignReplies.ManualDialReply.DatabaseUnavailable)));
        });
        Receive<CampaignCommands.SkipPreview>(s =>
        {
            if (!_previews.Remove(s.AgentId, out var lead) || lead is null || lead.Id != s.LeadId) return;
            _hopper?.Tell(new HopperProtocol.Release(lead.Id, new LeadRelease.Deferred(Now + _services.Options.SkippedLeadDelay)));
        });
        Receive<Tick>(_ => OnTick());
        ReceiveAsync<CheckStanding>(_ => GuardAsync("check the client's standing", CheckStandingAsync, reply: false));
        Receive<FlushRefusals>(_ =>
        {
            if (_refusalsToFlush.Count == 0) return;
            _hopper?.Tell(new HopperProtocol.CountRefusals(new Dictionary<RefusalReason, int>(_refusalsToFlush)));
            _refusalsToFlush.Clear();
        });
        Receive<HopperProtocol.Taken>(OnTaken);
        Receive<HopperProtocol.TakenFor>(OnTakenFor);
        Receive<HopperProtocol.Status>(s => _hopperStatus = s);
        Receive<CallReports.Answered>(OnAnswered);
        Receive<AgentProtocol.ReserveRefused>(r =>
        {
            if (_agents.TryGetValue(r.AgentId, out var agent) && agent.State == AgentState.Reserved)
                _agents[r.AgentId] = agent with { State = AgentState.NotReady, HeldFor = null };
            if (_calls.TryGetValue(r.Call, out var slot))
            {
                // A line that lost its held agent rings on as a pooled one; an answered call waits for another agent.
                _calls[r.Call] = slot with { HeldAgent = null };
                if (slot.Answered) _waiting.AddFirst(r.Call);
            }
            AssignWaitingCalls();
        });
        Receive<CallReports.Finished>(f =>
        {
            // The measurements the call was dialled under learn its outcome; the window of the pacing now counts its end.
            if (_calls.TryGetValue(f.Call, out var slot))
            {
                slot.Pacing?.Finished(slot.Dial, f.Completed.Record, f.TalkTime);
                _pacing?.Observed(f.Completed.Record, Now, f.TalkTime, slot.HangsUpOnMachines);
            }
            ForgetCall(f.Call);
        });
        Receive<CallReports.NotDialled>(n =>
        {
            ForgetCall(n.Call);
            if (n.LeaseKept) GiveBack([n.Lead]);
        });
        ReceiveSupervision();
        Receive<Terminated>(t =>
        {
            if (_calls.ContainsKey(t.ActorRef)) ForgetCall(t.ActorRef);
            foreach (var (agentId, slot) in _agents.Where(a => Equals(a.Value.Session, t.ActorRef)).ToList())
            {
                _agents.Remove(agentId);
                if (_previews.Remove(agentId, out var lead) && lead is not null) _hopper?.Tell(new HopperProtocol.Release(lead.Id, LeadRelease.Back));
            }
        });
    }

    private DateTimeOffset Now => _services.Time.GetUtcNow();

    protected override void PreStart()
    {
        Context.System.EventStream.Subscribe(Self, typeof(AcdEvents.LoadChanged));
        Context.System.EventStream.Subscribe(Self, typeof(DialerEvents.Draining));
        Timers.StartPeriodicTimer(nameof(RenewLeases), new RenewLeases(), _services.Options.LeaseFor / 3);
        // Calls of an earlier incarnation (restarted, or stopped and started again) that are still up: they tell this one about themselves.
        foreach (var call in _services.Live.Of(_id)) call.Tell(new CallLifecycle.Report());
    }

    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);

    /// <summary>
    /// Ready agents outbound pacing may count: every ready outbound-only agent, and of the ready blended ones
    /// (grouped by the queues they share) as many as <see cref="CallBlending.AgentsForOutbound"/> lends.
    /// </summary>
    private int ReadyForOutbound()
    {
        var ready = _agents.Values.Where(a => a.State == AgentState.Ready).ToList();
        var count = ready.Count(a => !a.Blended);
        foreach (var group in ready.Where(a => a.Blended).GroupBy(a => string.Join(',', a.BlendedWith.Select(c => c.Value).Order())))
            count += CallBlending.AgentsForOutbound(InboundLoad(group.First().BlendedWith, group.Count()), _services.Options.Blending);
        return count;
    }

    /// <summary>The combined load of the agent's inbound queues; a queue not heard from yet counts as idle.</summary>
    private BlendingLoad InboundLoad(IReadOnlyList<CampaignId> queues, int blendedReady)
    {
        var loads = queues.Select(q => _inboundLoads.GetValueOrDefault(q)).OfType<AcdEvents.LoadChanged>().ToList();
        if (loads.Count == 0) return new BlendingLoad(blendedReady, 0, TimeSpan.Zero, 0, TimeSpan.FromMinutes(3));
        var levels = loads.Select(l => l.ServiceLevel).OfType<double>().ToList();
        return new BlendingLoad(blendedReady, loads.Sum(l => l.Waiting), loads.Max(l => l.LongestWait), loads.Sum(l => l.ArrivalsPerMinute),
            loads.Max(l => l.AverageHandlingTime), levels.Count == 0 ? null : levels.Min());
    }

    /// <summary>Inbound first: a blended agent takes an outbound live answer only while none of its queues has a caller waiting.</summary>
    private bool FreeForOutbound(AgentSlot agent) =>
        !agent.Blended || agent.BlendedWith.All(q => _inboundLoads.GetValueOrDefault(q) is not { Waiting: > 0 });

    private async Task<bool> LoadAsync()
    {
        _campaign = await _services.Campaigns.FindAsync(_id);
        if (_campaign is null)
        {
            Sender.Tell(new CampaignReplies.CommandRejected(_id, "unknown_campaign"));
            return false;
        }
        var settings = _campaign.Settings;
        _status = _campaign.Status;
        _pausedBySuspension = _campaign.PausedBySuspension;
        _policy = CompliancePolicy.From(settings);
        _strategy = StrategyFor(_campaign.DialMode);
        await StartPacingAsync();
        return true;
    }

    /// <summary>A fresh pacing for the campaign as set up now, primed with its own history (window, detector, figures).</summary>
    private async Task StartPacingAsync()
    {
        var campaign = _campaign!;
        var options = _services.Options;
        var strategy = _strategy ?? new ProgressivePacing(); // preview and manual: figures only
        var rules = CampaignPacing.Rules(campaign, _policy!, options, governed: strategy is PredictivePacing);
        var prior = CallStatistics.Prior(TimeSpan.FromSeconds(campaign.Settings.WrapUpSeconds), options.RingTimeout);
        PacingHistory? history = null;
        try
        {
            if (_services.History is { } query) history = await query.LoadAsync(_id, Now, rules.Window, prior);
        }
        catch (Exception e)
        {
            _log.Warning("Campaign {0}: pacing history not read, starting from defaults: {1}", campaign.Code, e.Message);
        }
        _pacing = CampaignPacing.Start(strategy, rules, _services.Pacing.Guard, prior, history, Now);
    }

    private IPacingStrategy? StrategyFor(DialMode mode) => mode switch
    {
        DialMode.Predictive => PacingStrategies.Create(_services.Options.PredictiveStrategy, _services.Pacing),
        DialMode.Progressive => PacingStrategies.Create(PacingStrategies.Progressive, _services.Pacing),
        _ => null, // preview and manual: the agent decides, one lead at a time
    };

    /// <summary>
    /// The set-up as stored now (a manager edited it, maybe while the campaign runs) applies from the next dial on: dial
    /// mode, pacing limits, calling windows, attempt limits, retries, caller id, AMD, the screen pop. Calls already placed
    /// finish as they started; what pacing measured so far is kept. False when the campaign no longer exists.
    /// </summary>
    private async Task<bool> ApplyStoredSettingsAsync()
    {
        if (_campaign is null) return await LoadAsync();
        if (await _services.Campaigns.FindAsync(_id) is not { } stored) return false;
        var change = CampaignChange.Between(_campaign.DialMode, _campaign.Settings, stored.DialMode, stored.Settings);
        _campaign = stored;
        _policy = CompliancePolicy.From(stored.Settings);
        if (change.Has(CampaignSettingArea.DialMode)) _strategy = StrategyFor(stored.DialMode);
        // New limits (cap, window, wrap, detector) make a new pacing, primed from the records as the start is; calls
        // placed before keep the measurements they were dialled under, and every call's end counts in the new window.
        if (change.Any) await StartPacingAsync();
        if (change.Any)
        {
            _settingsChanged = new CampaignSettingsChanged(Now, change);
            _log.Info("Campaign {0}: settings changed ({1}), applied from the next dial", stored.Code, string.Join(", ", change.Areas));
        }
        return true;
    }

    private async Task StartAsync(bool persist, bool reply = true)
    {
        // A start by hand reads the set-up again: it may have been edited while the campaign was paused or stopped.
        if (persist ? !await ApplyStoredSettingsAsync() : _campaign is null && !await LoadAsync()) return;
        if (!persist && _status != CampaignStatus.Running)
        {
            // Woken but not running: stay idle, only watching the standing when a suspension paused it.
            if (_pausedBySuspension) WatchStanding();
            if (reply) Sender.Tell(new CampaignReplies.CommandAccepted(_id, _status));
            return;
        }
        if (await ReadStandingAsync() == TenantStanding.Suspended)
        {
            // A suspended client's campaigns do not start (contract: 甲方第二条); one woken after a restart stops.
            if (_status == CampaignStatus.Running) await HaltAsync(CampaignStatus.Paused, reply: false, bySuspension: true);
            if (reply) Sender.Tell(new CampaignReplies.CommandRejected(_id, RefusalReason.TenantSuspended.Code()));
            return;
        }
        _pausedBySuspension = false;
        if (persist && _status != CampaignStatus.Running) await _services.Campaigns.SetStatusAsync(_id, CampaignStatus.Running);
        _status = CampaignStatus.Running;
        await RecoverAsync();
        _hopper ??= Context.ActorOf(HopperActor.Props(_id, _campaign!.TenantId, _owner, _services), "hopper");
        Timers.StartPeriodicTimer(nameof(Tick), new Tick(), _services.Options.TickInterval);
        Timers.StartPeriodicTimer(nameof(FlushRefusals), new FlushRefusals(), TimeSpan.FromSeconds(5));
        Timers.Cancel(nameof(Rewake));
        _retryDelay = _services.Options.RetryMin;
        WatchStanding();
        if (reply) Sender.Tell(new CampaignReplies.CommandAccepted(_id, _status));
    }

    private void WatchStanding() => Timers.StartPeriodicTimer(nameof(CheckStanding), new CheckStanding(), _services.Options.StandingCheckInterval);

    /// <summary>
    /// Attempts that a dialer of an older version left in flight are closed: dialled once, so not dialled again at once.
    /// (Those of registered runs are closed, with what they knew, by the node when it finds the run dead.)
    /// </summary>
    private async Task RecoverAsync()
    {
        if (_campaign is null) return;
        var recovered = await _services.Hopper.RecoverInterruptedAsync(_id, Now, _services.Options.InterruptedRetryDelay,
            _campaign.Settings.MaxAttempts, _campaign.DialMode.ToString());
        if (recovered > 0) _log.Info("Campaign {0}: closed {1} attempts interrupted by an earlier run", _campaign.Code, recovered);
    }

    private async Task<TenantStanding> ReadStandingAsync()
    {
        if (_services.Standing is null || _campaign is null) return TenantStanding.Active;
        try
        {
            _standing = await _services.Standing.StandingAsync(_campaign.TenantId, Now);
        }
        catch (Exception e)
        {
            _log.Warning("Campaign {0}: the client's standing could not be read, keeping {1}: {2}", _campaign.Code, _standing, e.Message);
        }
        return _standing;
    }

    /// <summary>
    /// A client suspended while its campaign runs: the campaign pauses (leads back), marked as paused by the suspension, and
    /// keeps watching; once the client is in good standing again (paid) it starts on its own. A campaign a person paused or
    /// stopped is left alone.
    /// </summary>
    private async Task CheckStandingAsync()
    {
        if (_status == CampaignStatus.Running && await ReadStandingAsync() == TenantStanding.Suspended)
        {
            _log.Warning("Campaign {0}: client suspended for overdue rent, pausing until it is paid", _campaign!.Code);
            await HaltAsync(CampaignStatus.Paused, reply: false, bySuspension: true);
        }
        else if (_status == CampaignStatus.Paused && _pausedBySuspension && await ReadStandingAsync() != TenantStanding.Suspended)
        {
            _log.Info("Campaign {0}: client in good standing again, resuming", _campaign!.Code);
            await StartAsync(persist: true, reply: false);
        }
    }

    private async Task HaltAsync(CampaignStatus status, bool reply = true, bool bySuspension = false)
    {
        if (_campaign is null && !await LoadAsync()) return;
        await _services.Campaigns.SetStatusAsync(_id, status, bySuspension: bySuspension);
        _status = status;
        _pausedBySuspension = bySuspension && status == CampaignStatus.Paused;
        Timers.Cancel(nameof(Tick));
        Timers.Cancel(nameof(Rewake));
        Timers.Cancel(nameof(CheckStanding));
        foreach (var (agentId, lead) in _previews.Where(p => p.Value is not null))
        {
            _hopper?.Tell(new HopperProtocol.Release(lead!.Id, LeadRelease.Back));
            if (_agents.TryGetValue(agentId, out var agent)) agent.Session.Tell(new AgentProtocol.Unreserve(ActorRefs.Nobody)); // off the desk
        }
        _previews.Clear();
        await ReleaseBufferAsync();
        Self.Tell(new FlushRefusals());
        if (_pausedBySuspension) WatchStanding();
        if (reply) Sender.Tell(new CampaignReplies.CommandAccepted(_id, _status));
    }

    private void OnTick()
    {
        if (_status != CampaignStatus.Running || _campaign is null) return;
        ExpireTakes();
        _hopper?.Tell(new HopperProtocol.GetStatus());
        // Nothing new while stopping, or while the database is away: a call placed now could be neither fenced nor recorded.
        if (_draining || !_services.Health.IsUp) return;
        if (_standing != TenantStanding.Active) return; // maintenance window (or suspension being acted on): no new dials
        if (_strategy is null)
        {
            OfferPreviews();
            return;
        }
        var now = Now;
        var paced = _pacing!.Decide(new PacingSituation(
            now,
            ReadyAgents: ReadyForOutbound(),
            // A busy blended agent may be on an inbound call and go back to inbound after it: not counted as about to free up.
            // An agent held for a ringing line is that line's, not the pool's.
            BusyAgents: _agents.Values.Where(a => !a.Blended && a.HeldFor is null && a.State is AgentState.OnCall or AgentState.AfterCallWork or AgentState.Reserved)
                .Select(a => a.State == AgentState.AfterCallWork ? BusyAgent.Wrapping(now - a.Since) : BusyAgent.Talking(now - a.Since))
                .ToList(),
            PooledLines: _calls.Values.Where(c => !c.Answered && c.HeldAgent is null).Select(c => new LineInFlight(now - c.PlacedAt))
                .Concat(Enumerable.Repeat(new LineInFlight(TimeSpan.Zero), PendingLines)).ToList(),
            WaitingCalls: _waiting.Count,
            Team: Team(),
            LeadsAvailable: _hopperStatus is { Exhausted: true, Buffered: 0 } && PendingLines == 0 ? 0 : null));
        foreach (var notice in paced.Notices) Announce(notice);
        if (paced.Withheld > 0) CountRefusal(paced.Mode == PacingMode.SmallTeam ? RefusalReason.SmallTeam : RefusalReason.CapReached, paced.Withheld);
        var decision = paced.Decision;
        _dialLevel = decision.DialLevel;
        if (decision.Lines <= 0 || _hopper is null) return;
        TakeLeads(decision.Lines, decision.Reserve);
    }

    /// <summary>
    /// Leads for the lines asked for: a progressive line holds the ready agent waiting longest from the dial on (a lead
    /// with no such agent left goes back); a predictive line rings for the pool.
    /// </summary>
    private void OnTaken(HopperProtocol.Taken taken)
    {
        var expected = _pendingTakes.Remove(taken.TakeId, out var take);
        if (taken.Repeat && !expected) return; // a take served already: its leads went out the first time
        if (!expected || _draining || _status != CampaignStatus.Running)
        {
            GiveBack(taken.Leads); // too late (given up), or no longer dialling
            return;
        }
        foreach (var lead in taken.Leads)
        {
            if (_strategy is null) // switched to preview while these were on their way: offered to agents instead
            {
                _hopper?.Tell(new HopperProtocol.Release(lead.Id, LeadRelease.Back));
                continue;
            }
            if (!take!.Held)
            {
                if (Gate(lead, agentId: null)) Dial(lead, previewSession: null);
                continue;
            }
            if (LongestReady() is not { } agent)
            {
                _hopper?.Tell(new HopperProtocol.Release(lead.Id, LeadRelease.Back));
                continue;
            }
            if (!Gate(lead, agentId: null)) continue;
            var call = Dial(lead, previewSession: null, heldAgent: agent.Key);
            _agents[agent.Key] = agent.Value with { State = AgentState.Reserved, Since = Now, HeldFor = call };
            agent.Value.Session.Tell(new AgentProtocol.Reserve(call, lead));
        }
    }

    /// <summary>The ready agent free for outbound that has waited longest (outbound-only agents before blended ones).</summary>
    private KeyValuePair<string, AgentSlot>? LongestReady()
    {
        var free = _agents.Where(a => a.Value.State == AgentState.Ready && FreeForOutbound(a.Value))
            .OrderBy(a => a.Value.Blended).ThenBy(a => a.Value.Since).FirstOrDefault();
        return free.Key is null ? null : free;
    }

    /// <summary>A notice for the manager: kept, listed on the live page, published on the event stream.</summary>
    private void Announce(PacingNotice notice)
    {
        _log.Warning("Campaign {0}: {1} (window rate {2:P2}, detector false positives {3:P2})", _campaign!.Code, notice.Kind, notice.Rate, notice.FalsePositiveRate);
        Context.System.EventStream.Publish(new CampaignEvents.PacingNoticeRaised(_id, notice));
        if (_services.Notices is not { } notices) return;
        var (log, code, tenant) = (_log, _campaign.Code, _campaign.TenantId);
        notices.AddAsync(tenant, _id, notice).ContinueWith(t => log.Warning("Campaign {0}: notice not stored: {1}", code, t.Exception?.GetBaseException().Message),
            TaskContinuationOptions.OnlyOnFaulted);
    }

    private void CountRefusal(RefusalReason reason, int count = 1)
    {
        _refusals[reason] = _refusals.GetValueOrDefault(reason) + count;
        _refusalsToFlush[reason] = _refusalsToFlush.GetValueOrDefault(reason) + count;
    }

    private void OfferPreviews()
    {
        foreach (var (agentId, _) in _agents.Where(a => a.Value.State == AgentState.Ready && FreeForOutbound(a.Value) && !_previews.ContainsKey(a.Key)).ToList())
        {
            _previews[agentId] = null; // one request per agent until the hopper answers
            _hopper?.Tell(new HopperProtocol.TakeFor(agentId));
        }
    }

    private void OnTakenFor(HopperProtocol.TakenFor taken)
    {
        _previews.Remove(taken.AgentId);
        if (taken.Lead is not { } lead) return;
        if (_status != CampaignStatus.Running || !_agents.TryGetValue(taken.AgentId, out var agent) || agent.State != AgentState.Ready)
        {
            _hopper?.Tell(new HopperProtocol.Release(lead.Id, LeadRelease.Back));
            return;
        }
        if (!Gate(lead, taken.AgentId)) return;
        _previews[taken.AgentId] = lead;
        _agents[taken.AgentId] = agent with { State = AgentState.Reserved, Since = Now };
        agent.Session.Tell(new AgentProtocol.OfferPreview(lead, _campaign!.Settings.PreviewCountdownSeconds));
    }

    private void OnDialPreview(CampaignCommands.DialPreview dial)
    {
        if (!_agents.TryGetValue(dial.AgentId, out var agent)) return;
        if (!_previews.Remove(dial.AgentId, out var lead) || lead is null || lead.Id != dial.LeadId)
        {
            agent.Session.Tell(new AgentProtocol.Unreserve(ActorRefs.Nobody)); // no longer this agent's (paused meanwhile): the desk lets it go
            return;
        }
        // Checked again: the agent may have looked at the lead past the end of the window.
        if (Gate(lead, dial.AgentId)) Dial(lead, agent.Session);
        else agent.Session.Tell(new AgentProtocol.Unreserve(ActorRefs.Nobody));
    }

    /// <summary>
    /// A number the agent typed: leased as a lead of this campaign (added when the list lacks it), checked by
    /// <see cref="Gate"/> like any dial, then dialled for the agent as a preview call that needs no decision.
    /// </summary>
    private async Task OnManualDialAsync(CampaignCommands.ManualDial manual)
    {
        if (_campaign is null && !await LoadAsync()) return;
        if (!_agents.TryGetValue(manual.AgentId, out var agent) || agent.State is not (AgentState.Ready or AgentState.NotReady))
        {
            Sender.Tell(new CampaignReplies.ManualDialReply(_id, CampaignReplies.ManualDialReply.AgentNotFree));
            return;
        }
        var lead = await _services.Hopper.LeaseNumberAsync(_campaign!.TenantId, _id, manual.Phone, _owner, Now, _services.Options.LeaseFor);
        if (lead is null)
        {
            Sender.Tell(new CampaignReplies.ManualDialReply(_id, CampaignReplies.ManualDialReply.NumberBusy));
            return;
        }
        if (Refusal(lead, manual.AgentId) is { } refused)
        {
            if (_hopper is null) await _services.Hopper.ReleaseAsync(lead.Id, _owner, LeadRelease.Back); // not started: no hopper released it
            Sender.Tell(new CampaignReplies.ManualDialReply(_id, refused.Code()));
            return;
        }
        _agents[manual.AgentId] = agent with { State = AgentState.Reserved, Since = Now };
        agent.Session.Tell(new AgentProtocol.OfferPreview(lead, 0) { Manual = true });
        Dial(lead, agent.Session);
        Sender.Tell(new CampaignReplies.ManualDialReply(_id, null));
    }

    private bool Gate(LeasedLead lead, string? agentId) => Refusal(lead, agentId) is null;

    /// <summary>Compliance before every dial; a refused lead goes back with its reason counted.</summary>
    private RefusalReason? Refusal(LeasedLead lead, string? agentId)
    {
        var context = new DialContext(Instant.FromDateTimeOffset(Now), agentId, TenantSuspended: _standing == TenantStanding.Suspended,
            CampaignRunning: _status == CampaignStatus.Running);
        if (ComplianceCheck.Evaluate(_policy!, lead.Facts, context, lead.History) is not ComplianceDecision.Refused refused) return null;
        CountRefusal(refused.Reason);
        LeadRelease how = refused.Reason switch
        {
            RefusalReason.Dnc => new LeadRelease.Closed("dnc", refused.Reason.Code()),
            _ when refused.Reason.IsFinal() => new LeadRelease.Closed("done", refused.Reason.Code()),
            _ when refused.RetryAt is { } at => new LeadRelease.Deferred(at.ToDateTimeOffset()),
            _ => LeadRelease.Back,
        };
        _hopper?.Tell(new HopperProtocol.Release(lead.Id, how));
        return refused.Reason;
    }

    private IActorRef Dial(LeasedLead lead, IActorRef? previewSession, string? heldAgent = null)
    {
        var pacer = _pacing!.Pacer;
        var hangsUp = pacer.HangsUpOnMachines && !pacer.ChecksDetector(lead.PhoneE164, lead.Attempts + 1);
        var plan = new CallPlan(_campaign!, _policy!, lead, _owner, previewSession, Self) { HangsUpOnMachines = hangsUp };
        // A call is not the campaign's child: should the campaign restart, its calls go on (a restart would restart its
        // children too, losing their state) and tell the new incarnation about themselves.
#pragma warning disable AK1008
        var call = Context.System.ActorOf(CallActor.Props(plan, _services));
#pragma warning restore AK1008
        Context.Watch(call);
        _calls[call] = new CallSlot(lead, Now, Answered: false, _pacing, pacer.Measurements.Dialled(), heldAgent, hangsUp);
        return call;
    }

    /// <summary>
    /// An answer that needs an agent: counted for pacing; one that has no agent yet (a pooled line) waits for the agent
    /// ready longest. A machine verdict put through because detection is off is a refusal the live page counts.
    /// </summary>
    private void OnAnswered(CallReports.Answered a)
    {
        if (_calls.TryGetValue(a.Call, out var slot))
        {
            _calls[a.Call] = slot with { Answered = true };
            slot.Pacing?.Answered(slot.Dial, Now - slot.PlacedAt);
            if (a.MachineVerdict && _pacing?.Pacer.Governor.DetectorOff == true) CountRefusal(RefusalReason.DetectorOff);
        }
        if (a.HasAgent) return;
        _waiting.AddLast(a.Call);
        AssignWaitingCalls();
    }

    private void OnAgentStateChanged(CampaignCommands.AgentStateChanged changed)
    {
        if (!_agents.TryGetValue(changed.AgentId, out var agent)) return;
        if (agent.State == AgentState.AfterCallWork && changed.State is AgentState.Ready or AgentState.NotReady)
            _pacing?.Wrapped(changed.Since - agent.Since, thenNotReady: changed.State == AgentState.NotReady);
        _agents[changed.AgentId] = agent with
        {
            State = changed.State,
            Since = changed.Since,
            HeldFor = changed.State == AgentState.Reserved ? agent.HeldFor : null,
        };
        if (changed.State == AgentState.LoggedOut)
        {
            _agents.Remove(changed.AgentId);
            if (_previews.Remove(changed.AgentId, out var lead) && lead is not null)
                _hopper?.Tell(new HopperProtocol.Release(lead.Id, LeadRelease.Back));
        }
        if (changed.State == AgentState.Ready) AssignWaitingCalls();
    }

    /// <summary>Live answers go to the agent who has been ready longest.</summary>
    private void AssignWaitingCalls()
    {
        while (_waiting.First is { } first)
        {
            var call = first.Value;
            if (!_calls.TryGetValue(call, out var slot)) { _waiting.RemoveFirst(); continue; }
            if (LongestReady() is not { } free) return;
            _waiting.RemoveFirst();
            _agents[free.Key] = free.Value with { State = AgentState.Reserved, Since = Now };
            free.Value.Session.Tell(new AgentProtocol.Reserve(call, slot.Lead));
        }
    }

    /// <summary>The call is over for the campaign; one that ended without a finish report no longer holds back the outcome counts.</summary>
    private void ForgetCall(IActorRef call)
    {
        if (_calls.Remove(call, out var slot))
        {
            slot.Pacing?.Dropped(slot.Dial);
            // A held agent whose line ended without reaching it is the pool's again. The call tells the session when it
            // knew its agent; a line never placed (the fence failed: the database is away) may have stopped before the
            // session's reservation reached it, so the campaign lets the session go too (it ignores another call's release).
            if (slot.HeldAgent is { } agentId && _agents.TryGetValue(agentId, out var agent) && Equals(agent.HeldFor, call))
            {
                _agents[agentId] = agent with { HeldFor = null };
                if (agent.State == AgentState.Reserved) agent.Session.Tell(new AgentProtocol.Unreserve(call));
            }
        }
        _waiting.Remove(call);
    }

    /// <summary>Outbound agents working now: ready, held or reserved, talking or in after-call work (not on a break).</summary>
    private int Team() =>
        _agents.Values.Count(a => !a.Blended && a.State is AgentState.Ready or AgentState.Reserved or AgentState.OnCall or AgentState.AfterCallWork);

    private CampaignStatusReply StatusReply() => new(
        _id, _campaign!.Code, _status, _campaign.DialMode,
        Enum.GetValues<AgentState>().ToDictionary(s => s, s => _agents.Values.Count(a => a.State == s)),
        _calls.Values.Count(c => !c.Answered),
        _dialLevel,
        _pacing!.Pacer.Measurements.Snapshot().HumanAnswerRate,
        _pacing.Pacer.WindowAt(Now).Rate,
        _campaign.Settings.AbandonCap,
        _pacing.Pacer.Measurements.Placed,
        _pacing.Completed,
        _hopperStatus.Buffered,
        _hopperStatus is { Exhausted: true, Buffered: 0 },
        new Dictionary<RefusalReason, int>(_refusals),
        _strategy is null ? null : _pacing.Status(Now, Team()))
    {
        SettingsChanged = _settingsChanged,
        DatabaseDown = !_services.Health.IsUp,
        Draining = _draining,
    };
}
