namespace Outbound.Core.Acd;

/// <summary>How a queue picks among the agents who may take a waiting caller.</summary>
public enum RoutingStrategy
{
    /// <summary>The agent idle (ready) the longest: the fairest and the default.</summary>
    LongestIdle,
    /// <summary>The next agent after the one picked last, in the queue's agent order, wrapping round.</summary>
    RoundRobin,
    /// <summary>Always the first free agent in the queue's agent order.</summary>
    TopDown,
    /// <summary>The agent with the least talk time today.</summary>
    LeastTalkTime,
    /// <summary>The agent who took the fewest calls today.</summary>
    FewestCalls,
    /// <summary>Offer to every eligible agent at once; the first to take it wins.</summary>
    RingAll,
    /// <summary>Any eligible agent, drawn from a seeded generator.</summary>
    Random,
}

public static class RoutingStrategyCodes
{
    public static string Code(this RoutingStrategy strategy) => strategy switch
    {
        RoutingStrategy.LongestIdle => "longest-idle-agent",
        RoutingStrategy.RoundRobin => "round-robin",
        RoutingStrategy.TopDown => "top-down",
        RoutingStrategy.LeastTalkTime => "agent-with-least-talk-time",
        RoutingStrategy.FewestCalls => "agent-with-fewest-calls",
        RoutingStrategy.RingAll => "ring-all",
        RoutingStrategy.Random => "random",
        _ => throw new ArgumentOutOfRangeException(nameof(strategy)),
    };

    public static RoutingStrategy? Parse(string code) =>
        Enum.GetValues<RoutingStrategy>().Cast<RoutingStrategy?>().FirstOrDefault(s => s!.Value.Code() == code);
}
