using Npgsql;
using Outbound.Core.Assessment;
using Outbound.Core.Workforce;

namespace Outbound.Data.Assessment;

public sealed record SettlementSummary(CalendarMonth Month, int Agents, int TotalPoints, decimal TotalFines, decimal TotalNetPay,
    DateTimeOffset SettledAt)
{
    /// <summary>A stored settlement is always locked; the flag is part of the CLI contract.</summary>
    public bool Locked => true;
}

/// <summary>
/// Money an earlier locked month still owes, carried into a later month's line: a <c>correction</c> (its deductions changed after it
/// was settled, e.g. an appeal voided) or a <c>carry</c> (a shortfall even the base salary could not cover).
/// </summary>
public sealed record PayrollAdjustment(AgentId Agent, CalendarMonth Source, string Kind, decimal Amount)
{
    public const string Correction = "correction";
    public const string Carry = "carry";
}

/// <summary>A settled line with the names payroll needs.</summary>
public sealed record PayrollRow(string EmployeeNo, string Name, PayrollLine Line);

public sealed record Settlement(SettlementSummary Summary, IReadOnlyList<PayrollRow> Rows);

/// <summary>
/// Settles a month once and locks it, and only once every appeal of the month is decided (the payroll it writes is what is paid,
/// so it must not rest on deductions still in dispute): one payroll line per active agent, with corrections of earlier
/// locked months (whose deductions changed after they were settled) and shortfalls carried forward
/// applied as adjustments. The database refuses any later change to what is written here.
/// </summary>
public sealed class Settlements(NpgsqlDataSource dataSource)
{
    public async Task<Settlement> SettleAsync(CalendarMonth month, AssessmentActor actor, DateTimeOffset now, CancellationToken ct = default)
    {
        if (actor.Role != AssessmentRole.Hr) throw new AssessmentRefusedException("只有人事可以结算月份。", "Only Hr may settle a month.");
        if (DateOnly.FromDateTime(now.DateTime) <= month.LastDay)
            throw new AssessmentRefusedException($"{month} 尚未结束，{month.Next.FirstDay:yyyy-MM-dd} 起可以结算。", $"{month} has not ended yet; it can be settled from {month.Next.FirstDay:yyyy-MM-dd}.");

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using (var lockCmd = connection.Command("LOCK TABLE assessment_settlements IN EXCLUSIVE MODE", tx))
            await lockCmd.ExecuteNonQueryAsync(ct);
        var settled = await Deductions.SettledMonthsAsync(connection, ct, tx);
        var openAppeals = await LockCountedDeductionsAsync(connection, tx, month, ct);
        if (SettlementLock.RefuseSettlement(month, settled, openAppeals) is { } why) throw new AssessmentRefusedException(why);

        var (summary, rows, adjustments) = await ComputeAsync(connection, tx, month, settled, now, ct);

        await using (var cmd = connection.Command("""
            INSERT INTO assessment_settlements (month, settled_at, settled_by, agents, total_points, total_fines, total_net_pay)
            VALUES (@m, @at, @by, @n, @pts, @fines, @net)
            """, tx, ("m", month.FirstDay), ("at", now.ToUniversalTime()), ("by", actor.Id.Value), ("n", summary.Agents),
            ("pts", summary.TotalPoints), ("fines", summary.TotalFines), ("net", summary.TotalNetPay)))
            await cmd.ExecuteNonQueryAsync(ct);
        foreach (var row in rows) await InsertLine(connection, tx, row, ct);
        foreach (var a in adjustments.SelectMany(g => g))
        {
            await using var cmd = connection.Command("""
                INSERT INTO assessment_adjustments (agent_id, source_month, applied_month, kind, amount) VALUES (@a, @src, @m, @k, @amt)
                """, tx, ("a", a.Agent.Value), ("src", a.Source.FirstDay), ("m", month.FirstDay), ("k", a.Kind), ("amt", a.Amount));
            await cmd.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        return new Settlement(summary, rows);
    }

    /// <summary>The month's appeals still waiting for Hr's decision.</summary>
    public async Task<int> OpenAppealsAsync(CalendarMonth month, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand(
            "SELECT count(*)::int FROM assessment_deductions WHERE occurred_on BETWEEN @from AND @to AND state = 'appealed'");
        cmd.Parameters.AddWithValue("from", month.FirstDay);
        cmd.Parameters.AddWithValue("to", month.LastDay);
        return (int)(await cmd.ExecuteScalarAsync(ct))!;
    }

    /// <summary>
    /// Locks the month's counted deductions until the settlement commits (an appeal or decision made meanwhile waits for it)
    /// and returns how many of them are under appeal.
    /// </summary>
    private static async Task<int> LockCountedDeductionsAsync(NpgsqlConnection connection, NpgsqlTransaction tx, CalendarMonth month,
        CancellationToken ct)
    {
        await using var cmd = connection.Command("""
            SELECT state FROM assessment_deductions
             WHERE occurred_on BETWEEN @from AND @to AND state IN ('confirmed', 'appealed', 'upheld')
               FOR SHARE
            """, tx, ("from", month.FirstDay), ("to", month.LastDay));
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var appealed = 0;
        while (await r.ReadAsync(ct))
            if (r.GetString(0) == DeductionState.Appealed.Code()) appealed++;
        return appealed;
    }

    /// <summary>What settling the month now would give, without writing or locking anything (Hr's overview of an open month).</summary>
    public async Task<Settlement> PreviewAsync(CalendarMonth month, DateTimeOffset now, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var settled = await Deductions.SettledMonthsAsync(connection, ct, tx);
        var (summary, rows, _) = await ComputeAsync(connection, tx, month, settled, now, ct);
        return new Settlement(summary, rows);
    }

    private static async Task<(SettlementSummary, List<PayrollRow>, ILookup<AgentId, PayrollAdjustment>)> ComputeAsync(
        NpgsqlConnection connection, NpgsqlTransaction tx, CalendarMonth month, IReadOnlySet<CalendarMonth> settled, DateTimeOffset now,
        CancellationToken ct)
    {
        var staff = await StaffAsync(connection, tx, ct);
        var charged = await Deductions.ChargedInMonthAsync(connection, tx, month, ct);
        var unknown = charged.Select(g => g.Key).Where(a => !staff.ContainsKey(a)).ToList();
        if (unknown.Count > 0)
            throw new AssessmentRefusedException($"{month} 的扣分涉及没有在职员工档案的人员：{string.Join("，", unknown)}。", $"Deductions of {month} name agents without an active staff record: {string.Join(", ", unknown)}.");

        var adjustments = await AdjustmentsDueAsync(connection, tx, month, settled, ct);
        var rows = staff.Values.OrderBy(s => s.EmployeeNo, StringComparer.Ordinal).Select(s =>
        {
            var due = adjustments[s.Agent].Sum(a => a.Amount);
            var line = MonthlySettlement.SettleAgent(s.Agent, month, s.BaseSalary, charged[s.Agent].Select(d => d.Charge).ToList(), due);
            return new PayrollRow(s.EmployeeNo, s.Name, line);
        }).ToList();
        var summary = new SettlementSummary(month, rows.Count, rows.Sum(r => r.Line.Points), rows.Sum(r => r.Line.Fines),
            rows.Sum(r => r.Line.NetPerformancePay), now);

        return (summary, rows, adjustments);
    }

    /// <summary>
    /// The adjustments in an agent's line of the month: those written when it was settled, or those that settling it now would
    /// carry in (so a provisional statement shows the refund of an appeal voided after its month was locked).
    /// </summary>
    public async Task<IReadOnlyList<PayrollAdjustment>> AdjustmentsAsync(AgentId agent, CalendarMonth month, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var settled = await Deductions.SettledMonthsAsync(connection, ct, tx);
        if (!settled.Contains(month)) return (await AdjustmentsDueAsync(connection, tx, month, settled, ct))[agent].ToList();
        await using var cmd = connection.Command("""
            SELECT source_month, kind, amount FROM assessment_adjustments WHERE agent_id = @a AND applied_month = @m ORDER BY source_month, id
            """, tx, ("a", agent.Value), ("m", month.FirstDay));
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<PayrollAdjustment>();
        while (await r.ReadAsync(ct))
            list.Add(new PayrollAdjustment(agent, CalendarMonth.Of(r.GetFieldValue<DateOnly>(0)), r.GetString(1), r.GetDecimal(2)));
        return list;
    }

    public async Task<IReadOnlySet<CalendarMonth>> SettledMonthsAsync(CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await Deductions.SettledMonthsAsync(connection, ct);
    }

    /// <summary>A stored settlement, or null when the month is not settled.</summary>
    public async Task<Settlement?> FindAsync(CalendarMonth month, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        SettlementSummary summary;
        await using (var cmd = connection.Command(
                         "SELECT agents, total_points, total_fines, total_net_pay, settled_at FROM assessment_settlements WHERE month = @m",
                         null, ("m", month.FirstDay)))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            if (!await r.ReadAsync(ct)) return null;
            summary = new SettlementSummary(month, r.GetInt32(0), r.GetInt32(1), r.GetDecimal(2), r.GetDecimal(3), r.GetFieldValue<DateTimeOffset>(4));
        }
        var rows = new List<PayrollRow>();
        await using (var cmd = connection.Command("""
            SELECT agent_id, employee_no, agent_name, office_points, department_points, fines, adjustment, base_salary, occurrences
              FROM assessment_payroll_lines WHERE month = @m ORDER BY employee_no
            """, null, ("m", month.FirstDay)))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
                rows.Add(new PayrollRow(r.GetString(1), r.GetString(2), new PayrollLine(new AgentId(r.GetGuid(0)), month,
                    r.GetInt32(3), r.GetInt32(4), r.GetDecimal(5), r.GetDecimal(6), r.GetDecimal(7), r.GetInt32(8))));
        return new Settlement(summary, rows);
    }

    private sealed record StaffMember(AgentId Agent, string EmployeeNo, string Name, decimal BaseSalary);


    private static async Task<Dictionary<AgentId, StaffMember>> StaffAsync(NpgsqlConnection connection, NpgsqlTransaction tx, CancellationToken ct)
    {
        await using var cmd = connection.Command("SELECT id, employee_no, name, base_salary FROM workforce_agents WHERE active", tx);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var staff = new Dictionary<AgentId, StaffMember>();
        while (await r.ReadAsync(ct))
        {
            var agent = new AgentId(r.GetGuid(0));
            staff[agent] = new StaffMember(agent, r.GetString(1), r.GetString(2), r.GetDecimal(3));
        }
        return staff;
    }

    /// <summary>
    /// What earlier locked months still owe: the shortfall the previous month carried forward, and for each
    /// settled month the difference between what it paid and what its deductions compute to now.
    /// </summary>
    private static async Task<ILookup<AgentId, PayrollAdjustment>> AdjustmentsDueAsync(NpgsqlConnection connection, NpgsqlTransaction tx,
        CalendarMonth month, IReadOnlySet<CalendarMonth> settled, CancellationToken ct)
    {
        var due = new List<PayrollAdjustment>();
        var lines = new List<(AgentId Agent, CalendarMonth Month, decimal MonthAmount, decimal Carried)>();
        await using (var cmd = connection.Command(
                         "SELECT agent_id, month, month_amount, carried_forward FROM assessment_payroll_lines WHERE month < @m", tx,
                         ("m", month.FirstDay)))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
                lines.Add((new AgentId(r.GetGuid(0)), CalendarMonth.Of(r.GetFieldValue<DateOnly>(1)), r.GetDecimal(2), r.GetDecimal(3)));

        var corrected = new Dictionary<(AgentId, CalendarMonth), decimal>();
        await using (var cmd = connection.Command(
                         "SELECT agent_id, source_month, sum(amount) FROM assessment_adjustments WHERE kind = 'correction' GROUP BY 1, 2", tx))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
                corrected[(new AgentId(r.GetGuid(0)), CalendarMonth.Of(r.GetFieldValue<DateOnly>(1)))] = r.GetDecimal(2);

        foreach (var earlier in settled.Where(m => m < month))
        {
            var chargedThen = await Deductions.ChargedInMonthAsync(connection, tx, earlier, ct);
            foreach (var line in lines.Where(l => l.Month == earlier))
            {
                var correction = MonthlySettlement.Correction(line.MonthAmount, chargedThen[line.Agent].Select(d => d.Charge).ToList(),
                    corrected.GetValueOrDefault((line.Agent, earlier)));
                if (correction != 0) due.Add(new PayrollAdjustment(line.Agent, earlier, PayrollAdjustment.Correction, correction));
                if (earlier == month.Previous && line.Carried > 0) due.Add(new PayrollAdjustment(line.Agent, earlier, PayrollAdjustment.Carry, -line.Carried));
            }
        }
        return due.ToLookup(d => d.Agent);
    }

    private static async Task InsertLine(NpgsqlConnection connection, NpgsqlTransaction tx, PayrollRow row, CancellationToken ct)
    {
        var l = row.Line;
        await using var cmd = connection.Command("""
            INSERT INTO assessment_payroll_lines (month, agent_id, employee_no, agent_name, office_points, department_points, points,
                points_pay, fines, month_amount, adjustment, net_performance_pay, base_salary, base_salary_offset, carried_forward,
                total_payable, occurrences)
            VALUES (@m, @a, @no, @name, @op, @dp, @p, @pp, @f, @ma, @adj, @net, @base, @off, @carry, @total, @occ)
            """, tx,
            ("m", l.Month.FirstDay), ("a", l.Agent.Value), ("no", row.EmployeeNo), ("name", row.Name), ("op", l.OfficePoints),
            ("dp", l.DepartmentPoints), ("p", l.Points), ("pp", l.PointsPay), ("f", l.Fines), ("ma", l.MonthAmount), ("adj", l.Adjustment),
            ("net", l.NetPerformancePay), ("base", l.BaseSalary), ("off", l.BaseSalaryOffset), ("carry", l.CarriedForward),
            ("total", l.TotalPayable), ("occ", l.Occurrences));
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
