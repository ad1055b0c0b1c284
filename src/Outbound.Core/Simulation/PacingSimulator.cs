using Outbound.Core.Pacing;

namespace Outbound.Core.Simulation;

/// <summary>
/// A seeded discrete-event simulation of one shift of a campaign under a pacing strategy: the fast reference for the
/// live bench, which runs the dialer's own actors on the same world (<see cref="ScenarioDraws"/>). Virtual time, a
/// priority queue of events; the same scenario and strategy always give the same run.
/// </summary>
/// <remarks>
/// The dialer side is the product's: a <see cref="CampaignPacer"/> fed what the campaign actor is fed (dials in order,
/// answers, talks, after-call work, live calls, the detector's checked verdicts) decides after every instant at which
/// something changed and on a one-second tick. A line that holds its agent (progressive) connects to it; any other human
/// answer goes to the agent ready longest, or waits up to connect_within_seconds and is abandoned (the information
/// message). The detector hangs up on the machines and false-positive humans it flags, except a checked sample (all of
/// them once the governor turned detection off), which agents hear and disposition. Agents behave as people do: they
/// take a few seconds to go ready after logging in and after breaks, their after-call work ends when they save the
/// result (lognormal), and now and then they take a break, starting it when they save (or at once when ready).
/// The metrics are the truth (DESIGN.md): humans put through and humans abandoned or hung up on by the detector.
/// Numbers on the do-not-call list are skipped and never dialled.
/// </remarks>
public sealed class PacingSimulator
{
    public static readonly DateTimeOffset ShiftStart = new(2026, 1, 5, 9, 0, 0, TimeSpan.FromHours(8));
    private const double TickSeconds = 1.0;
    /// <summary>Seconds an agent needs to disposition an answering machine put through to it ("in a keystroke").</summary>
    public const double MachineWrapSeconds = 2;

    private readonly PacingScenario _scenario;
    private readonly IPacingStrategy _strategy;
    private readonly ScenarioDraws _draws;
    private readonly CampaignPacer _pacer;
    private readonly double _end;
    private readonly PriorityQueue<Event, (double At, long Seq)> _events = new();
    private readonly Agent[] _agents;
    private readonly Dictionary<int, Line> _lines = [];
    private readonly List<Line> _waiting = [];
    private readonly AbandonLedger _ledger;
    private long _seq;
    private int _nextLineId;
    private long _nextIndex;
    private double _now;
    private int _calls;
    private int _violations;
    private int _amdFalsePositives;
    private int _informationMessages;
    private double _talkSeconds;
    private int? _leadsLeft;
    private readonly Dictionary<PacingMode, double> _secondsByMode = [];
    private (PacingMode Mode, double Since) _mode = (PacingMode.Predictive, 0);
    private double? _detectorOffAt;

    private PacingSimulator(PacingScenario scenario, IPacingStrategy strategy, GuardOptions? guard)
    {
        PacingScenarios.Validate(scenario);
        _scenario = scenario;
        _strategy = strategy;
        _draws = new ScenarioDraws(scenario);
        _end = scenario.Hours * 3600;
        _agents = Enumerable.Range(0, scenario.Agents).Select(i => new Agent(i)).ToArray();
        _ledger = new AbandonLedger(scenario.AbandonWindowHours * 3600);
        _pacer = new CampaignPacer(strategy, Rules(scenario, strategy), guard ?? new GuardOptions(),
            CallStatistics.Prior(TimeSpan.FromSeconds(scenario.WrapSeconds), TimeSpan.FromSeconds(scenario.NoAnswerSeconds)), ShiftStart);
        _leadsLeft = scenario.Leads is { } leads ? leads - (int)(leads / ScenarioDraws.DncEvery) : null;
    }

    /// <summary>The campaign rules a scenario dials under (the live bench configures its campaign the same way).</summary>
    public static PacerRules Rules(PacingScenario scenario, IPacingStrategy strategy) => new(
        scenario.AbandonCap, TimeSpan.FromHours(scenario.AbandonWindowHours), TimeSpan.FromSeconds(scenario.ConnectWithinSeconds),
        scenario.CountAmdFalsePositives, Detecting: true, scenario.ConfiguredFalsePositiveRate, Governed: strategy.Name == PacingStrategies.Predictive);

    public static PacingRun Run(PacingScenario scenario, IPacingStrategy strategy, GuardOptions? guard = null) =>
        new PacingSimulator(scenario, strategy, guard).Run();

    private PacingRun Run()
    {
        foreach (var agent in _agents) Schedule(_draws.Reaction(agent.Index, 0), EventKind.ReadyAgain, agent.Index);
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

    private DateTimeOffset At(double seconds) => ShiftStart.AddSeconds(seconds);

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
                _lines.Remove(waiting.Id);
                _informationMessages++;
                _pacer.Window.Abandoned(At(_now), waiting.DetectorPassed);
                if (waiting.Draw.Party == DialedParty.Human) _ledger.Record(_now, abandoned: true);
                break;
            case EventKind.TalkEnds:
                EndTalk(_agents[e.Id]);
                break;
            case EventKind.WrapEnds:
                EndWrap(_agents[e.Id]);
                break;
            case EventKind.BreakDue:
                var due = _agents[e.Id];
                if (due.State == AgentState.Ready) StartBreak(due);
                else if (due.State != AgentState.Away) due.BreakPending = true;
                break;
            case EventKind.ReadyAgain:
                BecomeReady(_agents[e.Id], fromBreak: true);
                break;
        }
    }

    private void Resolve(Line line)
    {
        line.Resolved = true;
        var draw = line.Draw;
        if (draw.Party is DialedParty.Busy or DialedParty.NoAnswer)
        {
            _pacer.Measurements.Resolved(line.Dial, draw.Party == DialedParty.Busy ? DialResult.Busy : DialResult.NoAnswer);
            Release(line);
            return;
        }
        _pacer.Measurements.Answered(TimeSpan.FromSeconds(_now - line.DialledAt));
        var machineVerdict = draw.Party == DialedParty.Machine || draw.FalsePositive;
        if (machineVerdict) _pacer.Detector.MachineVerdict();
        if (machineVerdict && _pacer.HangsUpOnMachines && !line.Checked)
        {
            _pacer.Measurements.Resolved(line.Dial, DialResult.Machine);
            if (draw.FalsePositive)
            {
                _amdFalsePositives++;
                _ledger.Record(_now, abandoned: true);
            }
            Release(line);
            return;
        }
        _pacer.Measurements.Resolved(line.Dial, DialResult.NeedsAgent);
        line.MachineVerdict = machineVerdict;
        line.DetectorPassed = !machineVerdict && _pacer.HangsUpOnMachines;
        if (line.Held is { } held) Connect(line, held);
        else if (LongestReady() is { } agent) Connect(line, agent);
        else
        {
            _waiting.Add(line);
            Schedule(_now + _scenario.ConnectWithinSeconds, EventKind.WaitExpires, line.Id);
        }
    }

    /// <summary>The line ended without a live answer for its agent: a held agent is free again.</summary>
    private void Release(Line line)
    {
        _lines.Remove(line.Id);
        if (line.Held is { } agent) BecomeReady(agent, fromBreak: false);
    }

    private void Connect(Line line, Agent agent)
    {
        agent.Start(AgentState.Talking, _now);
        agent.Line = line;
        line.Held = null;
        if (line.Draw.Party == DialedParty.Human)
        {
            _talkSeconds += Math.Min(line.Draw.TalkSeconds, _end - _now);
            _ledger.Record(_now, abandoned: false);
        }
        Schedule(_now + line.Draw.TalkSeconds, EventKind.TalkEnds, agent.Index);
    }

    private void EndTalk(Agent agent)
    {
        var line = agent.Line!;
        _lines.Remove(line.Id);
        agent.Start(AgentState.Wrapping, _now);
        var wrap = line.Draw.Party == DialedParty.Machine ? MachineWrapSeconds : _draws.Wrap(agent.Index, agent.Calls++);
        Schedule(_now + wrap, EventKind.WrapEnds, agent.Index);
    }

    private void EndWrap(Agent agent)
    {
        // What the campaign learns when the result is saved: the talk, whether a person was there, the after-call work.
        var line = agent.Line!;
        agent.Line = null;
        var human = line.Draw.Party == DialedParty.Human;
        _pacer.Measurements.Talked(TimeSpan.FromSeconds(line.Draw.TalkSeconds));
        _pacer.Detector.Heard(line.MachineVerdict, human);
        if (human) _pacer.Window.Connected(At(_now), line.DetectorPassed);
        _pacer.Measurements.Wrapped(TimeSpan.FromSeconds(_now - agent.Since), thenNotReady: agent.BreakPending);
        if (agent.BreakPending) StartBreak(agent);
        else BecomeReady(agent, fromBreak: false);
    }

    private void StartBreak(Agent agent)
    {
        agent.BreakPending = false;
        agent.Start(AgentState.Away, _now);
        var length = _draws.Break(agent.Index, agent.Breaks)?.Length ?? 0;
        Schedule(_now + length + _draws.Reaction(agent.Index, ++agent.Breaks), EventKind.ReadyAgain, agent.Index);
    }

    private void BecomeReady(Agent agent, bool fromBreak)
    {
        agent.Start(AgentState.Ready, _now);
        if (fromBreak && _draws.Break(agent.Index, agent.Breaks) is { } next) Schedule(_now + next.DueAfter, EventKind.BreakDue, agent.Index);
        if (agent.BreakPending)
        {
            StartBreak(agent);
            return;
        }
        if (_waiting.Count > 0)
        {
            var first = _waiting[0];
            _waiting.RemoveAt(0);
            Connect(first, agent);
        }
    }

    private Agent? LongestReady() =>
        _agents.Where(a => a.State == AgentState.Ready).MinBy(a => (a.Since, a.Index));

    private void Pace()
    {
        var busy = new List<BusyAgent>(_agents.Length);
        var ready = 0;
        var team = 0;
        foreach (var a in _agents)
        {
            if (a.State != AgentState.Away) team++;
            if (a.State == AgentState.Ready) ready++;
            else if (a.State == AgentState.Talking) busy.Add(BusyAgent.Talking(TimeSpan.FromSeconds(_now - a.Since)));
            else if (a.State == AgentState.Wrapping) busy.Add(BusyAgent.Wrapping(TimeSpan.FromSeconds(_now - a.Since)));
        }
        var pooled = _lines.Values.Where(l => l.Held is null && !l.Resolved).Select(l => new LineInFlight(TimeSpan.FromSeconds(_now - l.DialledAt))).ToList();
        var paced = _pacer.Decide(new PacingSituation(At(_now), ready, busy, pooled, _waiting.Count, team, _leadsLeft));
        if (paced.Mode != _mode.Mode)
        {
            _secondsByMode[_mode.Mode] = _secondsByMode.GetValueOrDefault(_mode.Mode) + _now - _mode.Since;
            _mode = (paced.Mode, _now);
        }
        if (_pacer.Governor.DetectorOff) _detectorOffAt ??= _now;
        var decision = paced.Decision;
        for (var i = 0; i < decision.Lines; i++)
        {
            Agent? held = null;
            if (decision.Reserve && (held = LongestReady()) is null) break;
            Dial(held);
        }
    }

    private void Dial(Agent? held)
    {
        if (_now >= _end || _leadsLeft is <= 0)
        {
            _violations++; // outside the calling window, or a lead beyond its attempt limit
            return;
        }
        while (ScenarioDraws.IsDnc(_nextIndex)) _nextIndex++; // refused: on the do-not-call list
        if (_leadsLeft is { } left) _leadsLeft = left - 1;
        _calls++;
        var index = _nextIndex++;
        var draw = _draws.Callee(index, _now);
        var line = new Line(_nextLineId++, _pacer.Measurements.Dialled(), _now, draw, _pacer.ChecksDetector(ScenarioDraws.PhoneOf(index), 1));
        if (held is not null)
        {
            held.Start(AgentState.Held, _now);
            line.Held = held;
        }
        _lines.Add(line.Id, line);
        Schedule(_now + draw.RingSeconds, EventKind.LineResolves, line.Id);
    }

    private PacingRun Result()
    {
        var loggedIn = _scenario.Agents * _end;
        var utilization = _talkSeconds / loggedIn;
        var ideal = Ideal(_scenario);
        var row = new PacingResultRow
        {
            Scenario = _scenario.Name,
            Strategy = _strategy.Name,
            Mode = PacingResultRow.Simulated,
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
        _secondsByMode[_mode.Mode] = _secondsByMode.GetValueOrDefault(_mode.Mode) + _end - _mode.Since;
        return new PacingRun(row, _ledger.Abandoned, _amdFalsePositives, _informationMessages, _talkSeconds, _leadsLeft)
        {
            SecondsByMode = _secondsByMode,
            DetectorOffAt = _detectorOffAt,
        };
    }

    /// <summary>
    /// Perfect foresight: mean talk / (mean talk + wrap), in the share of the shift agents are not away on breaks (DESIGN.md's
    /// ideal when agents take none).
    /// </summary>
    public static double Ideal(PacingScenario scenario) =>
        scenario.TalkSeconds.Mean / (scenario.TalkSeconds.Mean + scenario.WrapSeconds) * (1 - new ScenarioDraws(scenario).AwayShare);

    private void Schedule(double at, EventKind kind, int id) => _events.Enqueue(new Event(kind, id), (at, _seq++));

    private enum EventKind { Tick, LineResolves, WaitExpires, TalkEnds, WrapEnds, BreakDue, ReadyAgain }

    private readonly record struct Event(EventKind Kind, int Id);

    private sealed class Line(int id, long dial, double dialledAt, CalleeDraw draw, bool @checked)
    {
        public int Id => id;
        public long Dial => dial;
        public double DialledAt => dialledAt;
        public CalleeDraw Draw => draw;
        public bool Checked => @checked;
        public Agent? Held { get; set; }
        public bool Resolved { get; set; }
        /// <summary>The detector judged the answer a machine (and the line went to an agent all the same).</summary>
        public bool MachineVerdict { get; set; }
        /// <summary>The detector, hanging up on machines, judged the answer human: its errors are estimated from such calls.</summary>
        public bool DetectorPassed { get; set; }
    }

    private enum AgentState { Away, Ready, Held, Talking, Wrapping }

    private sealed class Agent(int index)
    {
        public int Index => index;
        public AgentState State { get; private set; } = AgentState.Away;
        public double Since { get; private set; }
        public Line? Line { get; set; }
        public int Calls { get; set; }
        public int Breaks { get; set; }
        public bool BreakPending { get; set; }

        public void Start(AgentState state, double at) => (State, Since) = (state, at);
    }
}
