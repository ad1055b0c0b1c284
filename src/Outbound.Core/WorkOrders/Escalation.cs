namespace Outbound.Core.WorkOrders;

/// <summary>One level of an order type's escalation chain (督办): the department that oversees the order from this level, and the business time it has before the next level.</summary>
public sealed record EscalationStep(Guid DepartmentId, TimeSpan Within);

/// <summary>What one escalation does to an order.</summary>
/// <param name="DepartmentId">The chain's department at the new level (its leads are told and may act on the order); null past the chain's end.</param>
/// <param name="NextWithin">Business time until the next level if the order is still unresolved; null at the chain's end.</param>
public sealed record EscalationDecision(int Level, WorkOrderPriority Priority, Guid? DepartmentId, TimeSpan? NextWithin);

/// <summary>
/// 督办: every breached SLA target moves an order one level up its type's chain and raises its priority one step.
/// The handling department and assignee keep the order; the chain's department oversees it. Past the chain's end
/// the order stays at the top level, its priority still rising to urgent.
/// </summary>
public static class Escalation
{
    /// <param name="level">The order's level so far: 0 before any escalation, at most the chain's length.</param>
    public static EscalationDecision Decide(int level, WorkOrderPriority priority, IReadOnlyList<EscalationStep> chain)
    {
        if (level >= chain.Count) return new EscalationDecision(level, priority.Raised(), null, null);
        var step = chain[level];
        return new EscalationDecision(level + 1, priority.Raised(), step.DepartmentId, step.Within);
    }
}
