using Outbound.Core.Pacing;
using Outbound.Core.Simulation;

namespace Outbound.Core.Tests.Simulation;

/// <summary>The answer rate the simulated dialer measures and hands to the strategy.</summary>
public sealed class MeasuredRatesTests
{
    /// <summary>Dials a burst of lines in its first decision, then none; remembers every rate it is shown.</summary>
    private sealed class BurstThenWatch(int burst) : IPacingStrategy
    {
        public List<(double Seconds, double HumanRate)> Seen { get; } = [];
        public string Name => "burst";
        public PacingState InitialState => PacingState.Start(1);

        public (PacingDecision Decision, PacingState State) Decide(PacingSnapshot snapshot, PacingState state)
        {
            var first = state.LastAdjustedAt is null;
            Seen.Add(((snapshot.Now - (state.LastAdjustedAt ?? snapshot.Now)).TotalSeconds, snapshot.Statistics.HumanAnswerRate));
            var next = first ? state with { LastAdjustedAt = snapshot.Now } : state;
            return (first ? new PacingDecision(burst, 1, PacingReason.DialLevel) : PacingDecision.None(1, PacingReason.EnoughInFlight), next);
        }
    }

    [Fact]
    public void A_burst_of_dials_is_not_read_as_fewer_answers_because_busies_resolve_first_and_no_answers_last()
    {
        var scenario = Scenarios.Shipped().Single(s => s.Name == "a100-ar15") with { Hours = 0.05 };
        var spy = new BurstThenWatch(600);

        PacingSimulator.Run(scenario, spy);

        // The estimate starts at the campaign's prior (the live dialer's, not the scenario's true 0.15) and moves
        // towards what the burst held, but does not collapse while busies come back and the no-answers ring out;
        // once every dial has resolved (the ring timeout) it reads the true human share.
        var prior = CallStatistics.Prior(TimeSpan.FromSeconds(scenario.WrapSeconds), TimeSpan.FromSeconds(scenario.NoAnswerSeconds)).HumanAnswerRate;
        var duringAndAfter = spy.Seen.Where(s => s.Seconds is > 0 and <= 120).ToList();
        Assert.NotEmpty(duringAndAfter);
        Assert.All(duringAndAfter, s => Assert.InRange(s.HumanRate, 0.11, prior));
        var resolved = duringAndAfter.Where(s => s.Seconds > scenario.NoAnswerSeconds).ToList();
        Assert.NotEmpty(resolved);
        Assert.All(resolved, s => Assert.InRange(s.HumanRate, 0.11, 0.19));
    }
}
