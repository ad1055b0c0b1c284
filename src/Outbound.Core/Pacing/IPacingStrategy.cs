namespace Outbound.Core.Pacing;

/// <summary>
/// A pacing strategy: a pure, deterministic function of the snapshot and the strategy's own state.
/// The caller keeps the returned state and passes it back with the next snapshot.
/// </summary>
public interface IPacingStrategy
{
    /// <summary>"progressive", "ratio", "adaptive" or "predictive".</summary>
    string Name { get; }

    /// <summary>The state to start a campaign with.</summary>
    PacingState InitialState { get; }

    (PacingDecision Decision, PacingState State) Decide(PacingSnapshot snapshot, PacingState state);
}

/// <summary>
/// Memory a strategy carries between decisions (immutable; the caller keeps it). Strategies without
/// memory return it unchanged.
/// </summary>
/// <param name="DialLevel">The adaptive dial level (predictive keeps no memory: its budget comes from the rolling window).</param>
/// <param name="LastAdjustedAt">When the level was last recomputed; null before the first decision.</param>
public sealed record PacingState(double DialLevel, DateTimeOffset? LastAdjustedAt)
{
    public static PacingState Start(double dialLevel) => new(dialLevel, null);
}
