namespace Outbound.Core.WorkOrders;

/// <summary>What someone does to a work order.</summary>
public abstract record WorkOrderAction
{
    /// <summary>Give the order to a person of its department (or of the department overseeing it).</summary>
    public sealed record Assign(Guid Assignee) : WorkOrderAction;
    /// <summary>Take it in hand (an unassigned order is taken by whoever starts it).</summary>
    public sealed record Start : WorkOrderAction;
    public sealed record WaitForCustomer : WorkOrderAction;
    /// <summary>The customer answered: work goes on.</summary>
    public sealed record Resume : WorkOrderAction;
    /// <summary>The answer for the customer; <paramref name="Fully"/> says whether the matter was settled in full (圆满解决).</summary>
    public sealed record Resolve(string Answer, bool Fully) : WorkOrderAction;
    public sealed record Close : WorkOrderAction;
    public sealed record Reopen(string Reason) : WorkOrderAction;
    /// <summary>Send to another department; the order waits there unassigned.</summary>
    public sealed record Transfer(Guid Department) : WorkOrderAction;
    public sealed record Note(string Text) : WorkOrderAction;
    /// <summary>A duplicate: closed, pointing at the order it duplicates.</summary>
    public sealed record MergeInto(long Target) : WorkOrderAction;
}

/// <summary>How an action moves the SLA clock (see <see cref="SlaClock"/>).</summary>
public enum ClockEffect { None, Update, Pause, Resume, Stop, Reopen }

/// <summary>Why an action is refused; the web words the codes.</summary>
public enum WorkflowRefusal
{
    NotInThisStatus,
    AnswerRequired,
    ReasonRequired,
    NoteRequired,
    AlreadyInDepartment,
    MergeIntoItself,
    MergedOrderIsFinal,
    TextTooLong,
}

/// <summary>The outcome of an action: the order's next status and what the SLA clock does, or why not.</summary>
public sealed record WorkflowDecision(WorkOrderStatus Status, ClockEffect Clock, WorkflowRefusal? Refusal = null)
{
    public bool Refused => Refusal is not null;

    public static WorkflowDecision Refuse(WorkOrderStatus status, WorkflowRefusal refusal) => new(status, ClockEffect.None, refusal);
}

/// <summary>
/// The work-order workflow, one decision per action: new → assigned → in progress ⇄ waiting for customer → resolved
/// → closed, reopen back to work; assign, transfer, note and merge at the statuses where they make sense. Who may act
/// is decided by the caller (tenant, department, campaign); this says what the action does.
/// </summary>
public static class WorkOrderWorkflow
{
    public const int MaxTextLength = 4000;

    /// <param name="assigned">The order has an assignee (a reopened order goes back to them, else it waits unassigned).</param>
    /// <param name="merged">The order was closed as a duplicate: nothing more happens to it.</param>
    public static WorkflowDecision Decide(WorkOrderStatus status, bool assigned, bool merged, long orderId, WorkOrderAction action)
    {
        if (merged) return WorkflowDecision.Refuse(status, WorkflowRefusal.MergedOrderIsFinal);
        var open = status.IsOpen();
        return action switch
        {
            WorkOrderAction.Assign when status == WorkOrderStatus.WaitingForCustomer => new(status, ClockEffect.None),
            WorkOrderAction.Assign when open => new(WorkOrderStatus.Assigned, ClockEffect.None),
            WorkOrderAction.Start when status is WorkOrderStatus.New or WorkOrderStatus.Assigned => new(WorkOrderStatus.InProgress, ClockEffect.Update),
            WorkOrderAction.WaitForCustomer when status == WorkOrderStatus.InProgress => new(WorkOrderStatus.WaitingForCustomer, ClockEffect.Pause),
            WorkOrderAction.Resume when status == WorkOrderStatus.WaitingForCustomer => new(WorkOrderStatus.InProgress, ClockEffect.Resume),
            WorkOrderAction.Resolve r when open => Text(r.Answer, WorkflowRefusal.AnswerRequired, status) ?? new(WorkOrderStatus.Resolved, ClockEffect.Stop),
            WorkOrderAction.Close when status == WorkOrderStatus.Resolved => new(WorkOrderStatus.Closed, ClockEffect.None),
            WorkOrderAction.Reopen r when !open => Text(r.Reason, WorkflowRefusal.ReasonRequired, status) ?? new(assigned ? WorkOrderStatus.Assigned : WorkOrderStatus.New, ClockEffect.Reopen),
            WorkOrderAction.Transfer when open => new(WorkOrderStatus.New, status == WorkOrderStatus.WaitingForCustomer ? ClockEffect.Resume : ClockEffect.None),
            WorkOrderAction.Note n => Text(n.Text, WorkflowRefusal.NoteRequired, status) ?? new(status, open ? ClockEffect.Update : ClockEffect.None),
            WorkOrderAction.MergeInto m when m.Target == orderId => WorkflowDecision.Refuse(status, WorkflowRefusal.MergeIntoItself),
            WorkOrderAction.MergeInto when open => new(WorkOrderStatus.Closed, ClockEffect.Stop),
            _ => WorkflowDecision.Refuse(status, WorkflowRefusal.NotInThisStatus),
        };
    }

    private static WorkflowDecision? Text(string? text, WorkflowRefusal missing, WorkOrderStatus status) =>
        string.IsNullOrWhiteSpace(text) ? WorkflowDecision.Refuse(status, missing)
        : text.Length > MaxTextLength ? WorkflowDecision.Refuse(status, WorkflowRefusal.TextTooLong)
        : null;
}
