namespace Outbound.Core.Pacing;

/// <summary>
/// Power dialing: one line per ready agent, each holding its agent until the line's outcome, so that no answer waits for
/// an agent; lines already ringing without an agent of their own (left from predictive dialing) are covered first.
/// </summary>
public sealed class ProgressivePacing : IPacingStrategy
{
    public string Name => PacingStrategies.Progressive;
    public PacingState InitialState => PacingState.Start(1.0);

    public (PacingDecision Decision, PacingState State) Decide(PacingSnapshot snapshot, PacingState state)
    {
        return (Lines(snapshot, PacingReason.ReadyAgents, 1.0), state);
    }

    /// <summary>One held line per ready agent not already covering a pooled line or a waiting caller.</summary>
    public static PacingDecision Lines(PacingSnapshot snapshot, PacingReason reason, double dialLevel)
    {
        if (PacingGuards.Stop(snapshot, dialLevel) is { } stop) return stop;
        var lines = snapshot.ReadyAgents - snapshot.LinesInFlight.Count - snapshot.WaitingCalls;
        var decision = PacingGuards.Lines(snapshot, lines, dialLevel, reason);
        return decision.Lines > 0 ? decision with { Reserve = true } : decision;
    }
}
