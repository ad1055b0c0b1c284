using Npgsql;
using Outbound.Core.Assessment;
using Outbound.Core.Workforce;
using Outbound.Data.Assessment;
using Outbound.Data.Workforce;

namespace Outbound.Reports.Assessment;

/// <summary>
/// Gathers one agent's statement: the locked payroll line when the month is settled, otherwise a
/// provisional figure from the deductions counted so far and the adjustments earlier months carry in. Access follows the deduction rules
/// (an agent gets only their own statement).
/// </summary>
public sealed class AssessmentStatementDataSource(NpgsqlDataSource dataSource, TimeProvider clock)
{
    public async Task<AssessmentStatementModel> LoadAsync(AgentId agent, CalendarMonth month, AssessmentActor viewer, CancellationToken ct = default)
    {
        var deductions = await new Deductions(dataSource).ForAgentAsync(agent, viewer, month, ct);
        var staff = (await new Staff(dataSource).ListAsync(ct)).FirstOrDefault(s => s.Agent == agent)
            ?? throw new AssessmentRefusedException("该坐席没有员工档案。", "This agent has no staff record.");
        var rules = (await new AssessmentRules(dataSource).ListAsync(ct)).ToDictionary(r => r.Number);

        var settlements = new Settlements(dataSource);
        var settledRow = (await settlements.FindAsync(month, ct))?.Rows.FirstOrDefault(r => r.Line.Agent == agent);
        var adjustments = await settlements.AdjustmentsAsync(agent, month, ct);
        var line = settledRow?.Line ?? MonthlySettlement.SettleAgent(agent, month, staff.BaseSalary,
            deductions.Where(d => d.State.Counts()).Select(d => d.Charge).ToList(), adjustments.Sum(a => a.Amount));

        var items = deductions
            .Where(d => d.State != DeductionState.Draft)
            .Select(d => new AssessmentStatementModel.Item(d.OccurredOn, d.Rule, rules.TryGetValue(d.Rule, out var r) ? r.Text.Zh : "",
                d.Category, d.Points, d.Fine, d.State, d.Evidence))
            .ToList();
        return new AssessmentStatementModel(staff.EmployeeNo, staff.Name, line, settledRow is not null, items, adjustments, clock.GetUtcNow());
    }
}
