namespace Outbound.Core.Pacing;

public sealed class AdaptivePacing(AdaptiveOptions options) : IPacingStrategy
{
    public string Name => PacingStrategies.Adaptive;
    public PacingState InitialState => PacingState.Start(1.0);
    public AdaptiveOptions Options => options;

    public (PacingDecision Decision, PacingState State) Decide(PacingSnapshot snapshot, PacingState state) =>
        throw new NotImplementedException();
}
