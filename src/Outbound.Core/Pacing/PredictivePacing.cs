namespace Outbound.Core.Pacing;

/// <summary>
/// Our model-based predictive pacing. For a new line it asks: if this call is answered by a human,
/// how likely is it that no agent is free to take it within the connect window? Agents available
/// then are the ready ones plus each busy agent with its probability of being free (lognormal talk
/// conditioned on the talk so far, then wrap-up); callers ahead of it are those already waiting plus
/// each ringing line's chance of becoming a human answer (conditioned on its ring time so far). Lines
/// are added while that chance stays under a threshold. The threshold comes from the abandon cap,
/// shrinks for small teams, is tuned by feedback on the measured rolling rate (kept in the state), and
/// collapses as the rolling rate nears the cap.
/// </summary>
public sealed class PredictivePacing(PredictiveOptions options) : IPacingStrategy
{
    private const int ExactModelLimit = 60;
    private const int MinimumLiveForFeedback = 20;

    public string Name => PacingStrategies.Predictive;

    /// <summary>The state's DialLevel is the feedback factor on the risk threshold; 1 at the start.</summary>
    public PacingState InitialState => PacingState.Start(1.0);

    public (PacingDecision Decision, PacingState State) Decide(PacingSnapshot snapshot, PacingState state)
    {
        state = Feedback(snapshot, state);
        if (PacingGuards.Stop(snapshot, 0) is { } stop) return (stop, state);

        var (threshold, reason) = RiskThreshold(snapshot, state.DialLevel);
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
    /// The largest abandon probability a new line's caller may carry. Starts from the cap minus what
    /// AMD false positives use, shrinks for small teams, and once the measured rolling rate passes
    /// <see cref="PredictiveOptions.BackOffFromShareOfCap"/> of the cap falls towards zero at the cap.
    /// </summary>
    private (double Threshold, PacingReason Reason) RiskThreshold(PacingSnapshot snapshot, double feedback)
    {
        var window = snapshot.Abandons;
        // Room for chance: a window with few live calls swings more, so aim lower (binomial sd).
        var noise = options.NoiseMargin * Math.Sqrt(window.Cap * (1 - window.Cap) / Math.Max(window.Live, options.NoiseMinLive));
        var target = window.Cap * options.TargetShareOfCap - noise;
        var budget = Math.Max(0, target - snapshot.Statistics.AmdFalsePositiveRate);
        var team = snapshot.EligibleAgents;
        var smallTeam = team >= options.SmallTeamSize ? 1.0 : Math.Sqrt((double)team / options.SmallTeamSize);
        var threshold = budget * feedback * smallTeam;
        var backOffFrom = window.Cap * options.BackOffFromShareOfCap;
        if (window.Live >= MinimumLiveForFeedback && window.Rate > backOffFrom)
        {
            var room = Math.Clamp((window.Cap - window.Rate) / (window.Cap - backOffFrom), 0, 1);
            return (threshold * room * room, PacingReason.NearCap);
        }
        return (threshold, PacingReason.AbandonBudget);
    }

    /// <summary>
    /// Integral feedback on the rolling rate, once per period: while the window's rate is under the
    /// target the factor grows, over it the factor shrinks (faster), within fixed bounds.
    /// </summary>
    private PacingState Feedback(PacingSnapshot snapshot, PacingState state)
    {
        if (state.LastAdjustedAt is not { } last) return state with { LastAdjustedAt = snapshot.Now };
        if (snapshot.Now - last < options.FeedbackPeriod) return state;
        var window = snapshot.Abandons;
        if (window.Live < MinimumLiveForFeedback) return state with { LastAdjustedAt = snapshot.Now };
        var target = window.Cap * options.TargetShareOfCap;
        var factor = window.Rate < target * 0.9 ? options.FeedbackUp : window.Rate > target ? options.FeedbackDown : 1.0;
        var level = Math.Clamp(state.DialLevel * factor, options.MinFeedback, options.MaxFeedback);
        return new PacingState(level, snapshot.Now);
    }
}
