namespace Outbound.Core.Pacing;

/// <summary>
/// Our model-based predictive pacing. For a new line it asks: if this call is answered by a human,
/// how likely is it that no agent is free to take it within the connect window? Agents available
/// then are the ready ones plus each busy agent with its probability of being free (lognormal talk
/// conditioned on the talk so far, then wrap-up); callers ahead of it are those already waiting plus
/// each ringing line's chance of becoming a human answer (conditioned on its ring time so far). Lines
/// are added while that chance stays under a threshold. The threshold is an expected-abandon budget:
/// it starts from the target rate minus what AMD false positives use, grows with the abandons the
/// rolling window still has room for and shrinks with those spent beyond it, so the measured rate
/// settles just under the target; at the cap it falls to zero (only lines an agent is sure to take).
/// The decision depends on the snapshot alone, so the state passes through unchanged.
/// </summary>
public sealed class PredictivePacing(PredictiveOptions options) : IPacingStrategy
{
    private const int ExactModelLimit = 60;
    /// <summary>Below this many live calls in the window one abandon says little; the cap check waits for more.</summary>
    private const int MinimumLiveForCapCheck = 20;

    public string Name => PacingStrategies.Predictive;

    public PacingState InitialState => PacingState.Start(1.0);

    public (PacingDecision Decision, PacingState State) Decide(PacingSnapshot snapshot, PacingState state)
    {
        if (PacingGuards.Stop(snapshot, 0) is { } stop) return (stop, state);

        var (threshold, reason) = RiskThreshold(snapshot);
        var model = QueueModel.From(snapshot);
        var maxLines = (int)Math.Ceiling(options.MaxLinesPerAgent * snapshot.EligibleAgents);
        var lines = model.LinesWithinRisk(snapshot.Statistics.HumanAnswerRate, threshold, maxLines, ExactModelLimit);
        // Never below progressive: a line per ready agent not already covered cannot cause an abandon.
        var progressive = snapshot.ReadyAgents - snapshot.LinesInFlight.Count - snapshot.WaitingCalls;
        lines = Math.Max(lines, progressive);
        var decision = PacingGuards.Lines(snapshot, lines, 0, reason);
        var level = (double)(snapshot.LinesInFlight.Count + decision.Lines) / snapshot.EligibleAgents;
        return (decision with { DialLevel = Math.Round(level, 3) }, state);
    }

    /// <summary>
    /// The largest abandon probability a new line's caller may carry: the target rate less the AMD
    /// false-positive share, times e^(headroom / scale) within bounds, where headroom is the abandons
    /// the window may still take at the target rate, less a small reserve. Zero once the measured rate
    /// reaches the cap: then only lines an agent is certain to take.
    /// </summary>
    private (double Threshold, PacingReason Reason) RiskThreshold(PacingSnapshot snapshot)
    {
        var window = snapshot.Abandons;
        if (window.Live >= MinimumLiveForCapCheck && window.Rate >= window.Cap) return (0, PacingReason.NearCap);
        var target = window.Cap * options.TargetShareOfCap;
        var budget = Math.Max(0, target - snapshot.Statistics.AmdFalsePositiveRate);
        // The detector's estimated false positives count as abandoned live calls where the preset counts them; steering
        // with them at their upper bound keeps the rate as clear of the cap as the governor wants it.
        var falsePositives = window.FalsePositives + options.FalsePositiveZ * window.FalsePositivesStdDev;
        var live = window.Live + falsePositives;
        var abandoned = window.Abandoned + falsePositives;
        // Lines still ringing may yet bring abandons: kept in reserve at their upper bound, as the governor counts them.
        var inFlight = snapshot.LinesInFlight.Count * snapshot.Statistics.HumanAnswerRate * window.Cap;
        var headroom = target * live - abandoned - options.ReserveAbandons - inFlight - options.FalsePositiveZ * Math.Sqrt(inFlight);
        // The count of abandons in a window swings by about √(expected abandons): measure headroom in those swings.
        var scale = Math.Max(options.HeadroomScale, Math.Sqrt(target * live));
        var factor = Math.Clamp(Math.Exp(headroom / scale), options.MinRiskFactor, options.MaxRiskFactor);
        return (budget * factor, abandoned > target * live ? PacingReason.NearCap : PacingReason.AbandonBudget);
    }
}
