namespace Outbound.Core.Pacing;

/// <summary>Settings of every strategy; a campaign picks one strategy by name.</summary>
public sealed record PacingOptions
{
    public RatioOptions Ratio { get; init; } = new();
    public AdaptiveOptions Adaptive { get; init; } = new();
    public PredictiveOptions Predictive { get; init; } = new();
    public GuardOptions Guard { get; init; } = new();
}

/// <summary>The safety layer over predictive pacing (<see cref="PacingGovernor"/>).</summary>
public sealed record GuardOptions
{
    /// <summary>Fewer working agents than this dial progressively, whatever the window.</summary>
    public int MinTeam { get; init; } = 3;
    /// <summary>Predictive needs a team whose window (up to <see cref="TeamHorizon"/>) holds this many abandons at the cap.</summary>
    public double MinWindowAbandons { get; init; } = 4;
    /// <summary>How much of a long window a team is expected to fill (a shift).</summary>
    public TimeSpan TeamHorizon { get; init; } = TimeSpan.FromHours(8);
    /// <summary>
    /// Pacing reads the window as it will stand this share of its length ahead (at most <see cref="MaxLookahead"/>), without
    /// the live calls that leave it by then: room made by calls about to leave is no room for an abandon that stays.
    /// </summary>
    public double LookaheadShare { get; init; } = 0.25;
    public TimeSpan MaxLookahead { get; init; } = TimeSpan.FromMinutes(15);
    /// <summary>Fall back to progressive when the window's room for abandons (at its upper bound) is below this.</summary>
    public double FallbackRoom { get; init; } = 1.0;
    /// <summary>Resume predictive once the room is this again.</summary>
    public double ResumeRoom { get; init; } = 2.0;
    /// <summary>Standard normal quantile for the upper bounds (one-sided 95 %).</summary>
    public double Z { get; init; } = 1.645;
    /// <summary>Turn the detector off when its false positives alone would use more than this share of the cap.</summary>
    public double DetectorShareOfCap { get; init; } = 0.5;
    /// <summary>
    /// How sure the measured rate must be before detection goes off, in standard deviations below the estimate. The estimate
    /// is already held toward the configured rate by its prior, and a detector left on too long breaks the cap while one
    /// turned off needlessly costs agents a few seconds per machine: the estimate itself decides.
    /// </summary>
    public double DetectorOffZ { get; init; } = 0;
    /// <summary>Share of machine verdicts connected to an agent all the same, to measure the detector's false positives.</summary>
    public double DetectorCheckShare { get; init; } = 0.05;
    /// <summary>The share checked while the false-positive rate may exceed its limit (its upper bound does): measure faster.</summary>
    public double DetectorCheckShareInDoubt { get; init; } = 0.4;
}

/// <summary>Fixed lines per ready agent.</summary>
public sealed record RatioOptions
{
    public double LinesPerReadyAgent { get; init; } = 2.0;
}

/// <summary>
/// VICIdial-style adaptive dial level with a hard drop limit: the level (lines per active agent,
/// ≥ 1, ≤ <see cref="MaxLevel"/>) is recomputed every <see cref="Period"/> from agents waiting and
/// callers waiting; at or over the abandon cap it falls back to 1 until the rolling rate recovers.
/// </summary>
public sealed record AdaptiveOptions
{
    public double InitialLevel { get; init; } = 1.0;
    public double MaxLevel { get; init; } = 4.0;
    public TimeSpan Period { get; init; } = TimeSpan.FromSeconds(15);
    /// <summary>How far the level may move in one period.</summary>
    public double Step { get; init; } = 0.1;
    /// <summary>The strategy aims at this share of the cap, leaving room for noise.</summary>
    public double TargetShareOfCap { get; init; } = 0.8;
}

/// <summary>Knobs of the model-based predictive strategy.</summary>
public sealed record PredictiveOptions
{
    /// <summary>The rolling abandon rate the strategy steers to; the rest of the cap is room for chance.</summary>
    public double TargetShareOfCap { get; init; } = 0.9;
    /// <summary>
    /// Abandons kept in reserve below the target: headroom is target × live − abandoned − reserve. It
    /// barely matters in a busy window and keeps a small team's window (a few hundred live calls, where
    /// one late abandon moves the rate by several tenths of a percent) well clear of the cap.
    /// </summary>
    public double ReserveAbandons { get; init; } = 3.0;
    /// <summary>
    /// The least number of abandons of headroom that multiply the risk a new line may carry by e (as
    /// many beyond the target divide it by e); busier windows use √(expected abandons), their own swing.
    /// </summary>
    public double HeadroomScale { get; init; } = 2.0;
    /// <summary>Bounds of that multiplier: never bolder than this, however much headroom is banked.</summary>
    public double MaxRiskFactor { get; init; } = 3.0;
    public double MinRiskFactor { get; init; } = 0.1;
    /// <summary>The detector's hidden false positives are counted at this many standard deviations above their estimate.</summary>
    public double FalsePositiveZ { get; init; } = 1.645;
    /// <summary>Upper bound on new lines per eligible agent in one decision.</summary>
    public double MaxLinesPerAgent { get; init; } = 6.0;
}
