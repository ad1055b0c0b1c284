using Outbound.Core.WorkOrders;

namespace Outbound.Core.Tests.WorkOrders;

public sealed class WorkOrderWorkflowTests
{
    private static WorkflowDecision Decide(WorkOrderStatus status, WorkOrderAction action, bool assigned = true, bool merged = false) =>
        WorkOrderWorkflow.Decide(status, assigned, merged, 7, action);

    [Fact]
    public void An_order_goes_from_new_to_closed_along_the_workflow_moving_the_sla_clock()
    {
        var steps = new (WorkOrderStatus From, WorkOrderAction Action, WorkOrderStatus To, ClockEffect Clock)[]
        {
            (WorkOrderStatus.New, new WorkOrderAction.Assign(Guid.NewGuid()), WorkOrderStatus.Assigned, ClockEffect.None),
            (WorkOrderStatus.Assigned, new WorkOrderAction.Start(), WorkOrderStatus.InProgress, ClockEffect.Update),
            (WorkOrderStatus.InProgress, new WorkOrderAction.WaitForCustomer(), WorkOrderStatus.WaitingForCustomer, ClockEffect.Pause),
            (WorkOrderStatus.WaitingForCustomer, new WorkOrderAction.Resume(), WorkOrderStatus.InProgress, ClockEffect.Resume),
            (WorkOrderStatus.InProgress, new WorkOrderAction.Resolve("已为客户调整账单", true), WorkOrderStatus.Resolved, ClockEffect.Stop),
            (WorkOrderStatus.Resolved, new WorkOrderAction.Close(), WorkOrderStatus.Closed, ClockEffect.None),
            (WorkOrderStatus.Closed, new WorkOrderAction.Reopen("客户再次来电"), WorkOrderStatus.Assigned, ClockEffect.Reopen),
        };
        foreach (var (from, action, to, clock) in steps)
            Assert.Equal(new WorkflowDecision(to, clock), Decide(from, action));
    }

    [Fact]
    public void A_reopened_order_without_an_assignee_waits_as_new()
    {
        Assert.Equal(WorkOrderStatus.New, Decide(WorkOrderStatus.Resolved, new WorkOrderAction.Reopen("未解决"), assigned: false).Status);
    }

    [Fact]
    public void A_transfer_sends_the_order_unassigned_to_the_other_department_and_a_waiting_order_runs_its_clock_again()
    {
        Assert.Equal(new WorkflowDecision(WorkOrderStatus.New, ClockEffect.None), Decide(WorkOrderStatus.InProgress, new WorkOrderAction.Transfer(Guid.NewGuid())));
        Assert.Equal(new WorkflowDecision(WorkOrderStatus.New, ClockEffect.Resume),
            Decide(WorkOrderStatus.WaitingForCustomer, new WorkOrderAction.Transfer(Guid.NewGuid())));
        Assert.Equal(WorkflowRefusal.NotInThisStatus, Decide(WorkOrderStatus.Closed, new WorkOrderAction.Transfer(Guid.NewGuid())).Refusal);
    }

    [Theory]
    [InlineData(WorkOrderStatus.New, typeof(WorkOrderAction.WaitForCustomer))]
    [InlineData(WorkOrderStatus.Assigned, typeof(WorkOrderAction.Resume))]
    [InlineData(WorkOrderStatus.InProgress, typeof(WorkOrderAction.Close))]
    [InlineData(WorkOrderStatus.InProgress, typeof(WorkOrderAction.Start))]
    [InlineData(WorkOrderStatus.Resolved, typeof(WorkOrderAction.Start))]
    [InlineData(WorkOrderStatus.Closed, typeof(WorkOrderAction.Close))]
    public void Actions_out_of_order_are_refused_and_change_nothing(WorkOrderStatus status, Type action)
    {
        var decision = Decide(status, (WorkOrderAction)Activator.CreateInstance(action)!);
        Assert.Equal(WorkflowDecision.Refuse(status, WorkflowRefusal.NotInThisStatus), decision);
    }

    [Fact]
    public void Resolving_needs_an_answer_reopening_a_reason_and_a_note_some_text()
    {
        Assert.Equal(WorkflowRefusal.AnswerRequired, Decide(WorkOrderStatus.InProgress, new WorkOrderAction.Resolve("  ", true)).Refusal);
        Assert.Equal(WorkflowRefusal.ReasonRequired, Decide(WorkOrderStatus.Closed, new WorkOrderAction.Reopen("")).Refusal);
        Assert.Equal(WorkflowRefusal.NoteRequired, Decide(WorkOrderStatus.New, new WorkOrderAction.Note("\n")).Refusal);
        Assert.Equal(WorkflowRefusal.TextTooLong, Decide(WorkOrderStatus.New, new WorkOrderAction.Note(new string('字', 4001))).Refusal);
    }

    [Fact]
    public void Notes_update_an_open_order_and_are_kept_on_a_closed_one_without_touching_the_clock()
    {
        Assert.Equal(new WorkflowDecision(WorkOrderStatus.InProgress, ClockEffect.Update), Decide(WorkOrderStatus.InProgress, new WorkOrderAction.Note("已联系卡部")));
        Assert.Equal(new WorkflowDecision(WorkOrderStatus.Closed, ClockEffect.None), Decide(WorkOrderStatus.Closed, new WorkOrderAction.Note("回访满意")));
    }

    [Fact]
    public void A_duplicate_is_closed_into_another_order_and_is_final_from_then_on()
    {
        Assert.Equal(new WorkflowDecision(WorkOrderStatus.Closed, ClockEffect.Stop), Decide(WorkOrderStatus.Assigned, new WorkOrderAction.MergeInto(9)));
        Assert.Equal(WorkflowRefusal.MergeIntoItself, Decide(WorkOrderStatus.Assigned, new WorkOrderAction.MergeInto(7)).Refusal);
        Assert.Equal(WorkflowRefusal.MergedOrderIsFinal, Decide(WorkOrderStatus.Closed, new WorkOrderAction.Reopen("x"), merged: true).Refusal);
        Assert.Equal(WorkflowRefusal.NotInThisStatus, Decide(WorkOrderStatus.Resolved, new WorkOrderAction.MergeInto(9)).Refusal);
    }

    [Fact]
    public void Reassigning_a_waiting_order_keeps_it_waiting()
    {
        Assert.Equal(new WorkflowDecision(WorkOrderStatus.WaitingForCustomer, ClockEffect.None),
            Decide(WorkOrderStatus.WaitingForCustomer, new WorkOrderAction.Assign(Guid.NewGuid())));
    }
}
