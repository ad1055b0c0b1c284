using Npgsql;
using Outbound.Core.Workforce;
using Outbound.Data.Assessment;

namespace Outbound.Data.Workforce;

/// <summary>Shift templates, the floor's rotation and the generated monthly roster.</summary>
public sealed class Rosters(NpgsqlDataSource dataSource, CenterTime time)
{
    public async Task SaveTemplateAsync(ShiftTemplate template, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var cmd = connection.Command("""
            INSERT INTO workforce_shift_templates (code, name, start_time, length_minutes) VALUES (@c, @n, @s, @l)
            ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, start_time = EXCLUDED.start_time, length_minutes = EXCLUDED.length_minutes
            """, null, ("c", template.Code.Value), ("n", template.Name), ("s", template.Start), ("l", (int)template.Length.TotalMinutes));
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public async Task SaveRotationAsync(Rotation rotation, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var cmd = connection.Command("""
            INSERT INTO workforce_rotation (id, cycle, anchor) VALUES (1, @c, @a)
            ON CONFLICT (id) DO UPDATE SET cycle = EXCLUDED.cycle, anchor = EXCLUDED.anchor
            """, null, ("c", rotation.Cycle.Select(c => c?.Value ?? "").ToArray()), ("a", rotation.Anchor));
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public async Task<IReadOnlyList<ShiftTemplate>> TemplatesAsync(CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await TemplatesAsync(connection, ct);
    }

    /// <summary>The floor's rotation, or null before Hr has set one up.</summary>
    public async Task<Rotation?> RotationAsync(CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await RotationAsync(connection, ct);
    }

    /// <summary>Removes a shift template that no roster, handover log or rotation uses any more.</summary>
    public async Task DeleteTemplateAsync(ShiftCode code, CancellationToken ct = default)
    {
        if ((await RotationAsync(ct))?.Cycle.Contains(code) == true)
            throw new AssessmentRefusedException($"轮班表仍在使用班次 {code}。", $"The rotation still uses shift {code}.");
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var cmd = connection.Command("DELETE FROM workforce_shift_templates WHERE code = @c", null, ("c", code.Value));
        try { await cmd.ExecuteNonQueryAsync(ct); }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            throw new AssessmentRefusedException($"班次 {code} 已用于排班或交接班日志，不能删除。", $"Shift {code} is in a roster or a handover log and cannot be removed.");
        }
    }

    private static async Task<List<ShiftTemplate>> TemplatesAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var templates = new List<ShiftTemplate>();
        await using var cmd = connection.Command("SELECT code, name, start_time, length_minutes FROM workforce_shift_templates ORDER BY start_time, code");
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            templates.Add(new ShiftTemplate(new ShiftCode(r.GetString(0)), r.GetString(1), r.GetFieldValue<TimeOnly>(2), TimeSpan.FromMinutes(r.GetInt32(3))));
        return templates;
    }

    private static async Task<Rotation?> RotationAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var cmd = connection.Command("SELECT cycle, anchor FROM workforce_rotation WHERE id = 1");
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) return null;
        return new Rotation(r.GetFieldValue<string[]>(0).Select(c => c == "" ? null : new ShiftCode(c)).ToList(), r.GetFieldValue<DateOnly>(1));
    }

    /// <summary>(Re)generates the month's roster from the rotation and the teams; returns the entries written.</summary>
    public async Task<IReadOnlyList<RosterEntry>> GenerateAsync(CalendarMonth month, CancellationToken ct = default)
    {
        var teams = await new Staff(dataSource).TeamsAsync(ct);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var templates = await TemplatesAsync(connection, ct);
        var rotation = await RotationAsync(connection, ct) ?? throw new AssessmentRefusedException("尚未设置轮班表。", "No rotation is set up.");

        IReadOnlyList<RosterEntry> roster;
        try { roster = RosterGenerator.Generate(month, rotation, teams, templates); }
        catch (ArgumentException e) { throw new AssessmentRefusedException("轮班表与班次模板或班组不一致，无法生成排班。", $"The roster cannot be made: {e.Message}."); }

        await using var tx = await connection.BeginTransactionAsync(ct);
        await using (var del = connection.Command("DELETE FROM workforce_roster WHERE day BETWEEN @f AND @t", tx, ("f", month.FirstDay), ("t", month.LastDay)))
            await del.ExecuteNonQueryAsync(ct);
        await using (var writer = await connection.BeginBinaryImportAsync(
                         "COPY workforce_roster (agent_id, day, shift_code, team_id, starts_at, ends_at) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var e in roster)
            {
                await writer.StartRowAsync(ct);
                await writer.WriteAsync(e.Agent.Value, ct);
                await writer.WriteAsync(e.Day, NpgsqlTypes.NpgsqlDbType.Date, ct);
                await writer.WriteAsync(e.Shift.Value, ct);
                await writer.WriteAsync(e.Team.Value, ct);
                await writer.WriteAsync(time.ToUtc(e.Start), NpgsqlTypes.NpgsqlDbType.TimestampTz, ct);
                await writer.WriteAsync(time.ToUtc(e.End), NpgsqlTypes.NpgsqlDbType.TimestampTz, ct);
            }
            await writer.CompleteAsync(ct);
        }
        await tx.CommitAsync(ct);
        return roster;
    }

    /// <summary>
    /// Hr's change to one agent's day (a swap, leave, an extra shift): the day gets <paramref name="shift"/>, or
    /// becomes a rest day when it is null. Regenerating the month from the rotation overwrites such changes.
    /// </summary>
    public async Task SetDayAsync(AgentId agent, DateOnly day, ShiftCode? shift, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        ShiftTemplate? template = null;
        if (shift is not null)
            template = (await TemplatesAsync(connection, ct)).FirstOrDefault(t => t.Code == shift)
                ?? throw new AssessmentRefusedException($"班次 {shift} 没有班次模板。", $"Shift {shift} has no template.");
        Guid? team;
        await using (var cmd = connection.Command("SELECT team_id FROM workforce_agents WHERE id = @a", null, ("a", agent.Value)))
            team = await cmd.ExecuteScalarAsync(ct) as Guid?;
        if (template is not null && team is null) throw new AssessmentRefusedException("只有班组成员可以排班。", "Only a member of a team can be rostered.");

        await using var tx = await connection.BeginTransactionAsync(ct);
        await using (var del = connection.Command("DELETE FROM workforce_roster WHERE agent_id = @a AND day = @d", tx, ("a", agent.Value), ("d", day)))
            await del.ExecuteNonQueryAsync(ct);
        if (template is not null)
        {
            await using var ins = connection.Command("""
                INSERT INTO workforce_roster (agent_id, day, shift_code, team_id, starts_at, ends_at) VALUES (@a, @d, @s, @t, @from, @to)
                """, tx, ("a", agent.Value), ("d", day), ("s", template.Code.Value), ("t", team!.Value),
                ("from", time.ToUtc(template.StartOn(day))), ("to", time.ToUtc(template.EndOn(day))));
            await ins.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
    }

    /// <summary>The stored roster for a range of days, optionally one agent.</summary>
    public async Task<IReadOnlyList<RosterEntry>> ForDaysAsync(DateOnly from, DateOnly to, AgentId? agent = null, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var cmd = connection.Command($"""
            SELECT agent_id, team_id, day, shift_code, starts_at, ends_at FROM workforce_roster
             WHERE day BETWEEN @f AND @t {(agent is null ? "" : "AND agent_id = @a")} ORDER BY day, starts_at, agent_id
            """, null, ("f", from), ("t", to), ("a", agent?.Value));
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<RosterEntry>();
        while (await r.ReadAsync(ct))
            list.Add(new RosterEntry(new AgentId(r.GetGuid(0)), new TeamId(r.GetGuid(1)), r.GetFieldValue<DateOnly>(2), new ShiftCode(r.GetString(3)),
                time.ToLocal(r.GetFieldValue<DateTimeOffset>(4)), time.ToLocal(r.GetFieldValue<DateTimeOffset>(5))));
        return list;
    }
}
