using Outbound.Core.Pacing;
using Outbound.Core.Simulation;

namespace Outbound.Core.Tests.Simulation;

/// <summary>
/// Safety properties of the shipped benchmark scenarios (behaviour, not timing): predictive keeps
/// every scenario under the abandon cap, in every window, without a single violation.
/// </summary>
public sealed class ShippedScenarioTests
{
    /// <summary>
    /// Every shipped scenario but two of the three 100-agent teams, which take a minute of CPU each: a100-ar50 stands for
    /// that team size here, and <c>bench pacing</c> checks all of them with the same figures.
    /// </summary>
    public static TheoryData<string> ScenarioNames =>
        new(Scenarios.Shipped().Select(s => s.Name).Where(n => n is not ("a100-ar15" or "a100-ar30")));

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public void Predictive_stays_under_the_abandon_cap_with_zero_violations(string name)
    {
        var scenario = Scenarios.Shipped().Single(s => s.Name == name);

        var row = PacingSimulator.Run(scenario, PacingStrategies.Create("predictive")).Row;

        Assert.True(row.AbandonRate <= scenario.AbandonCap, $"abandon rate {row.AbandonRate}");
        Assert.True(row.MaxWindowAbandonRate <= scenario.AbandonCap, $"worst window {row.MaxWindowAbandonRate}");
        Assert.Equal(0, row.Violations);
        Assert.True(row.Connects > 0);
    }

    [Fact]
    public void Shipped_file_covers_team_sizes_answer_rates_a_jump_and_a_list_that_runs_dry()
    {
        var scenarios = Scenarios.Shipped();

        Assert.True(scenarios.Count >= 8);
        Assert.Superset(new HashSet<int> { 5, 20, 100 }, scenarios.Select(s => s.Agents).ToHashSet());
        Assert.Superset(new HashSet<double> { 0.15, 0.3, 0.5 }, scenarios.Select(s => s.AnswerRate).ToHashSet());
        Assert.Contains(scenarios, s => s.AnswerRateByHour is { Count: > 1 } byHour && byHour[^1] > byHour[0]);
        Assert.Contains(scenarios, s => s.Leads is not null);
        Assert.All(scenarios, s => Assert.Equal(8, s.Hours));
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public void Every_strategy_stops_when_the_list_runs_dry(string strategy)
    {
        var scenario = Scenarios.Shipped().Single(s => s.Leads is not null) with { Agents = 10, Hours = 4, Leads = 1000 };

        var run = PacingSimulator.Run(scenario, PacingStrategies.Create(strategy));

        // Every 250th number of the simulated list is on the do-not-call list: skipped, never dialled.
        Assert.Equal(1000 - 1000 / ScenarioDraws.DncEvery, run.Row.Calls);
        Assert.Equal(0, run.LeadsLeft);
        Assert.Equal(0, run.Row.Violations);
    }

    public static TheoryData<string> Strategies => new(PacingStrategies.Names);
}
