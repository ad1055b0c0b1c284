namespace Outbound.Core.WorkOrders;

/// <summary>
/// Where a work order (工单) stands: new → assigned → in progress ⇄ waiting for the customer → resolved → closed;
/// a resolved or closed order can be reopened. Stored by name.
/// </summary>
public enum WorkOrderStatus { New, Assigned, InProgress, WaitingForCustomer, Resolved, Closed }

/// <summary>Priorities in rising order; an escalation raises an order one step, up to <see cref="Urgent"/>.</summary>
public enum WorkOrderPriority { Low, Normal, High, Urgent }

public static class WorkOrderStatuses
{
    /// <summary>Someone still has to act: not resolved and not closed.</summary>
    public static bool IsOpen(this WorkOrderStatus status) => status is not (WorkOrderStatus.Resolved or WorkOrderStatus.Closed);

    public static WorkOrderPriority Raised(this WorkOrderPriority priority) =>
        priority == WorkOrderPriority.Urgent ? priority : priority + 1;

    /// <summary>The stored names, for SQL filters on open orders.</summary>
    public static IReadOnlyList<string> OpenNames { get; } =
        Enum.GetValues<WorkOrderStatus>().Where(s => s.IsOpen()).Select(s => s.ToString()).ToList();
}
