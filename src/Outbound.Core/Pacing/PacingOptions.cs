namespace Outbound.Core.Pacing;

/// <summary>Settings of every strategy; a campaign picks one strategy by name.</summary>
public sealed record PacingOptions
{
    public RatioOptions Ratio { get; init; } = new();
    public AdaptiveOptions Adaptive { get; init; } = new();
    public PredictiveOptions Predictive { get; init; } = new();
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
    /// <summary>Share of the cap the abandons may use; the rest is room for chance.</summary>
    public double TargetShareOfCap { get; init; } = 0.9;
    /// <summary>Teams of this size or fewer get an extra safety margin that grows as the team shrinks.</summary>
    public int SmallTeamSize { get; init; } = 10;
    /// <summary>Measured rolling rate (as a share of the cap) from which the strategy backs off.</summary>
    public double BackOffFromShareOfCap { get; init; } = 0.85;
    /// <summary>Upper bound on new lines per eligible agent in one decision.</summary>
    public double MaxLinesPerAgent { get; init; } = 6.0;
    /// <summary>How often the feedback factor on the risk threshold is recomputed.</summary>
    public TimeSpan FeedbackPeriod { get; init; } = TimeSpan.FromSeconds(10);
    public double FeedbackUp { get; init; } = 1.03;
    public double FeedbackDown { get; init; } = 0.92;
    public double MinFeedback { get; init; } = 0.25;
    public double MaxFeedback { get; init; } = 3.0;
    /// <summary>Standard deviations of the window's binomial noise kept clear of the target.</summary>
    public double NoiseMargin { get; init; } = 1.0;
    /// <summary>The live-call count below which the noise margin stops growing.</summary>
    public int NoiseMinLive { get; init; } = 200;
}
