using Outbound.Core.Assessment;
using Outbound.Core.Workforce;

namespace Outbound.Core.Tests.Assessment;

public sealed class DeductionWorkflowTests
{
    private static readonly AgentId AgentA = AgentId.New();
    private static readonly AssessmentActor Hr = new(AgentId.New(), AssessmentRole.Hr);
    private static readonly AssessmentActor Agent = new(AgentA, AssessmentRole.Agent);
    private static readonly AssessmentActor OtherAgent = new(AgentId.New(), AssessmentRole.Agent);
    private static readonly AssessmentActor Supervisor = new(AgentId.New(), AssessmentRole.Supervisor);

    [Fact]
    public void Hr_confirms_the_agent_appeals_and_hr_upholds()
    {
        var confirm = DeductionWorkflow.Decide(DeductionState.Draft, DeductionAction.Confirm, Hr, AgentA, null);
        Assert.Equal(DeductionState.Confirmed, confirm.Transition!.To);
        var appeal = DeductionWorkflow.Decide(DeductionState.Confirmed, DeductionAction.Appeal, Agent, AgentA, "系统故障无法登录");
        Assert.Equal(DeductionState.Appealed, appeal.Transition!.To);
        var uphold = DeductionWorkflow.Decide(DeductionState.Appealed, DeductionAction.Uphold, Hr, AgentA, "考勤机正常");
        Assert.Equal(DeductionState.Upheld, uphold.Transition!.To);
    }

    [Fact]
    public void Only_hr_confirms()
    {
        Assert.False(DeductionWorkflow.Decide(DeductionState.Draft, DeductionAction.Confirm, Supervisor, AgentA, null).Allowed);
        Assert.False(DeductionWorkflow.Decide(DeductionState.Draft, DeductionAction.Confirm, Agent, AgentA, null).Allowed);
    }

    [Fact]
    public void Only_the_deducted_agent_may_appeal_and_only_with_a_reason()
    {
        Assert.False(DeductionWorkflow.Decide(DeductionState.Confirmed, DeductionAction.Appeal, OtherAgent, AgentA, "x").Allowed);
        Assert.False(DeductionWorkflow.Decide(DeductionState.Confirmed, DeductionAction.Appeal, Agent, AgentA, "  ").Allowed);
        Assert.False(DeductionWorkflow.Decide(DeductionState.Draft, DeductionAction.Appeal, Agent, AgentA, "x").Allowed);
    }

    [Fact]
    public void Hr_may_not_decide_on_their_own_deduction()
    {
        Assert.False(DeductionWorkflow.Decide(DeductionState.Draft, DeductionAction.Confirm, Hr, Hr.Id, null).Allowed);
    }

    [Theory]
    [InlineData(DeductionState.Upheld, DeductionAction.Void)]
    [InlineData(DeductionState.Voided, DeductionAction.Confirm)]
    [InlineData(DeductionState.Confirmed, DeductionAction.Confirm)]
    [InlineData(DeductionState.Confirmed, DeductionAction.Void)]
    [InlineData(DeductionState.Draft, DeductionAction.Uphold)]
    public void Final_and_out_of_order_moves_are_refused(DeductionState from, DeductionAction action)
    {
        var decision = DeductionWorkflow.Decide(from, action, Hr, AgentA, "reason");
        Assert.False(decision.Allowed);
        Assert.NotNull(decision.Refusal);
    }

    [Fact]
    public void Only_confirmed_appealed_and_upheld_deductions_are_charged()
    {
        Assert.False(DeductionState.Draft.Counts());
        Assert.True(DeductionState.Confirmed.Counts());
        Assert.True(DeductionState.Appealed.Counts());
        Assert.True(DeductionState.Upheld.Counts());
        Assert.False(DeductionState.Voided.Counts());
    }
}

public sealed class AssessmentAccessTests
{
    private static readonly AgentId Alice = AgentId.New(), Bob = AgentId.New(), Lead = AgentId.New();

    [Fact]
    public void An_agent_sees_only_their_own_deductions()
    {
        var alice = new AssessmentActor(Alice, AssessmentRole.Agent);
        Assert.True(AssessmentAccess.MayView(alice, Alice, new HashSet<AgentId>()));
        Assert.False(AssessmentAccess.MayView(alice, Bob, new HashSet<AgentId> { Bob }));
    }

    [Fact]
    public void A_supervisor_sees_their_team_and_hr_sees_everyone()
    {
        var lead = new AssessmentActor(Lead, AssessmentRole.Supervisor);
        Assert.True(AssessmentAccess.MayView(lead, Alice, new HashSet<AgentId> { Alice }));
        Assert.False(AssessmentAccess.MayView(lead, Bob, new HashSet<AgentId> { Alice }));
        Assert.True(AssessmentAccess.MayView(new AssessmentActor(AgentId.New(), AssessmentRole.Hr), Bob, new HashSet<AgentId>()));
    }
}
