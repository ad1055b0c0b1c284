using Outbound.Core.Pacing;
using Outbound.Core.Simulation;

namespace Outbound.Core.Tests.Simulation;

public sealed class SimulatorDeterminismTests
{
    private static PacingScenario TwoHoursOfTenAgents(int seed) =>
        Scenarios.Shipped().Single(s => s.Name == "a20-ar30") with { Name = "det", Seed = seed, Agents = 10, Hours = 2 };

    [Theory]
    [InlineData("progressive")]
    [InlineData("adaptive")]
    [InlineData("predictive")]
    public void Same_seed_gives_the_same_run(string strategy)
    {
        var first = PacingSimulator.Run(TwoHoursOfTenAgents(7), PacingStrategies.Create(strategy));
        var second = PacingSimulator.Run(TwoHoursOfTenAgents(7), PacingStrategies.Create(strategy));

        Assert.Equal(first, second);
        Assert.True(first.Row.Calls > 100);
    }

    [Fact]
    public void Another_seed_gives_another_run()
    {
        var first = PacingSimulator.Run(TwoHoursOfTenAgents(7), PacingStrategies.Create("predictive"));
        var other = PacingSimulator.Run(TwoHoursOfTenAgents(8), PacingStrategies.Create("predictive"));

        Assert.NotEqual(first.Row, other.Row);
    }
}
