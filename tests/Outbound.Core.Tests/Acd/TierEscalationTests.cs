using Outbound.Core.Acd;

namespace Outbound.Core.Tests.Acd;

public sealed class TierEscalationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private static readonly QueuePolicy Policy = new() { Strategy = RoutingStrategy.LongestIdle, TierEscalationStep = TimeSpan.FromSeconds(30) };

    private static AcdAgent Agent(string id, int level, int idleSecondsAgo = 0, bool ready = true) =>
        new(id, level, ready, Now.AddSeconds(-idleSecondsAgo), null, TimeSpan.Zero, 0, new Dictionary<string, int> { ["billing"] = level });

    private static AgentSelection Pick(int waitedSeconds, params AcdAgent[] agents) =>
        AgentSelector.Select(Policy, new AcdCaller("c", Now.AddSeconds(-waitedSeconds), Skill: "billing"), agents, Now, SelectionState.Initial, new Random(1));

    [Theory]
    [InlineData(0, 1)]
    [InlineData(29, 1)]
    [InlineData(30, 2)]
    [InlineData(65, 3)]
    public void Each_step_of_waiting_admits_one_more_tier(int waitedSeconds, int tier) =>
        Assert.Equal(tier, AgentSelector.AdmittedTier(TimeSpan.FromSeconds(waitedSeconds), Policy.TierEscalationStep));

    [Fact]
    public void A_fresh_caller_waits_for_a_first_tier_agent_rather_than_go_to_the_second_tier()
    {
        var selection = Pick(10, Agent("expert", 1, ready: false), Agent("backup", 2, idleSecondsAgo: 600));
        Assert.False(selection.Found);
    }

    [Fact]
    public void After_the_escalation_step_the_second_tier_takes_the_caller()
    {
        var selection = Pick(31, Agent("expert", 1, ready: false), Agent("backup", 2, idleSecondsAgo: 600));
        Assert.Equal(["backup"], selection.Offer);
        Assert.Equal(2, selection.Tier);
    }

    [Fact]
    public void A_free_first_tier_agent_goes_before_a_longer_idle_second_tier_agent_even_after_escalation()
    {
        var selection = Pick(120, Agent("expert", 1, idleSecondsAgo: 1), Agent("backup", 2, idleSecondsAgo: 600));
        Assert.Equal(["expert"], selection.Offer);
    }

    [Fact]
    public void A_zero_step_admits_every_tier_at_once()
    {
        var policy = Policy with { TierEscalationStep = TimeSpan.Zero };
        var agents = new[] { Agent("expert", 1, ready: false), Agent("third", 3) };
        var selection = AgentSelector.Select(policy, new AcdCaller("c", Now, Skill: "billing"), agents, Now, SelectionState.Initial, new Random(1));
        Assert.Equal(["third"], selection.Offer);
    }
}
