using Outbound.Core.WorkOrders;

namespace Outbound.Core.Tests.WorkOrders;

public sealed class EscalationTests
{
    private static readonly Guid SecondLine = Guid.NewGuid(), Supervisors = Guid.NewGuid();
    private static readonly EscalationStep[] Chain = [new(SecondLine, TimeSpan.FromHours(4)), new(Supervisors, TimeSpan.FromHours(2))];

    [Fact]
    public void Each_escalation_moves_one_level_up_the_chain_and_raises_the_priority()
    {
        var first = Escalation.Decide(0, WorkOrderPriority.Normal, Chain);
        Assert.Equal(new EscalationDecision(1, WorkOrderPriority.High, SecondLine, TimeSpan.FromHours(4)), first);
        var second = Escalation.Decide(first.Level, first.Priority, Chain);
        Assert.Equal(new EscalationDecision(2, WorkOrderPriority.Urgent, Supervisors, TimeSpan.FromHours(2)), second);
    }

    [Fact]
    public void Past_the_top_of_the_chain_the_order_stays_there_and_urgent()
    {
        Assert.Equal(new EscalationDecision(2, WorkOrderPriority.Urgent, null, null), Escalation.Decide(2, WorkOrderPriority.Urgent, Chain));
        Assert.Equal(new EscalationDecision(0, WorkOrderPriority.Normal, null, null), Escalation.Decide(0, WorkOrderPriority.Low, []));
    }
}
