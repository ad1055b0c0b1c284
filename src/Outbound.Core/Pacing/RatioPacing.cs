namespace Outbound.Core.Pacing;

/// <summary>A fixed number of lines per ready agent, whatever the abandon rate.</summary>
public sealed class RatioPacing(RatioOptions options) : IPacingStrategy
{
    public string Name => PacingStrategies.Ratio;
    public PacingState InitialState => PacingState.Start(options.LinesPerReadyAgent);

    public (PacingDecision Decision, PacingState State) Decide(PacingSnapshot snapshot, PacingState state)
    {
        var level = options.LinesPerReadyAgent;
        if (PacingGuards.Stop(snapshot, level) is { } stop) return (stop, state);
        var target = (int)Math.Round(level * snapshot.ReadyAgents, MidpointRounding.AwayFromZero);
        var lines = target - snapshot.LinesInFlight.Count - snapshot.WaitingCalls;
        return (PacingGuards.Lines(snapshot, lines, level, PacingReason.DialLevel), state);
    }
}
