using System.Collections.Concurrent;
using Outbound.Telephony.Port;

namespace Outbound.Telephony.Simulated;

/// <summary>
/// A carrier and agent phones in memory: every origination draws its fate from seeded distributions (or from the
/// <c>callees</c> given, such as a bench scenario's) and plays it out on timers of the injected <see cref="TimeProvider"/>,
/// so tests can run it in virtual time and the demo in real (optionally scaled) time. An answered callee stays its talk
/// time once bridged to an agent; left alone, it hangs up after that time.
/// </summary>
public sealed class SimulatedTelephony : ITelephony, IDisposable
{
    private readonly SimulatedCarrierOptions _options;
    private readonly TimeProvider _time;
    private readonly Random _random;
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<CallLegId, Leg> _legs = new();
    private readonly List<SimulatedCall> _placed = [];
    private readonly SimulatedMedia _media = new();
    private readonly ConcurrentDictionary<string, CallLegId> _agentLegs = new(StringComparer.Ordinal);
    private readonly Func<OriginateRequest, DateTimeOffset, SimulatedOutcome>? _callees;

    /// <param name="callees">Who answers each origination; null draws from <paramref name="options"/>' distributions.</param>
    public SimulatedTelephony(SimulatedCarrierOptions options, TimeProvider time, Func<OriginateRequest, DateTimeOffset, SimulatedOutcome>? callees = null)
    {
        options.Validate();
        _options = options;
        _time = time;
        _random = new Random(options.Seed);
        _callees = callees;
    }

    /// <summary>Every origination so far, in order.</summary>
    public IReadOnlyList<SimulatedCall> Placed
    {
        get { lock (_gate) return _placed.ToList(); }
    }

    public int LegsUp => _legs.Count;

    public Task<CallLegId> OriginateAsync(OriginateRequest request, ITelephonyEventSink events, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Number);
        var leg = new Leg(CallLegId.New(), events, IsAgent: false);
        SimulatedOutcome outcome;
        lock (_gate)
        {
            outcome = _callees?.Invoke(request, _time.GetUtcNow()) ?? SimulatedOutcome.Draw(_random, _options);
            _placed.Add(new SimulatedCall(leg.Id, request, _time.GetUtcNow()));
        }
        _legs[leg.Id] = leg;
        After(leg, TimeSpan.FromMilliseconds(200), () => Emit(leg, new TelephonyEvent.Ringing(leg.Id, _time.GetUtcNow())));

        if (_options.UnansweredNumbers.Contains(request.Number)) { } // rings until hung up
        else if (outcome.Failure is { } failure && failure != FailureReason.NoAnswer)
            After(leg, outcome.RingTime, () => End(leg, new TelephonyEvent.Failed(leg.Id, _time.GetUtcNow(), failure)));
        else if (outcome.AnsweredBy is { } by && outcome.RingTime <= request.RingTimeout)
            After(leg, outcome.RingTime, () =>
            {
                leg.Answered = true;
                leg.TalkAfterBridge = outcome.TalkTime;
                Emit(leg, new TelephonyEvent.Answered(leg.Id, _time.GetUtcNow(), request.DetectMachine ? by : AnsweredBy.Unknown));
                After(leg, outcome.TalkTime, () =>
                {
                    if (!leg.Bridged) End(leg, new TelephonyEvent.HungUp(leg.Id, _time.GetUtcNow(), ByRemote: true, HangupCause.Normal));
                });
            });
        else
            After(leg, request.RingTimeout, () => End(leg, new TelephonyEvent.Failed(leg.Id, _time.GetUtcNow(), FailureReason.NoAnswer)));
        return Task.FromResult(leg.Id);
    }

    public Task<CallLegId> ConnectAgentAsync(AgentEndpoint agent, ITelephonyEventSink events, CancellationToken ct = default)
    {
        var leg = new Leg(CallLegId.New(), events, IsAgent: true) { Answered = true };
        _legs[leg.Id] = leg;
        _agentLegs[agent.AgentId] = leg.Id;
        Emit(leg, new TelephonyEvent.Answered(leg.Id, _time.GetUtcNow(), AnsweredBy.Human));
        return Task.FromResult(leg.Id);
    }

    /// <summary>
    /// An inbound caller reaches the platform: the leg is up (answered by the platform) and its events go to
    /// <paramref name="events"/>. The caller hangs up after <paramref name="patience"/> unless bridged first
    /// (an abandon), and <paramref name="talkTime"/> after being bridged to an agent.
    /// </summary>
    public CallLegId ArriveInbound(string callerNumber, ITelephonyEventSink events, TimeSpan? patience, TimeSpan talkTime)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(callerNumber);
        var leg = new Leg(CallLegId.New(), events, IsAgent: false) { Answered = true, TalkAfterBridge = talkTime };
        _legs[leg.Id] = leg;
        if (patience is { } p)
            After(leg, p, () => { if (!leg.Bridged) End(leg, new TelephonyEvent.HungUp(leg.Id, _time.GetUtcNow(), ByRemote: true, HangupCause.Normal)); });
        return leg.Id;
    }

    public Task BridgeAsync(CallLegId customer, CallLegId agent, CancellationToken ct = default)
    {
        var (a, b) = (Find(customer), Find(agent));
        if (!a.Answered) throw new InvalidOperationException($"Leg {customer} is not answered and cannot be bridged.");
        if (a.TalkAfterBridge is { } talk && !a.Bridged)
            After(a, talk, () => End(a, new TelephonyEvent.HungUp(a.Id, _time.GetUtcNow(), ByRemote: true, HangupCause.Normal)));
        a.Bridged = true;
        _media.Bridge(a.Id, b.Id);
        var now = _time.GetUtcNow();
        Emit(a, new TelephonyEvent.Bridged(a.Id, now, b.Id));
        Emit(b, new TelephonyEvent.Bridged(b.Id, now, a.Id));
        return Task.CompletedTask;
    }

    public Task UnbridgeAsync(CallLegId customer, CallLegId agent, CancellationToken ct = default)
    {
        _media.Unbridge(customer);
        return Task.CompletedTask;
    }

    public Task MixAsync(string room, IReadOnlyList<MixPart> parts, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(room);
        foreach (var part in parts)
            if (!Find(part.Leg).Answered) throw new InvalidOperationException($"Leg {part.Leg} is not answered and cannot be mixed.");
        _media.Mix(room, parts);
        return Task.CompletedTask;
    }

    public Task HoldAsync(CallLegId leg, string musicPromptId, CancellationToken ct = default)
    {
        Find(leg);
        _media.Hold(leg, musicPromptId);
        return Task.CompletedTask;
    }

    public Task RetrieveAsync(CallLegId leg, CancellationToken ct = default)
    {
        _media.Retrieve(leg);
        return Task.CompletedTask;
    }

    /// <summary>The live phone leg of an agent (or supervisor), if any.</summary>
    public CallLegId? LegOf(string agentId) =>
        _agentLegs.TryGetValue(agentId, out var leg) && _legs.ContainsKey(leg) ? leg : null;

    /// <summary>What a live leg hears now: the legs whose audio reaches it, or the music it is held with.</summary>
    public LegHearing Hearing(CallLegId leg) => _media.Hearing(leg);

    public Task PlayPromptAsync(CallLegId leg, string promptId, CancellationToken ct = default)
    {
        var l = Find(leg);
        After(l, TimeSpan.FromSeconds(2), () => Emit(l, new TelephonyEvent.PromptFinished(l.Id, _time.GetUtcNow(), promptId)));
        return Task.CompletedTask;
    }

    public Task StartRecordingAsync(CallLegId leg, string path, CancellationToken ct = default)
    {
        Find(leg).RecordingPath = path;
        return Task.CompletedTask;
    }

    public Task StopRecordingAsync(CallLegId leg, CancellationToken ct = default)
    {
        var l = Find(leg);
        if (l.RecordingPath is { } path) Emit(l, new TelephonyEvent.RecordingStopped(l.Id, _time.GetUtcNow(), path));
        l.RecordingPath = null;
        return Task.CompletedTask;
    }

    public Task HangUpAsync(CallLegId leg, HangupCause cause = HangupCause.Normal, CancellationToken ct = default)
    {
        // Hanging up a leg that already ended is harmless: both ends may race to hang up.
        if (_legs.TryGetValue(leg, out var l))
            End(l, new TelephonyEvent.HungUp(l.Id, _time.GetUtcNow(), ByRemote: false, cause));
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        foreach (var leg in _legs.Values) leg.CancelTimers();
        _legs.Clear();
    }

    private Leg Find(CallLegId id) =>
        _legs.TryGetValue(id, out var leg) ? leg : throw new InvalidOperationException($"No live leg {id}.");

    private void After(Leg leg, TimeSpan delay, Action action) =>
        leg.AddTimer(_time.CreateTimer(_ => action(), null, delay / _options.TimeScale, Timeout.InfiniteTimeSpan));

    private void Emit(Leg leg, TelephonyEvent e)
    {
        if (!leg.Ended) leg.Sink.On(e);
    }

    private void End(Leg leg, TelephonyEvent last)
    {
        if (!leg.TryEnd()) return;
        _legs.TryRemove(leg.Id, out _);
        _media.Remove(leg.Id);
        leg.CancelTimers();
        leg.Sink.On(last);
    }

    private sealed record Leg(CallLegId Id, ITelephonyEventSink Sink, bool IsAgent)
    {
        private readonly List<ITimer> _timers = [];
        private int _ended;
        public bool Answered { get; set; }
        /// <summary>The caller (or callee) hangs up this long after being bridged to an agent.</summary>
        public TimeSpan? TalkAfterBridge { get; set; }
        public bool Bridged { get; set; }
        public string? RecordingPath { get; set; }
        public bool Ended => Volatile.Read(ref _ended) == 1;
        public bool TryEnd() => Interlocked.Exchange(ref _ended, 1) == 0;

        public void AddTimer(ITimer timer)
        {
            lock (_timers) _timers.Add(timer);
        }

        public void CancelTimers()
        {
            lock (_timers)
            {
                foreach (var t in _timers) t.Dispose();
                _timers.Clear();
            }
        }
    }
}
