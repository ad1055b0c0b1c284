using Npgsql;
using Outbound.Core.Assessment;
using Outbound.Core.Workforce;
using Outbound.Data.Assessment;
using Outbound.Data.Workforce;

namespace Outbound.Reports.Assessment;

/// <summary>
/// Gathers one agent's statement: the locked payroll line when the month is settled, otherwise a
/// provisional figure from the deductions counted so far. Access follows the deduction rules
/// (an agent gets only their own statement).
/// </summary>
public sealed class AssessmentStatementDataSource(NpgsqlDataSource dataSource, TimeProvider clock)
{
    public async Task<AssessmentStatementModel> LoadAsync(AgentId agent, CalendarMonth month, AssessmentActor viewer, CancellationToken ct = default)
    {
        var deductions = await new Deductions(dataSource).ForAgentAsync(agent, viewer, month, ct);
        var staff = (await new Staff(dataSource).ListAsync(ct)).FirstOrDefault(s => s.Agent == agent)
            ?? throw new AssessmentRefusedException("this agent has no staff record");
        var rules = (await new AssessmentRules(dataSource).ListAsync(ct)).ToDictionary(r => r.Number);

        var settledRow = (await new Settlements(dataSource).FindAsync(month, ct))?.Rows.FirstOrDefault(r => r.Line.Agent == agent);
        var line = settledRow?.Line ?? MonthlySettlement.SettleAgent(agent, month, staff.BaseSalary,
            deductions.Where(d => d.State.Counts()).Select(d => d.Charge).ToList());

        var items = deductions
            .Where(d => d.State != DeductionState.Draft)
            .Select(d => new AssessmentStatementModel.Item(d.OccurredOn, d.Rule, rules.TryGetValue(d.Rule, out var r) ? r.Text.Zh : "",
                d.Category, d.Points, d.Fine, d.State))
            .ToList();
        return new AssessmentStatementModel(staff.EmployeeNo, staff.Name, line, settledRow is not null, items, clock.GetUtcNow());
    }
}
