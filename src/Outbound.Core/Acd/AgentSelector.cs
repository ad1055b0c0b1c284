namespace Outbound.Core.Acd;

/// <summary>Round-robin's memory between decisions: the agent order picked last.</summary>
public sealed record SelectionState(int? LastOrder)
{
    public static SelectionState Initial { get; } = new((int?)null);
}

/// <summary>The agents to offer the caller to (one, or several for ring-all; none when no one may take it now).</summary>
public sealed record AgentSelection(IReadOnlyList<string> Offer, SelectionState State, int? Tier)
{
    public bool Found => Offer.Count > 0;
}

/// <summary>
/// ACD agent selection, a pure function: which agents may take a caller (available, with the skill,
/// in a tier the caller's wait admits), then which of them the strategy picks. Lower tiers are tried
/// first: a second-tier agent is offered the caller only when no first-tier agent is free.
/// </summary>
public static class AgentSelector
{
    /// <summary>The highest tier level admitted for a caller who has waited <paramref name="waited"/>.</summary>
    public static int AdmittedTier(TimeSpan waited, TimeSpan escalationStep) =>
        escalationStep <= TimeSpan.Zero ? int.MaxValue : 1 + (int)Math.Floor(waited / escalationStep);

    /// <param name="random">Used only by <see cref="RoutingStrategy.Random"/>; seed it for repeatable choices.</param>
    public static AgentSelection Select(QueuePolicy policy, AcdCaller caller, IReadOnlyList<AcdAgent> agents, DateTimeOffset now,
        SelectionState state, Random random)
    {
        var admitted = AdmittedTier(caller.Waited(now), policy.TierEscalationStep);
        var candidates = new List<(AcdAgent Agent, int Tier)>();
        foreach (var agent in agents)
        {
            if (!agent.AvailableAt(now) || agent.TierFor(caller.Skill) is not { } tier || tier > admitted) continue;
            candidates.Add((agent, tier));
        }
        if (candidates.Count == 0) return new AgentSelection([], state, null);

        var best = candidates.Min(c => c.Tier);
        var pool = candidates.Where(c => c.Tier == best).Select(c => c.Agent).ToList();
        var picked = policy.Strategy switch
        {
            RoutingStrategy.RingAll => pool.OrderBy(a => a.Order).ToList(),
            RoutingStrategy.LongestIdle => [First(pool.OrderBy(a => a.IdleSince))],
            RoutingStrategy.TopDown => [First(pool.OrderBy(a => a.Order))],
            RoutingStrategy.RoundRobin => [NextAfter(pool, state.LastOrder)],
            RoutingStrategy.LeastTalkTime => [First(pool.OrderBy(a => a.TalkTime).ThenBy(a => a.IdleSince))],
            RoutingStrategy.FewestCalls => [First(pool.OrderBy(a => a.CallsTaken).ThenBy(a => a.IdleSince))],
            RoutingStrategy.Random => [pool.OrderBy(a => a.Order).ElementAt(random.Next(pool.Count))],
            _ => throw new ArgumentOutOfRangeException(nameof(policy), policy.Strategy, "unknown strategy"),
        };
        var next = policy.Strategy == RoutingStrategy.RoundRobin ? new SelectionState(picked[0].Order) : state;
        return new AgentSelection(picked.Select(a => a.AgentId).ToList(), next, best);
    }

    // Ties (same idle time, same figures) fall to the queue's agent order, so the choice is repeatable.
    private static AcdAgent First(IOrderedEnumerable<AcdAgent> ordered) => ordered.ThenBy(a => a.Order).First();

    private static AcdAgent NextAfter(List<AcdAgent> pool, int? lastOrder)
    {
        var ordered = pool.OrderBy(a => a.Order).ToList();
        return lastOrder is { } last ? ordered.FirstOrDefault(a => a.Order > last) ?? ordered[0] : ordered[0];
    }
}
