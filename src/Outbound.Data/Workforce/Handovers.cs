using Npgsql;
using Outbound.Core.Workforce;
using Outbound.Data.Assessment;

namespace Outbound.Data.Workforce;

/// <summary>Shift handover logs: who handed over what to whom. Only someone rostered on a shift hands it over.</summary>
public sealed class Handovers(NpgsqlDataSource dataSource, CenterTime time)
{
    public async Task<Guid> WriteAsync(HandoverLog log, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(log.Notes)) throw new AssessmentRefusedException("交接班日志须写明待办事项。", "A handover log needs notes on the pending work.");
        var id = Guid.CreateVersion7();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using (var rostered = connection.Command(
                         "SELECT 1 FROM workforce_roster WHERE agent_id = @a AND day = @d AND shift_code = @s", null,
                         ("a", log.From.Value), ("d", log.Day), ("s", log.Shift.Value)))
            if (await rostered.ExecuteScalarAsync(ct) is null)
                throw new AssessmentRefusedException($"您没有排在 {log.Day:yyyy-MM-dd} 的 {log.Shift} 班，不能交接该班。", $"You are not rostered on shift {log.Shift} of {log.Day:yyyy-MM-dd}, so you cannot hand it over.");
        if (log.To == log.From) throw new AssessmentRefusedException("交班须交给另一个人。", "A shift is handed over to someone else.");
        await using var cmd = connection.Command("""
            INSERT INTO workforce_handover_logs (id, from_agent, to_agent, day, shift_code, notes, written_at)
            VALUES (@id, @from, @to, @day, @shift, @notes, @at)
            """, null, ("id", id), ("from", log.From.Value), ("to", log.To?.Value), ("day", log.Day), ("shift", log.Shift.Value),
            ("notes", log.Notes.Trim()), ("at", time.ToUtc(log.WrittenAt)));
        try { await cmd.ExecuteNonQueryAsync(ct); }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            throw new AssessmentRefusedException("交班须交给有员工档案的同事。", "A shift is handed over to a member of staff.");
        }
        return id;
    }

    public async Task<IReadOnlyList<HandoverLog>> ForDaysAsync(DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var cmd = connection.Command("""
            SELECT from_agent, to_agent, day, shift_code, notes, written_at FROM workforce_handover_logs
             WHERE day BETWEEN @f AND @t ORDER BY written_at
            """, null, ("f", from), ("t", to));
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<HandoverLog>();
        while (await r.ReadAsync(ct))
            list.Add(new HandoverLog(new AgentId(r.GetGuid(0)), r.Nullable<Guid>(1) is { } t ? new AgentId(t) : null,
                r.GetFieldValue<DateOnly>(2), new ShiftCode(r.GetString(3)), r.GetString(4), time.ToLocal(r.GetFieldValue<DateTimeOffset>(5))));
        return list;
    }
}
