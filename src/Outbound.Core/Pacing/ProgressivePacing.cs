namespace Outbound.Core.Pacing;

/// <summary>Power dialing: one line per ready agent, counting the lines already ringing for them.</summary>
public sealed class ProgressivePacing : IPacingStrategy
{
    public string Name => PacingStrategies.Progressive;
    public PacingState InitialState => PacingState.Start(1.0);

    public (PacingDecision Decision, PacingState State) Decide(PacingSnapshot snapshot, PacingState state)
    {
        if (PacingGuards.Stop(snapshot, 1.0) is { } stop) return (stop, state);
        var lines = snapshot.ReadyAgents - snapshot.LinesInFlight.Count - snapshot.WaitingCalls;
        return (PacingGuards.Lines(snapshot, lines, 1.0, PacingReason.ReadyAgents), state);
    }
}
