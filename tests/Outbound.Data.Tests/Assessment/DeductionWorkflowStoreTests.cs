using Npgsql;
using Outbound.Core.Assessment;
using Outbound.Core.Workforce;
using Outbound.Data.Assessment;

namespace Outbound.Data.Tests.Assessment;

public sealed class DeductionWorkflowStoreTests : AssessmentDatabaseTest
{
    private static readonly DateOnly March9 = new(2026, 3, 9);

    private Task<DeductionId> Record(AgentId agent, int rule, decimal? fine = null, DateOnly? on = null) =>
        new Deductions(Db.DataSource).RecordAsync(
            new NewDeduction(agent, new RuleNumber(rule), on ?? March9, fine, Evidence.Written("当场发现")), Hr);

    [Fact]
    public async Task Draft_confirmed_appealed_upheld_leaves_a_complete_audit_trail()
    {
        var deductions = new Deductions(Db.DataSource);
        var id = await Record(Alice, 9);
        await deductions.ApplyAsync(id, DeductionAction.Confirm, Hr, null);
        await deductions.ApplyAsync(id, DeductionAction.Appeal, AsAgent(Alice), "客户先辱骂,录音可证");
        await deductions.ApplyAsync(id, DeductionAction.Uphold, Hr, "录音显示坐席提高音量回应");

        var audit = await deductions.AuditAsync(id, Hr);
        Assert.Equal(["record", "confirm", "appeal", "uphold"], audit.Select(a => a.Action));
        Assert.Equal([null, DeductionState.Draft, DeductionState.Confirmed, DeductionState.Appealed], audit.Select(a => a.From));
        Assert.Equal([DeductionState.Draft, DeductionState.Confirmed, DeductionState.Appealed, DeductionState.Upheld], audit.Select(a => a.To));
        Assert.Equal([Hr.Id, Hr.Id, Alice, Hr.Id], audit.Select(a => a.Actor));
        Assert.Equal("客户先辱骂,录音可证", audit[2].Reason);
        var stored = Assert.Single(await deductions.ForAgentAsync(Alice, AsAgent(Alice)));
        Assert.Equal(DeductionState.Upheld, stored.State);
        Assert.Equal(100m, stored.Fine);
    }

    [Fact]
    public async Task Only_hr_confirms_and_a_refused_step_changes_nothing()
    {
        var deductions = new Deductions(Db.DataSource);
        var id = await Record(Alice, 3);
        await Assert.ThrowsAsync<AssessmentRefusedException>(() => deductions.ApplyAsync(id, DeductionAction.Confirm, AsSupervisor(Leader), null));
        await Assert.ThrowsAsync<AssessmentRefusedException>(() => deductions.ApplyAsync(id, DeductionAction.Confirm, AsAgent(Alice), null));
        Assert.Equal(DeductionState.Draft, (await deductions.ForAgentAsync(Alice, Hr)).Single().State);
        Assert.Single(await deductions.AuditAsync(id, Hr));
    }

    [Fact]
    public async Task An_agent_cannot_appeal_someone_elses_deduction()
    {
        var deductions = new Deductions(Db.DataSource);
        var id = await Record(Alice, 3);
        await deductions.ApplyAsync(id, DeductionAction.Confirm, Hr, null);
        await Assert.ThrowsAsync<AssessmentRefusedException>(() => deductions.ApplyAsync(id, DeductionAction.Appeal, AsAgent(Bob), "不公平"));
    }

    [Fact]
    public async Task An_agent_sees_only_their_own_deductions_and_a_supervisor_only_their_team()
    {
        var deductions = new Deductions(Db.DataSource);
        var id = await Record(Alice, 3);
        await Record(Outsider, 8);

        Assert.Single(await deductions.ForAgentAsync(Alice, AsAgent(Alice)));
        await Assert.ThrowsAsync<AssessmentRefusedException>(() => deductions.ForAgentAsync(Alice, AsAgent(Bob)));
        await Assert.ThrowsAsync<AssessmentRefusedException>(() => deductions.AuditAsync(id, AsAgent(Bob)));
        Assert.Single(await deductions.ForAgentAsync(Alice, AsSupervisor(Leader)));
        await Assert.ThrowsAsync<AssessmentRefusedException>(() => deductions.ForAgentAsync(Outsider, AsSupervisor(Leader)));
        await Assert.ThrowsAsync<AssessmentRefusedException>(() => deductions.InStateAsync(DeductionState.Draft, AsSupervisor(Leader)));
    }

    [Fact]
    public async Task A_fine_outside_the_rule_range_is_refused_and_nothing_is_stored()
    {
        var e = await Assert.ThrowsAsync<AssessmentRefusedException>(() => Record(Alice, 5, 50m));
        Assert.Contains("1000", e.Message);
        Assert.Empty(await new Deductions(Db.DataSource).ForAgentAsync(Alice, Hr));
    }

    [Fact]
    public async Task Only_hr_records_deductions()
    {
        var deductions = new Deductions(Db.DataSource);
        await Assert.ThrowsAsync<AssessmentRefusedException>(() => deductions.RecordAsync(
            new NewDeduction(Bob, new RuleNumber(3), March9, null, Evidence.Written("x")), AsSupervisor(Leader)));
    }

    [Fact]
    public async Task The_audit_trail_is_append_only_in_the_database()
    {
        var id = await Record(Alice, 3);
        await using var update = Db.DataSource.CreateCommand("UPDATE assessment_deduction_audit SET reason = 'edited'");
        await Assert.ThrowsAsync<PostgresException>(() => update.ExecuteNonQueryAsync());
        await using var delete = Db.DataSource.CreateCommand($"DELETE FROM assessment_deductions WHERE id = '{id.Value}'");
        await Assert.ThrowsAsync<PostgresException>(() => delete.ExecuteNonQueryAsync());
    }
}
