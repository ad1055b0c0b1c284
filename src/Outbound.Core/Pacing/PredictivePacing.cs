namespace Outbound.Core.Pacing;

public sealed class PredictivePacing(PredictiveOptions options) : IPacingStrategy
{
    public string Name => PacingStrategies.Predictive;
    public PacingState InitialState => PacingState.Start(1.0);
    public PredictiveOptions Options => options;

    public (PacingDecision Decision, PacingState State) Decide(PacingSnapshot snapshot, PacingState state) =>
        throw new NotImplementedException();
}
