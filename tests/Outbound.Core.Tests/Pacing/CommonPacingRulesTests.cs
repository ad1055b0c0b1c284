using Outbound.Core.Pacing;
using static Outbound.Core.Tests.Pacing.Snapshots;

namespace Outbound.Core.Tests.Pacing;

/// <summary>Rules every strategy keeps, whatever its arithmetic.</summary>
public sealed class CommonPacingRulesTests
{
    public static TheoryData<string> Strategies => new(PacingStrategies.Names);

    [Theory]
    [MemberData(nameof(Strategies))]
    public void Stops_at_once_when_no_eligible_agent_remains(string strategy)
    {
        var decision = Decide(strategy, Make(ready: 0, busy: [], ringingSeconds: [1, 2]));

        Assert.Equal(0, decision.Lines);
        Assert.Equal(PacingReason.NoEligibleAgent, decision.Reason);
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public void Dials_nothing_when_the_list_has_run_dry(string strategy)
    {
        var decision = Decide(strategy, Make(ready: 10, leads: 0));

        Assert.Equal(0, decision.Lines);
        Assert.Equal(PacingReason.NoLeads, decision.Reason);
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public void Never_asks_for_more_lines_than_leads_left(string strategy)
    {
        var decision = Decide(strategy, Make(ready: 10, leads: 3));

        Assert.Equal(3, decision.Lines);
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public void Dials_for_idle_agents_with_nothing_in_flight(string strategy)
    {
        var decision = Decide(strategy, Make(ready: 4, busy: Talking(6, 30)));

        Assert.True(decision.Lines >= 4, $"{strategy} dialled {decision.Lines} lines for 4 idle agents");
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public void Same_snapshot_and_state_give_the_same_decision(string strategy)
    {
        var s = PacingStrategies.Create(strategy);
        var snapshot = Make(ready: 2, busy: Wrapping(5, 15).Concat(Talking(8, 100)), ringingSeconds: [1, 4, 9], connected: 300, abandoned: 5);

        Assert.Equal(s.Decide(snapshot, s.InitialState), s.Decide(snapshot, s.InitialState));
    }

    [Fact]
    public void Factory_knows_the_four_strategies_by_name()
    {
        Assert.Equal(["progressive", "ratio", "adaptive", "predictive"], PacingStrategies.Names);
        foreach (var name in PacingStrategies.Names) Assert.Equal(name, PacingStrategies.Create(name).Name);
        Assert.Equal("predictive", PacingStrategies.Create(" Predictive ").Name);
    }

    [Fact]
    public void Factory_rejects_an_unknown_strategy_with_the_known_names()
    {
        var error = Assert.Throws<ArgumentException>(() => PacingStrategies.Create("turbo"));
        Assert.Contains("progressive", error.Message);
    }
}
