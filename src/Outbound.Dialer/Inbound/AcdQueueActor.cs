using Akka.Actor;
using Akka.Event;
using Outbound.Core.Acd;
using Outbound.Core.Campaigns;
using Outbound.Core.Tenants;
using Outbound.Data.Dialing;
using Outbound.Dialer.Agents;
using Outbound.Dialer.Campaigns;
using Outbound.Telephony.Port;

namespace Outbound.Dialer.Inbound;

/// <summary>
/// The inbound queue of one campaign. A thin shell around Core's <see cref="AgentSelector"/>,
/// <see cref="CallerOrder"/> and <see cref="OfferOutcome"/>: it keeps the agents (sessions logged in to
/// the campaign report to it as they would to an outbound campaign) and the waiting callers (one
/// <see cref="InboundCallActor"/> each), offers callers to agents, times offers out, holds agents for
/// wrap-up and after no-answers or rejects, and applies the max-wait action.
/// </summary>
public sealed class AcdQueueActor : ReceiveActor, IWithTimers
{
    private sealed record Dispatch;
    private sealed record AnnounceTick;
    private sealed record PublishLoad;
    private sealed record OfferExpired(string AgentId, IActorRef Call);
    private sealed record MaxWaitReached(IActorRef Call);

    private sealed class AgentSlot(IActorRef session, int order)
    {
        public IActorRef Session { get; } = session;
        public int Order { get; } = order;
        public AgentState State { get; set; } = AgentState.NotReady;
        public DateTimeOffset Since { get; set; }
        public DateTimeOffset? BlockedUntil { get; set; }
        public int NoAnswers { get; set; }
        public int Calls { get; set; }
        public TimeSpan Talk { get; set; }
        public IActorRef? OfferedCall { get; set; }
        public IReadOnlyDictionary<string, int> Skills { get; set; } = new Dictionary<string, int>();
    }

    private sealed class CallerSlot(AcdCaller caller, CallLegId leg)
    {
        public AcdCaller Caller { get; } = caller;
        public CallLegId Leg { get; } = leg;
        public LeasedLead? Lead { get; set; }
        public bool Taken { get; set; }
        public HashSet<string> OfferedTo { get; } = [];
    }

    private readonly CampaignId _id;
    private readonly TenantId _tenant;
    private QueuePolicy _policy;
    private readonly AcdServices _services;
    private IActorRef? _overflowTo;
    private readonly Random _random;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly Dictionary<string, AgentSlot> _agents = [];
    private readonly Dictionary<string, IReadOnlyDictionary<string, int>> _skills = [];
    private readonly Dictionary<IActorRef, CallerSlot> _callers = [];
    private readonly Dictionary<CallLegId, IActorRef> _legs = [];
    private readonly Dictionary<CallLegId, IActorRef> _passedOn = []; // overflowed legs whose events still reach this queue
    private readonly Queue<QueueExit> _exits = new(); // the recent window's exits, for the service level blending reads
    private SelectionState _selection = SelectionState.Initial;
    private int _nextOrder, _answered, _abandoned, _overflowed;

    public ITimerScheduler Timers { get; set; } = null!;

    /// <param name="overflowTo">The overflow queue (used when the policy says <see cref="OverflowAction.OverflowQueue"/>).</param>
    /// <param name="seed">Seeds the random strategy.</param>
    public static Props Props(CampaignId id, TenantId tenant, QueuePolicy policy, AcdServices services, IActorRef? overflowTo = null, int seed = 1) =>
        Akka.Actor.Props.Create(() => new AcdQueueActor(id, tenant, policy, services, overflowTo, seed));

    public AcdQueueActor(CampaignId id, TenantId tenant, QueuePolicy policy, AcdServices services, IActorRef? overflowTo, int seed)
    {
        _id = id;
        _tenant = tenant;
        _policy = policy;
        _services = services;
        _overflowTo = overflowTo;
        _random = new Random(seed);

        Receive<CampaignCommands.AgentJoined>(j =>
        {
            if (_agents.TryGetValue(j.AgentId, out var known) && Equals(known.Session, j.Session)) return; // said again: nothing new
            Context.Watch(j.Session);
            _agents[j.AgentId] = new AgentSlot(j.Session, ++_nextOrder)
            {
                Since = Now,
                Skills = _skills.GetValueOrDefault(j.AgentId) ?? new Dictionary<string, int>(),
            };
        });
        Receive<CampaignCommands.AgentStateChanged>(OnAgentStateChanged);
        Receive<AcdCommands.SetAgentSkills>(s => SetSkills(s.AgentId, s.Skills));
        Receive<AcdProtocol.ApplySettings>(Apply);
        Receive<AcdCommands.CallerArrived>(a => Admit(a.Leg, a.CallerNumber, Now, a.Priority, a.Skill, a.CallId));
        Receive<AcdCommands.TakeOverflow>(o => Admit(o.Leg, o.CallerNumber, o.ArrivedAt, o.Priority, o.Skill));
        Receive<AcdCommands.GetStatus>(_ => Sender.Tell(Status()));
        Receive<AcdProtocol.Queued>(q =>
        {
            if (!_callers.TryGetValue(q.Call, out var caller)) return;
            caller.Lead = q.Lead;
            DispatchNow();
        });
        Receive<AcdProtocol.Taken>(OnTaken);
        Receive<AgentProtocol.ReserveRefused>(r => EndOffer(r.AgentId, r.Call, OfferResult.Rejected));
        Receive<OfferExpired>(e => EndOffer(e.AgentId, e.Call, OfferResult.NoAnswer));
        Receive<AcdProtocol.Ended>(e =>
        {
            if (!_agents.TryGetValue(e.AgentId, out var agent)) return;
            agent.BlockedUntil = OfferOutcome.WrapUpEnds(Now, _policy);
            agent.Calls++;
            agent.Talk += e.TalkTime;
            // Look again once the wrap-up is over, even if no state change comes then.
            Timers.StartSingleTimer("wrap:" + e.AgentId, new Dispatch(), _policy.WrapUp + TimeSpan.FromMilliseconds(1));
        });
        Receive<AcdProtocol.Left>(l =>
        {
            if (l.Outcome == "abandoned")
            {
                _abandoned++;
                if (_callers.TryGetValue(l.Call, out var gone) && !gone.Taken) Exit(gone, answered: false);
            }
            Forget(l.Call);
            DispatchNow();
        });
        Receive<MaxWaitReached>(OnMaxWait);
        Receive<AnnounceTick>(_ => Announce());
        Receive<PublishLoad>(_ => Publish());
        Receive<Dispatch>(_ => DispatchNow());
        Receive<TelephonyEvent>(e =>
        {
            if (_legs.TryGetValue(e.Leg, out var call)) call.Tell(e);
            else if (_passedOn.TryGetValue(e.Leg, out var queue)) queue.Tell(e);
        });
        Receive<Terminated>(t =>
        {
            if (_callers.ContainsKey(t.ActorRef)) Forget(t.ActorRef);
            foreach (var agentId in _agents.Where(a => Equals(a.Value.Session, t.ActorRef)).Select(a => a.Key).ToList()) _agents.Remove(agentId);
        });
    }

    private DateTimeOffset Now => _services.Dialer.Time.GetUtcNow();

    protected override void PreStart()
    {
        StartAnnouncing();
        Timers.StartPeriodicTimer(nameof(PublishLoad), new PublishLoad(), TimeSpan.FromSeconds(1));
    }

    private void StartAnnouncing()
    {
        Timers.Cancel(nameof(AnnounceTick));
        if (_policy.AnnounceEvery > TimeSpan.Zero && (_policy.AnnouncePosition || _policy.AnnounceExpectedWait))
            Timers.StartPeriodicTimer(nameof(AnnounceTick), new AnnounceTick(), _policy.AnnounceEvery);
    }

    /// <summary>
    /// New settings saved while the queue runs: selection, tiers, delays and announcements apply from the next decision;
    /// callers already waiting keep the max wait they were given on arrival, and calls already offered keep their plan.
    /// </summary>
    private void Apply(AcdProtocol.ApplySettings settings)
    {
        _policy = settings.Policy;
        _overflowTo = settings.OverflowTo;
        foreach (var agentId in _skills.Keys.Concat(_agents.Keys).Except(settings.AgentSkills.Keys).ToList())
            SetSkills(agentId, new Dictionary<string, int>());
        foreach (var (agentId, skills) in settings.AgentSkills) SetSkills(agentId, skills);
        StartAnnouncing();
        _log.Info("Queue {0}: settings applied ({1})", _id, _policy.Strategy);
        DispatchNow();
    }

    private void SetSkills(string agentId, IReadOnlyDictionary<string, int> skills)
    {
        _skills[agentId] = skills;
        if (_agents.TryGetValue(agentId, out var agent)) agent.Skills = skills;
    }

    private void Exit(CallerSlot caller, bool answered)
    {
        var now = Now;
        _exits.Enqueue(new QueueExit(now, caller.Caller.Waited(now), answered));
        while (_exits.TryPeek(out var oldest) && oldest.At <= now - _policy.ServiceLevelWindow) _exits.Dequeue();
        Publish();
    }

    private void Publish()
    {
        var now = Now;
        var waiting = _callers.Values.Where(c => !c.Taken).ToList();
        var window = ServiceLevelWindow.Measure(_exits, now, _policy.ServiceLevelWindow, _policy.ServiceLevelTarget);
        Context.System.EventStream.Publish(new AcdEvents.LoadChanged(_id, waiting.Count,
            waiting.Count == 0 ? TimeSpan.Zero : waiting.Max(c => c.Caller.Waited(now)), window.ServiceLevel, window.ArrivalsPerMinute,
            AverageHandlingTime()));
    }

    private TimeSpan AverageHandlingTime()
    {
        var calls = _agents.Values.Sum(a => a.Calls);
        return calls == 0 ? TimeSpan.FromMinutes(3) : TimeSpan.FromTicks(_agents.Values.Sum(a => a.Talk.Ticks) / calls) + _policy.WrapUp;
    }

    private void Admit(CallLegId leg, string number, DateTimeOffset arrivedAt, int priority, string? skill, Guid? callId = null)
    {
        var plan = new InboundCallPlan(_tenant, _id, leg, number, arrivedAt, priority, skill, _policy) { CallId = callId ?? Guid.CreateVersion7() };
        var call = Context.ActorOf(InboundCallActor.Props(plan, _services));
        Context.Watch(call);
        _callers[call] = new CallerSlot(new AcdCaller(call.Path.Name, arrivedAt, priority, skill), leg);
        _legs[leg] = call;
        if (_policy.MaxWait > TimeSpan.Zero)
        {
            var left = _policy.MaxWait - (Now - arrivedAt);
            Timers.StartSingleTimer("maxwait:" + call.Path.Name, new MaxWaitReached(call), left > TimeSpan.Zero ? left : TimeSpan.Zero);
        }
        Publish();
    }

    private void OnAgentStateChanged(CampaignCommands.AgentStateChanged changed)
    {
        if (!_agents.TryGetValue(changed.AgentId, out var agent)) return;
        if (changed.State == AgentState.LoggedOut)
        {
            _agents.Remove(changed.AgentId);
            return;
        }
        agent.State = changed.State;
        agent.Since = changed.Since;
        if (changed.State == AgentState.Ready) DispatchNow();
    }

    private void DispatchNow()
    {
        var now = Now;
        foreach (var caller in CallerOrder.Sort(_callers.Values.Where(c => !c.Taken && c.Lead is not null && c.OfferedTo.Count == 0).Select(c => c.Caller), now, _policy))
        {
            var (call, slot) = _callers.First(c => c.Value.Caller.CallerId == caller.CallerId);
            var candidates = _agents.Select(a => new AcdAgent(a.Key, a.Value.Order, a.Value.State == AgentState.Ready && a.Value.OfferedCall is null,
                a.Value.Since, a.Value.BlockedUntil, a.Value.Talk, a.Value.Calls, a.Value.Skills)).ToList();
            var selection = AgentSelector.Select(_policy, caller, candidates, now, _selection, _random);
            if (!selection.Found) continue;
            _selection = selection.State;
            foreach (var agentId in selection.Offer)
            {
                var agent = _agents[agentId];
                agent.OfferedCall = call;
                agent.State = AgentState.Reserved;
                slot.OfferedTo.Add(agentId);
                agent.Session.Tell(new AgentProtocol.Reserve(call, slot.Lead!));
                Timers.StartSingleTimer("offer:" + agentId, new OfferExpired(agentId, call), _policy.OfferTimeout);
            }
        }
    }

    private void OnTaken(AcdProtocol.Taken taken)
    {
        if (!_callers.TryGetValue(taken.Call, out var caller)) return;
        caller.Taken = true;
        _answered++;
        Exit(caller, answered: true);
        Timers.Cancel("maxwait:" + taken.Call.Path.Name);
        foreach (var agentId in caller.OfferedTo)
        {
            Timers.Cancel("offer:" + agentId);
            if (!_agents.TryGetValue(agentId, out var agent)) continue;
            agent.OfferedCall = null;
            if (agentId == taken.AgentId)
            {
                agent.NoAnswers = OfferOutcome.After(OfferResult.Taken, agent.NoAnswers, Now, _policy).NoAnswersInARow;
                agent.State = AgentState.OnCall;
            }
        }
        caller.OfferedTo.Clear();
    }

    private void EndOffer(string agentId, IActorRef call, OfferResult result)
    {
        if (!_agents.TryGetValue(agentId, out var agent) || !Equals(agent.OfferedCall, call)) return;
        Timers.Cancel("offer:" + agentId);
        agent.OfferedCall = null;
        if (_callers.TryGetValue(call, out var caller)) caller.OfferedTo.Remove(agentId);
        var consequence = OfferOutcome.After(result, agent.NoAnswers, Now, _policy);
        agent.BlockedUntil = consequence.BlockedUntil;
        agent.NoAnswers = consequence.NoAnswersInARow;
        if (result == OfferResult.Rejected) agent.State = AgentState.NotReady; // the session refuses only when it is not ready
        else
        {
            call.Tell(new AcdProtocol.Withdraw(agentId));
            if (consequence.PutNotReady)
            {
                _log.Info("Queue {0}: agent {1} did not answer {2} offers in a row, put not ready", _id, agentId, _policy.MaxNoAnswer);
                agent.Session.Tell(new AgentCommands.NotReady(OfferOutcome.MaxNoAnswerReason));
            }
            agent.Session.Tell(new AgentProtocol.Unreserve(call));
            agent.State = consequence.PutNotReady ? AgentState.NotReady : AgentState.Ready;
        }
        if (consequence.BlockedUntil is { } until && until > Now)
            Timers.StartSingleTimer("blocked:" + agentId, new Dispatch(), until - Now + TimeSpan.FromMilliseconds(1));
        DispatchNow();
    }

    private void OnMaxWait(MaxWaitReached reached)
    {
        if (!_callers.TryGetValue(reached.Call, out var caller) || caller.Taken) return;
        WithdrawOffers(reached.Call, caller);
        caller.Taken = true; // no more offers: the caller leaves the queue
        _overflowed++;
        Exit(caller, answered: false);
        var action = _policy.Overflow == OverflowAction.OverflowQueue && _overflowTo is null ? OverflowAction.CallbackOffer : _policy.Overflow;
        if (action == OverflowAction.OverflowQueue)
        {
            _legs.Remove(caller.Leg);
            _passedOn[caller.Leg] = _overflowTo!;
            _overflowTo!.Tell(new AcdCommands.TakeOverflow(_id, caller.Leg, caller.Lead?.PhoneE164 ?? "", caller.Caller.ArrivedAt,
                caller.Caller.Priority, caller.Caller.Skill));
        }
        reached.Call.Tell(new AcdProtocol.MaxWait(action));
    }

    private void WithdrawOffers(IActorRef call, CallerSlot caller)
    {
        foreach (var agentId in caller.OfferedTo)
        {
            Timers.Cancel("offer:" + agentId);
            if (!_agents.TryGetValue(agentId, out var agent)) continue;
            agent.OfferedCall = null;
            agent.Session.Tell(new AgentProtocol.Unreserve(call));
        }
        caller.OfferedTo.Clear();
    }

    private void Forget(IActorRef call)
    {
        if (!_callers.Remove(call, out var caller)) return;
        Timers.Cancel("maxwait:" + call.Path.Name);
        if (!caller.Taken) WithdrawOffers(call, caller);
        _legs.Remove(caller.Leg);
    }

    private void Announce()
    {
        var now = Now;
        var waiting = _callers.Where(c => !c.Value.Taken).ToList();
        if (waiting.Count == 0) return;
        var sorted = CallerOrder.Sort(waiting.Select(w => w.Value.Caller), now, _policy);
        var staffed = _agents.Values.Count(a => a.State is not AgentState.NotReady and not AgentState.LoggedOut);
        var aht = AverageHandlingTime();
        for (var i = 0; i < sorted.Count; i++)
        {
            var call = waiting.First(w => w.Value.Caller.CallerId == sorted[i].CallerId).Key;
            call.Tell(new AcdProtocol.Announce(_policy.AnnouncePosition ? i + 1 : null,
                _policy.AnnounceExpectedWait ? CallerOrder.ExpectedWait(i + 1, staffed, aht) : null));
        }
    }

    private AcdStatusReply Status()
    {
        var now = Now;
        var waiting = _callers.Values.Where(c => !c.Taken).ToList();
        return new AcdStatusReply(_id, waiting.Count,
            waiting.Count == 0 ? TimeSpan.Zero : waiting.Max(c => c.Caller.Waited(now)),
            _answered, _abandoned, _overflowed,
            _agents.Select(a => new AcdAgentView(a.Key, a.Value.State, a.Value.Since, a.Value.BlockedUntil, a.Value.NoAnswers, a.Value.Calls, a.Value.Talk)).ToList());
    }
}
