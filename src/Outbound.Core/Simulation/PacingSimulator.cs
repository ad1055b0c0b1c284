using Outbound.Core.Pacing;

namespace Outbound.Core.Simulation;

/// <summary>
/// A seeded discrete-event simulation of one shift of a campaign under a pacing strategy. Virtual
/// time, a priority queue of events, one <see cref="Random"/> seeded from the scenario: the same
/// scenario and strategy always give the same run.
/// </summary>
/// <remarks>
/// Every draw for a call (outcome, ring time, AMD verdict, talk time) is made when it is dialled, so
/// a call's fate does not depend on when other events happen. A human answer goes at once to a
/// ready agent; otherwise it waits up to connect_within_seconds for one, then hears the information
/// message and is abandoned. A human that AMD takes for a machine is hung up on and counted as
/// abandoned. Busy signals come back after 1–3 s, unanswered calls ring out at no_answer_seconds.
/// The dialer measures answer, machine and busy shares as it goes (AMD false positives look like
/// machines to it) and gives the strategy those estimates, not the scenario's true rates. It takes
/// outcomes in dial order, each once it and every earlier dial have resolved: busies come back in
/// seconds and no-answers only at the timeout, so counting them as they resolve would read a burst
/// of dials as far fewer answers than it holds. The
/// strategy is asked after every instant at which something changed and on a one-second tick;
/// dialing stops at the end of the shift. Violations count dials outside the shift and dials beyond
/// the list (a lead over its attempt limit); the simulated list has no DNC numbers.
/// </remarks>
public sealed class PacingSimulator
{
    private static readonly DateTimeOffset ShiftStart = new(2026, 1, 5, 9, 0, 0, TimeSpan.FromHours(8));
    private const double TickSeconds = 1.0;
    private const double RateWeight = 1.0 / 150;

    private readonly PacingScenario _scenario;
    private readonly IPacingStrategy _strategy;
    private readonly Random _random;
    private readonly Lognormal _talk;
    private readonly double _end;
    private readonly PriorityQueue<Event, (double At, long Seq)> _events = new();
    private readonly Agent[] _agents;
    private readonly Dictionary<int, Line> _lines = [];
    private readonly Queue<Line> _unmeasured = new();
    private readonly List<Line> _waiting = [];
    private readonly AbandonLedger _ledger;
    private readonly OutcomeRates _rates;
    private PacingState _state;
    private long _seq;
    private int _nextLineId;
    private double _now;
    private int _calls;
    private int _violations;
    private int _amdFalsePositives;
    private int _informationMessages;
    private double _talkSeconds;
    private int? _leadsLeft;

    private PacingSimulator(PacingScenario scenario, IPacingStrategy strategy)
    {
        PacingScenarios.Validate(scenario);
        _scenario = scenario;
        _strategy = strategy;
        _random = new Random(scenario.Seed);
        _talk = new Lognormal(scenario.TalkSeconds.Mean, scenario.TalkSeconds.Sd);
        _end = scenario.Hours * 3600;
        _agents = Enumerable.Range(0, scenario.Agents).Select(_ => new Agent()).ToArray();
        _ledger = new AbandonLedger(scenario.AbandonWindowHours * 3600);
        _rates = new OutcomeRates(scenario.AnswerRate * (1 - scenario.AmdFalsePositiveRate),
            scenario.MachineRate + scenario.AnswerRate * scenario.AmdFalsePositiveRate, scenario.BusyRate, RateWeight);
        _state = strategy.InitialState;
        _leadsLeft = scenario.Leads;
    }

    public static PacingRun Run(PacingScenario scenario, IPacingStrategy strategy) => new PacingSimulator(scenario, strategy).Run();

    private PacingRun Run()
    {
        Schedule(0, EventKind.Tick, 0);
        while (_events.TryPeek(out _, out var next) && next.At < _end)
        {
            _now = next.At;
            while (_events.TryPeek(out _, out var same) && same.At == _now)
                Handle(_events.Dequeue());
            Pace();
        }
        return Result();
    }

    private void Handle(Event e)
    {
        switch (e.Kind)
        {
            case EventKind.Tick:
                Schedule(_now + TickSeconds, EventKind.Tick, 0);
                break;
            case EventKind.LineResolves:
                Resolve(_lines[e.Id]);
                break;
            case EventKind.WaitExpires:
                var waiting = _waiting.Find(l => l.Id == e.Id);
                if (waiting is null) break; // already connected
                _waiting.Remove(waiting);
                _informationMessages++;
                _ledger.Record(_now, abandoned: true);
                break;
            case EventKind.TalkEnds:
                _agents[e.Id].Start(AgentActivity.Wrapping, _now);
                Schedule(_now + _scenario.WrapSeconds, EventKind.WrapEnds, e.Id);
                break;
            case EventKind.WrapEnds:
                _agents[e.Id].BecomeReady();
                if (_waiting.Count > 0)
                {
                    var first = _waiting[0];
                    _waiting.RemoveAt(0);
                    Connect(first, e.Id);
                }
                break;
        }
    }

    private void Resolve(Line line)
    {
        _lines.Remove(line.Id);
        Measure();
        if (line.Outcome != DialOutcome.Human) return;
        if (line.AmdFalsePositive)
        {
            _amdFalsePositives++;
            _ledger.Record(_now, abandoned: true);
            return;
        }
        var agent = Array.FindIndex(_agents, a => a.IsReady);
        if (agent >= 0) Connect(line, agent);
        else
        {
            _waiting.Add(line);
            Schedule(_now + _scenario.ConnectWithinSeconds, EventKind.WaitExpires, line.Id);
        }
    }

    /// <summary>Feeds the outcome estimate every resolved dial not preceded by one still ringing.</summary>
    private void Measure()
    {
        while (_unmeasured.TryPeek(out var oldest) && !_lines.ContainsKey(oldest.Id))
        {
            _unmeasured.Dequeue();
            _rates.Observe(oldest.Outcome == DialOutcome.Human && oldest.AmdFalsePositive ? DialOutcome.Machine : oldest.Outcome);
        }
    }

    private void Connect(Line line, int agent)
    {
        _agents[agent].Start(AgentActivity.Talking, _now);
        _talkSeconds += Math.Min(line.TalkSeconds, _end - _now);
        _ledger.Record(_now, abandoned: false);
        Schedule(_now + line.TalkSeconds, EventKind.TalkEnds, agent);
    }

    private void Pace()
    {
        var (decision, state) = _strategy.Decide(Snapshot(), _state);
        _state = state;
        for (var i = 0; i < decision.Lines; i++) Dial();
    }

    private void Dial()
    {
        if (_now >= _end || _leadsLeft is <= 0)
        {
            _violations++; // outside the calling window, or a lead beyond its attempt limit
            return;
        }
        if (_leadsLeft is { } left) _leadsLeft = left - 1;
        _calls++;
        var human = _scenario.AnswerRateAt(_now);
        var u = _random.NextDouble();
        var outcome = u < human ? DialOutcome.Human
            : u < human + _scenario.MachineRate ? DialOutcome.Machine
            : u < human + _scenario.MachineRate + _scenario.BusyRate ? DialOutcome.Busy
            : DialOutcome.NoAnswer;
        var ring = outcome switch
        {
            DialOutcome.Human or DialOutcome.Machine => _scenario.RingSeconds.Min + _random.NextDouble() * (_scenario.RingSeconds.Max - _scenario.RingSeconds.Min),
            DialOutcome.Busy => 1 + 2 * _random.NextDouble(),
            _ => _scenario.NoAnswerSeconds,
        };
        var falsePositive = outcome == DialOutcome.Human && _random.NextDouble() < _scenario.AmdFalsePositiveRate;
        var talk = outcome == DialOutcome.Human ? _talk.FromStandardNormal(StandardNormal()) : 0;
        var line = new Line(_nextLineId++, _now, outcome, falsePositive, talk);
        _lines.Add(line.Id, line);
        _unmeasured.Enqueue(line);
        Schedule(_now + ring, EventKind.LineResolves, line.Id);
    }

    private PacingSnapshot Snapshot()
    {
        var busy = new List<BusyAgent>(_agents.Length);
        var ready = 0;
        foreach (var a in _agents)
        {
            if (a.IsReady) ready++;
            else busy.Add(new BusyAgent(a.Activity, TimeSpan.FromSeconds(_now - a.Since)));
        }
        var inFlight = _lines.Values.Select(l => new LineInFlight(TimeSpan.FromSeconds(_now - l.DialledAt))).ToList();
        var (abandoned, connected) = _ledger.Trailing(_now);
        var statistics = new CallStatistics(
            _rates.Human, _rates.Machine, _rates.Busy,
            TimeSpan.FromSeconds(_scenario.TalkSeconds.Mean), TimeSpan.FromSeconds(_scenario.TalkSeconds.Sd),
            TimeSpan.FromSeconds(_scenario.WrapSeconds),
            TimeSpan.FromSeconds(_scenario.RingSeconds.Min), TimeSpan.FromSeconds(_scenario.RingSeconds.Max),
            TimeSpan.FromSeconds(_scenario.NoAnswerSeconds), _scenario.AmdFalsePositiveRate);
        var window = new AbandonWindow(abandoned, connected, _scenario.AbandonCap, TimeSpan.FromSeconds(_scenario.ConnectWithinSeconds));
        return new PacingSnapshot(ShiftStart.AddSeconds(_now), ready, busy, inFlight, _waiting.Count, statistics, window, _leadsLeft);
    }

    private PacingRun Result()
    {
        var loggedIn = _scenario.Agents * _end;
        var utilization = _talkSeconds / loggedIn;
        var ideal = _scenario.TalkSeconds.Mean / (_scenario.TalkSeconds.Mean + _scenario.WrapSeconds);
        var row = new PacingResultRow
        {
            Scenario = _scenario.Name,
            Strategy = _strategy.Name,
            Agents = _scenario.Agents,
            Utilization = Math.Round(utilization, 4),
            Ideal = Math.Round(ideal, 4),
            RatioToIdeal = Math.Round(utilization / ideal, 4),
            AbandonRate = Math.Round(_ledger.Rate, 5),
            MaxWindowAbandonRate = Math.Round(_ledger.MaxWindowRate(_end), 5),
            Calls = _calls,
            Connects = _ledger.Connected,
            TalkMinutesPerAgentHour = Math.Round(_talkSeconds / 60 / (_scenario.Agents * _scenario.Hours), 3),
            Violations = _violations,
        };
        return new PacingRun(row, _ledger.Abandoned, _amdFalsePositives, _informationMessages, _talkSeconds, _leadsLeft);
    }

    private double StandardNormal()
    {
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    private void Schedule(double at, EventKind kind, int id) => _events.Enqueue(new Event(kind, id), (at, _seq++));

    private enum EventKind { Tick, LineResolves, WaitExpires, TalkEnds, WrapEnds }

    private readonly record struct Event(EventKind Kind, int Id);

    private sealed record Line(int Id, double DialledAt, DialOutcome Outcome, bool AmdFalsePositive, double TalkSeconds);

    private sealed class Agent
    {
        public AgentActivity Activity { get; private set; }
        public double Since { get; private set; }
        public bool IsReady { get; private set; } = true;

        public void Start(AgentActivity activity, double at) => (Activity, Since, IsReady) = (activity, at, false);
        public void BecomeReady() => IsReady = true;
    }
}
