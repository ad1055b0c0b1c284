using Outbound.Core.Acd;

namespace Outbound.Core.Tests.Acd;

public sealed class AgentSelectorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private static readonly AcdCaller Caller = new("c1", Now);

    private static AcdAgent Agent(string id, int order, int idleSecondsAgo = 0, int talkMinutes = 0, int calls = 0,
        bool ready = true, DateTimeOffset? blockedUntil = null, Dictionary<string, int>? skills = null) =>
        new(id, order, ready, Now.AddSeconds(-idleSecondsAgo), blockedUntil, TimeSpan.FromMinutes(talkMinutes), calls, skills ?? []);

    private static AgentSelection Pick(RoutingStrategy strategy, IReadOnlyList<AcdAgent> agents, SelectionState? state = null, AcdCaller? caller = null, int seed = 1) =>
        AgentSelector.Select(new QueuePolicy { Strategy = strategy }, caller ?? Caller, agents, Now, state ?? SelectionState.Initial, new Random(seed));

    [Fact]
    public void Longest_idle_picks_the_agent_ready_the_longest()
    {
        var agents = new[] { Agent("a", 1, idleSecondsAgo: 10), Agent("b", 2, idleSecondsAgo: 300), Agent("c", 3, idleSecondsAgo: 60) };
        Assert.Equal(["b"], Pick(RoutingStrategy.LongestIdle, agents).Offer);
    }

    [Fact]
    public void Top_down_always_picks_the_first_free_agent_in_order()
    {
        var agents = new[] { Agent("a", 1, ready: false), Agent("b", 2, idleSecondsAgo: 1), Agent("c", 3, idleSecondsAgo: 900) };
        Assert.Equal(["b"], Pick(RoutingStrategy.TopDown, agents).Offer);
        Assert.Equal(["b"], Pick(RoutingStrategy.TopDown, agents, new SelectionState(2)).Offer);
    }

    [Fact]
    public void Round_robin_walks_the_agents_in_order_and_wraps_round()
    {
        var agents = new[] { Agent("a", 1), Agent("b", 2), Agent("c", 3) };
        var state = SelectionState.Initial;
        var picks = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var s = Pick(RoutingStrategy.RoundRobin, agents, state);
            picks.Add(s.Offer.Single());
            state = s.State;
        }
        Assert.Equal(["a", "b", "c", "a"], picks);
    }

    [Fact]
    public void Round_robin_skips_a_busy_agent_and_continues_after_the_last_pick()
    {
        var agents = new[] { Agent("a", 1), Agent("b", 2, ready: false), Agent("c", 3) };
        Assert.Equal(["c"], Pick(RoutingStrategy.RoundRobin, agents, new SelectionState(1)).Offer);
    }

    [Fact]
    public void Least_talk_time_picks_the_agent_who_talked_least()
    {
        var agents = new[] { Agent("a", 1, talkMinutes: 50), Agent("b", 2, talkMinutes: 12), Agent("c", 3, talkMinutes: 30) };
        Assert.Equal(["b"], Pick(RoutingStrategy.LeastTalkTime, agents).Offer);
    }

    [Fact]
    public void Fewest_calls_picks_the_agent_with_fewest_calls_and_breaks_ties_by_idle_time()
    {
        var agents = new[] { Agent("a", 1, calls: 9), Agent("b", 2, calls: 4, idleSecondsAgo: 5), Agent("c", 3, calls: 4, idleSecondsAgo: 50) };
        Assert.Equal(["c"], Pick(RoutingStrategy.FewestCalls, agents).Offer);
    }

    [Fact]
    public void Ring_all_offers_every_free_agent_of_the_best_tier()
    {
        var agents = new[] { Agent("a", 1), Agent("b", 2, ready: false), Agent("c", 3), Agent("d", 4) };
        Assert.Equal(["a", "c", "d"], Pick(RoutingStrategy.RingAll, agents).Offer);
    }

    [Fact]
    public void Random_is_repeatable_with_a_seed_and_reaches_every_agent()
    {
        var agents = new[] { Agent("a", 1), Agent("b", 2), Agent("c", 3) };
        var first = Enumerable.Range(0, 30).Select(i => Pick(RoutingStrategy.Random, agents, seed: i).Offer.Single()).ToList();
        var again = Enumerable.Range(0, 30).Select(i => Pick(RoutingStrategy.Random, agents, seed: i).Offer.Single()).ToList();
        Assert.Equal(first, again);
        Assert.Equal(["a", "b", "c"], first.Distinct().Order());
    }

    [Theory]
    [InlineData(RoutingStrategy.LongestIdle)]
    [InlineData(RoutingStrategy.RoundRobin)]
    [InlineData(RoutingStrategy.TopDown)]
    [InlineData(RoutingStrategy.LeastTalkTime)]
    [InlineData(RoutingStrategy.FewestCalls)]
    [InlineData(RoutingStrategy.RingAll)]
    [InlineData(RoutingStrategy.Random)]
    public void No_strategy_offers_an_agent_who_is_not_ready_or_still_blocked(RoutingStrategy strategy)
    {
        var agents = new[] { Agent("busy", 1, ready: false), Agent("wrapping", 2, blockedUntil: Now.AddSeconds(5)) };
        Assert.False(Pick(strategy, agents).Found);
        var unblocked = new[] { Agent("busy", 1, ready: false), Agent("wrapping", 2, blockedUntil: Now) };
        Assert.Equal(["wrapping"], Pick(strategy, unblocked).Offer);
    }

    [Fact]
    public void An_agent_without_the_callers_skill_is_never_offered()
    {
        var agents = new[] { Agent("en", 1, idleSecondsAgo: 999, skills: new() { ["english"] = 1 }), Agent("zh", 2, skills: new() { ["mandarin"] = 1 }) };
        var caller = new AcdCaller("c", Now, Skill: "mandarin");
        Assert.Equal(["zh"], Pick(RoutingStrategy.LongestIdle, agents, caller: caller).Offer);
    }
}
