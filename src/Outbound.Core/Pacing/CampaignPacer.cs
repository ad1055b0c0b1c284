namespace Outbound.Core.Pacing;

/// <summary>The abandon rules one campaign dials under, and its detector.</summary>
/// <param name="Cap">Largest share of live calls that may be abandoned in the window.</param>
/// <param name="Window">The rolling window: the preset's, or the campaign's shorter one.</param>
/// <param name="CountFalsePositives">The preset counts the humans the detector hangs up on as abandons (Ofcom).</param>
/// <param name="Detecting">The campaign is configured to hang up on the detector's machine verdicts.</param>
/// <param name="ConfiguredFalsePositiveRate">What the campaign is told of its detector's false positives.</param>
/// <param name="Governed">The safety layer applies (predictive campaigns; the bench's reference strategies run bare).</param>
public sealed record PacerRules(
    double Cap,
    TimeSpan Window,
    TimeSpan ConnectWithin,
    bool CountFalsePositives,
    bool Detecting,
    double ConfiguredFalsePositiveRate,
    bool Governed);

/// <summary>The campaign's agents and lines at the moment of a decision, as the dialer (or the simulator) sees them.</summary>
/// <param name="Team">Agents working now: ready, held, talking or in after-call work (not on a break).</param>
/// <param name="PooledLines">Lines ringing without an agent of their own.</param>
public sealed record PacingSituation(
    DateTimeOffset Now,
    int ReadyAgents,
    IReadOnlyList<BusyAgent> BusyAgents,
    IReadOnlyList<LineInFlight> PooledLines,
    int WaitingCalls,
    int Team,
    int? LeadsAvailable = null);

/// <summary>A pacing decision with what lies behind it.</summary>
/// <param name="Withheld">New dials the governor held back since the last decision (counted as refusals: the cap, a small team).</param>
/// <param name="MinTeam">The team predictive dialing needs under the current figures.</param>
public sealed record PacerDecision(
    PacingDecision Decision,
    PacingMode Mode,
    DateTimeOffset ModeSince,
    IReadOnlyList<PacingNotice> Notices,
    int Withheld,
    AbandonWindow Window,
    int MinTeam);

/// <summary>
/// One campaign's pacing, from what happened to what to dial: the measurements, the abandon window, the detector's
/// errors, the governor and the strategy. No clock and no I/O: the campaign actor and the simulator feed it the same
/// observations and ask it the same question, so both dial by the same rules.
/// </summary>
public sealed class CampaignPacer
{
    private readonly IPacingStrategy _strategy;
    private readonly PacerRules _rules;
    private readonly GuardOptions _guard;
    private PacingState _strategyState;
    private int _withheldOutstanding;

    public CampaignPacer(IPacingStrategy strategy, PacerRules rules, GuardOptions guard, CallStatistics prior, DateTimeOffset now)
    {
        _strategy = strategy;
        _rules = rules;
        _guard = guard;
        _strategyState = strategy.InitialState;
        Measurements = new CallMeasurements(prior);
        Window = new AbandonWindowTracker(rules.Window);
        Detector = new DetectorErrors(rules.ConfiguredFalsePositiveRate);
        Governor = GovernorState.Start(now);
    }

    public CallMeasurements Measurements { get; }
    public AbandonWindowTracker Window { get; }
    public DetectorErrors Detector { get; }
    public GovernorState Governor { get; private set; }
    public PacerRules Rules => _rules;

    /// <summary>
    /// The dialer hangs up on the detector's machine verdicts: configured so, not turned off by the governor, and not while
    /// the team is too small for predictive dialing. A small team dials one line per ready agent, so the detector saves it
    /// little, while its window holds too few live calls to absorb even one or two false positives (each an abandon where
    /// they count): machines then go to agents.
    /// </summary>
    public bool HangsUpOnMachines => _rules.Detecting && !Governor.DetectorOff && Governor.Mode != PacingMode.SmallTeam;

    /// <summary>
    /// Whether this attempt's machine verdict, if any, goes to an agent all the same so that its result measures the
    /// detector: a share of attempts chosen by a hash of number and attempt (reproducible in both bench modes), a larger
    /// share while the false positives may be over their limit.
    /// </summary>
    public bool ChecksDetector(string phone, int attempt)
    {
        if (!HangsUpOnMachines) return true;
        var limit = _guard.DetectorShareOfCap * _rules.Cap;
        var share = _rules.CountFalsePositives && Detector.Rate + _guard.Z * Detector.StdDev > limit
            ? _guard.DetectorCheckShareInDoubt : _guard.DetectorCheckShare;
        var hash = 2166136261u;
        foreach (var c in phone) hash = (hash ^ c) * 16777619u;
        hash = (hash ^ (uint)attempt) * 16777619u;
        hash ^= hash >> 15;
        return hash % 10_000 < share * 10_000;
    }

    /// <summary>The window as pacing counts it now (false positives estimated where the preset counts them).</summary>
    public AbandonWindow WindowAt(DateTimeOffset now) =>
        Window.Counts(now, _rules.Cap, _rules.ConnectWithin, _rules.CountFalsePositives && HangsUpOnMachines ? Detector : null);

    public PacerDecision Decide(PacingSituation situation)
    {
        var now = situation.Now;
        var window = WindowAt(now);
        var falsePositives = _rules.CountFalsePositives && HangsUpOnMachines ? Detector.Rate : 0;
        var statistics = Measurements.Snapshot(falsePositives);
        var snapshot = new PacingSnapshot(now, situation.ReadyAgents, situation.BusyAgents, situation.PooledLines, situation.WaitingCalls,
            statistics, window, situation.LeadsAvailable);
        var (decision, state) = _strategy.Decide(snapshot, _strategyState);
        _strategyState = state;
        if (!_rules.Governed) return new PacerDecision(decision, PacingMode.Predictive, Governor.Since, [], 0, window, 0);

        var input = new GovernorInput(now, situation.Team, situation.PooledLines.Count, window, _rules.Window, statistics, Detector,
            HangsUpOnMachines, _rules.CountFalsePositives);
        var (governor, notices) = PacingGovernor.Decide(Governor, input, _guard);
        if (governor.DetectorOff != Governor.DetectorOff)
        {
            // Detection just went off: its errors no longer use the budget.
            Governor = governor;
            window = WindowAt(now);
            snapshot = snapshot with { Abandons = window, Statistics = statistics with { AmdFalsePositiveRate = 0 } };
        }
        Governor = governor;
        var withheld = 0;
        if (governor.Mode != PacingMode.Predictive)
        {
            var reason = governor.Mode == PacingMode.SmallTeam ? PacingReason.SmallTeam : PacingReason.CapFallback;
            var progressive = ProgressivePacing.Lines(snapshot, reason, 1.0);
            var held = Math.Max(0, decision.Lines - progressive.Lines);
            withheld = Math.Max(0, held - _withheldOutstanding);
            _withheldOutstanding = held;
            decision = progressive;
        }
        else _withheldOutstanding = 0;
        return new PacerDecision(decision, governor.Mode, governor.Since, notices, withheld, window, PacingGovernor.MinPredictiveTeam(input, _guard));
    }
}
