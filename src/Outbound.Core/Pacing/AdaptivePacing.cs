namespace Outbound.Core.Pacing;

/// <summary>
/// A drop-rate-feedback dial level in the manner of VICIdial's ADAPT_HARD_LIMIT. Lines aim at
/// level × (ready + talking agents), counting calls already ringing or live (so level 1 is
/// progressive). Every <see cref="AdaptiveOptions.Period"/> the level moves one step: up while agents
/// sit ready and the rolling drop rate is under target, down while callers wait or the rate is over
/// target; at or over the cap it falls to 1 at once (the hard limit). Always 1 ≤ level ≤ max.
/// </summary>
public sealed class AdaptivePacing(AdaptiveOptions options) : IPacingStrategy
{
    public string Name => PacingStrategies.Adaptive;
    public PacingState InitialState => PacingState.Start(Math.Clamp(options.InitialLevel, 1, options.MaxLevel));

    public (PacingDecision Decision, PacingState State) Decide(PacingSnapshot snapshot, PacingState state)
    {
        state = Adjust(snapshot, state);
        var level = state.DialLevel;
        if (PacingGuards.Stop(snapshot, level) is { } stop) return (stop, state);
        var talking = snapshot.BusyAgents.Count(a => a.Activity == AgentActivity.Talking);
        var target = (int)Math.Floor(level * (snapshot.ReadyAgents + talking) + 1e-9);
        var lines = target - snapshot.LinesInFlight.Count - snapshot.WaitingCalls - talking;
        return (PacingGuards.Lines(snapshot, lines, level, PacingReason.DialLevel), state);
    }

    private PacingState Adjust(PacingSnapshot snapshot, PacingState state)
    {
        if (state.LastAdjustedAt is not { } last) return state with { LastAdjustedAt = snapshot.Now };
        if (snapshot.Now - last < options.Period) return state;
        var window = snapshot.Abandons;
        var level = state.DialLevel;
        if (window.Rate >= window.Cap) level = 1;
        else if (window.Rate > window.Cap * options.TargetShareOfCap || snapshot.WaitingCalls > 0) level -= options.Step;
        else if (snapshot.ReadyAgents > 0) level += options.Step;
        return new PacingState(Math.Clamp(level, 1, options.MaxLevel), snapshot.Now);
    }
}
