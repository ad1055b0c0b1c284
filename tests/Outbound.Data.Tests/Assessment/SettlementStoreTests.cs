using Npgsql;
using Outbound.Core.Assessment;
using Outbound.Core.Workforce;
using Outbound.Data.Assessment;

namespace Outbound.Data.Tests.Assessment;

public sealed class SettlementStoreTests : AssessmentDatabaseTest
{
    private static readonly CalendarMonth March = new(2026, 3);
    private static readonly DateTimeOffset April2 = new(2026, 4, 2, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset May2 = new(2026, 5, 2, 9, 0, 0, TimeSpan.FromHours(8));

    private async Task<DeductionId> Confirmed(AgentId agent, int rule, DateOnly on, decimal? fine = null)
    {
        var deductions = new Deductions(Db.DataSource);
        var id = await deductions.RecordAsync(new NewDeduction(agent, new RuleNumber(rule), on, fine, Evidence.Written("记录")), Hr);
        await deductions.ApplyAsync(id, DeductionAction.Confirm, Hr, null);
        return id;
    }

    [Fact]
    public async Task Settling_march_pays_the_worked_example_and_locks_the_month()
    {
        for (var day = 2; day <= 4; day++) await Confirmed(Alice, 2, new DateOnly(2026, 3, day));
        await Confirmed(Alice, 9, new DateOnly(2026, 3, 10));
        await Confirmed(Alice, 15, new DateOnly(2026, 3, 31));
        // A draft (e.g. an unconfirmed detection) is never charged.
        await new Deductions(Db.DataSource).RecordAsync(new NewDeduction(Bob, new RuleNumber(16), new DateOnly(2026, 3, 5), null, Evidence.Written("未确认")), Hr);

        var settlement = await new Settlements(Db.DataSource).SettleAsync(March, Hr, April2);

        var alice = settlement.Rows.Single(r => r.Line.Agent == Alice).Line;
        Assert.Equal(89, alice.Points);
        Assert.Equal(150m, alice.Fines);
        Assert.Equal(295m, alice.NetPerformancePay);
        Assert.Equal(100, settlement.Rows.Single(r => r.Line.Agent == Bob).Line.Points);
        Assert.Equal(4, settlement.Summary.Agents);
        Assert.Equal(89 + 300, settlement.Summary.TotalPoints);
        Assert.Equal(295m + 1500m, settlement.Summary.TotalNetPay);

        var stored = await new Settlements(Db.DataSource).FindAsync(March);
        Assert.Equal(settlement.Rows.Select(r => r.Line), stored!.Rows.Select(r => r.Line));
    }

    [Fact]
    public async Task A_settled_month_cannot_be_settled_again_nor_receive_new_deductions_nor_be_edited()
    {
        var settlements = new Settlements(Db.DataSource);
        await settlements.SettleAsync(March, Hr, April2);

        await Assert.ThrowsAsync<AssessmentRefusedException>(() => settlements.SettleAsync(March, Hr, April2));
        await Assert.ThrowsAsync<AssessmentRefusedException>(() => Confirmed(Alice, 3, new DateOnly(2026, 3, 15)));
        await using var edit = Db.DataSource.CreateCommand("UPDATE assessment_payroll_lines SET fines = 0");
        await Assert.ThrowsAsync<PostgresException>(() => edit.ExecuteNonQueryAsync());
        await using var sneak = Db.DataSource.CreateCommand($"""
            INSERT INTO assessment_deductions (id, agent_id, rule_number, category, points, occurred_on, state, evidence_kind, note, source)
            VALUES ('{Guid.NewGuid()}', '{Alice.Value}', 3, 'office', 2, '2026-03-20', 'confirmed', 'manual', 'x', 'manual')
            """);
        await Assert.ThrowsAsync<PostgresException>(() => sneak.ExecuteNonQueryAsync());
    }

    [Fact]
    public async Task A_month_that_has_not_ended_is_not_settled_and_only_hr_settles()
    {
        var settlements = new Settlements(Db.DataSource);
        await Assert.ThrowsAsync<AssessmentRefusedException>(() => settlements.SettleAsync(March, Hr, new DateTimeOffset(2026, 3, 31, 20, 0, 0, TimeSpan.FromHours(8))));
        await Assert.ThrowsAsync<AssessmentRefusedException>(() => settlements.SettleAsync(March, AsSupervisor(Leader), April2));
        Assert.Empty(await settlements.SettledMonthsAsync());
    }

    [Fact]
    public async Task A_month_with_an_open_appeal_is_settled_only_once_hr_has_decided_it()
    {
        var deductions = new Deductions(Db.DataSource);
        var id = await Confirmed(Alice, 9, new DateOnly(2026, 3, 10));
        await deductions.ApplyAsync(id, DeductionAction.Appeal, AsAgent(Alice), "录音证明是客户先辱骂");
        var settlements = new Settlements(Db.DataSource);

        var refused = await Assert.ThrowsAsync<AssessmentRefusedException>(() => settlements.SettleAsync(March, Hr, April2));
        Assert.Contains("1 条申诉未处理", refused.Text.Zh);
        Assert.Equal(1, await settlements.OpenAppealsAsync(March));
        Assert.Empty(await settlements.SettledMonthsAsync());

        await deductions.ApplyAsync(id, DeductionAction.Void, Hr, "申诉成立");
        var settled = await settlements.SettleAsync(March, Hr, April2);
        Assert.Equal(500m, settled.Rows.Single(r => r.Line.Agent == Alice).Line.NetPerformancePay);
        Assert.Equal(0, await settlements.OpenAppealsAsync(March));
    }

    [Fact]
    public async Task A_refused_fine_is_explained_in_both_languages()
    {
        var refused = await Assert.ThrowsAsync<AssessmentRefusedException>(() => Confirmed(Alice, 9, new DateOnly(2026, 3, 10), 30m));
        Assert.Equal("条款 9 的罚款固定为 ¥100，不能是 ¥30。", refused.Text.Zh);
        Assert.Equal("Rule 9 fines ¥100, not ¥30.", refused.Text.En);
        var early = await Assert.ThrowsAsync<AssessmentRefusedException>(() =>
            new Settlements(Db.DataSource).SettleAsync(March, Hr, new DateTimeOffset(2026, 3, 31, 20, 0, 0, TimeSpan.FromHours(8))));
        Assert.Equal("2026-03 尚未结束，2026-04-01 起可以结算。", early.Text.Zh);
    }

    [Fact]
    public async Task An_appeal_voided_after_settlement_is_refunded_in_the_next_month()
    {
        var deductions = new Deductions(Db.DataSource);
        var id = await Confirmed(Alice, 9, new DateOnly(2026, 3, 10));
        var settlements = new Settlements(Db.DataSource);
        await settlements.SettleAsync(March, Hr, April2); // March: 99 × 5 − 100 = 395

        await deductions.ApplyAsync(id, DeductionAction.Appeal, AsAgent(Alice), "录音证明是客户挂断");
        await deductions.ApplyAsync(id, DeductionAction.Void, Hr, "申诉成立");

        var april = await settlements.SettleAsync(March.Next, Hr, May2);
        var line = april.Rows.Single(r => r.Line.Agent == Alice).Line;
        // March now computes to 500: the 105 difference is paid in April on top of a clean 500.
        Assert.Equal(105m, line.Adjustment);
        Assert.Equal(605m, line.NetPerformancePay);
        Assert.Equal(395m, (await settlements.FindAsync(March))!.Rows.Single(r => r.Line.Agent == Alice).Line.NetPerformancePay);
        Assert.Equal([new PayrollAdjustment(Alice, March, PayrollAdjustment.Correction, 105m)], await settlements.AdjustmentsAsync(Alice, March.Next));
    }

    [Fact]
    public async Task A_shortfall_beyond_base_salary_is_carried_into_the_next_month()
    {
        await Confirmed(Bob, 7, new DateOnly(2026, 3, 12), 10000m); // 95 × 5 − 10000 = −9525; base 3000 → carry 6525
        var settlements = new Settlements(Db.DataSource);
        var march = await settlements.SettleAsync(March, Hr, April2);
        Assert.Equal(6525m, march.Rows.Single(r => r.Line.Agent == Bob).Line.CarriedForward);

        var april = await settlements.SettleAsync(March.Next, Hr, May2);
        var bob = april.Rows.Single(r => r.Line.Agent == Bob).Line;
        Assert.Equal(-6525m, bob.Adjustment);              // 500 − 6525 = −6025
        Assert.Equal(3000m, bob.BaseSalaryOffset);
        Assert.Equal(3025m, bob.CarriedForward);
    }
}
