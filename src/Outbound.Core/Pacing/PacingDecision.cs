namespace Outbound.Core.Pacing;

/// <summary>How many new lines to dial now, the dial level behind it, and why.</summary>
/// <param name="Lines">New calls to originate now (0 or more); lines already in flight are not repeated.</param>
/// <param name="Reserve">
/// Each new line holds one ready agent from the dial until its outcome (progressive): a human who answers is connected at
/// once, and the agent cannot leave meanwhile, so such a line can never be abandoned for want of an agent.
/// </param>
/// <param name="DialLevel">
/// The strategy's dial level, for wallboards and logs: the configured or adaptive lines per agent
/// (1 = progressive); for predictive, the lines in flight after this decision per eligible agent.
/// </param>
public sealed record PacingDecision(int Lines, double DialLevel, PacingReason Reason, bool Reserve = false)
{
    public static PacingDecision None(double dialLevel, PacingReason reason) => new(0, dialLevel, reason);
}

public enum PacingReason
{
    /// <summary>No agent is ready or about to be: dialing stops at once.</summary>
    NoEligibleAgent,
    /// <summary>The list has run dry.</summary>
    NoLeads,
    /// <summary>Enough lines are already in flight (or callers waiting) for the agents expected.</summary>
    EnoughInFlight,
    /// <summary>One line per ready agent.</summary>
    ReadyAgents,
    /// <summary>Lines from the (fixed or adaptive) dial level.</summary>
    DialLevel,
    /// <summary>As many lines as keep the expected abandons inside the remaining budget.</summary>
    AbandonBudget,
    /// <summary>The rolling abandon rate is at or near the cap: only lines an agent is sure to take.</summary>
    NearCap,
    /// <summary>The team is below the size predictive pacing needs: one line per ready agent, held for it.</summary>
    SmallTeam,
    /// <summary>The abandon window has (almost) no room left: progressive with held agents until it has again.</summary>
    CapFallback,
}
