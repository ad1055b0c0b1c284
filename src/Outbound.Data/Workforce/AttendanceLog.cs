using Npgsql;
using Outbound.Core.Workforce;
using Outbound.Data.Assessment;

namespace Outbound.Data.Workforce;

/// <summary>Agent logins and logouts (the attendance machine of the seed's rule 2, and the dialer's agent sessions), and the month's classification.</summary>
public sealed class AttendanceLog(NpgsqlDataSource dataSource, CenterTime time)
{
    public async Task LoginAsync(AgentId agent, DateTimeOffset at, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var cmd = connection.Command("INSERT INTO workforce_sessions (agent_id, logged_in_at) VALUES (@a, @at)", null,
            ("a", agent.Value), ("at", at.ToUniversalTime()));
        try { await cmd.ExecuteNonQueryAsync(ct); }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            throw new AssessmentRefusedException("只记录员工的考勤：此人没有员工档案。", "Attendance is kept for staff only; this person has no staff record.");
        }
    }

    /// <summary>Closes the agent's open session; a logout without a login is refused rather than invented.</summary>
    public async Task LogoutAsync(AgentId agent, DateTimeOffset at, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var cmd = connection.Command("""
            UPDATE workforce_sessions SET logged_out_at = @at
             WHERE id = (SELECT id FROM workforce_sessions WHERE agent_id = @a AND logged_out_at IS NULL AND logged_in_at <= @at
                          ORDER BY logged_in_at DESC LIMIT 1)
            """, null, ("a", agent.Value), ("at", at.ToUniversalTime()));
        if (await cmd.ExecuteNonQueryAsync(ct) == 0) throw new AssessmentRefusedException("该坐席没有可签出的在线时段。", "The agent has no open session to log out of.");
    }

    /// <summary>
    /// Every login stretch overlapping [from, to): the attendance machine's sessions (workforce_sessions) and
    /// the dialer's agent sessions (agent_sessions), whose text agent key is matched to a staff record by
    /// user id, user name or e-mail. Dialer sessions of people without a staff record are not attendance. A dialer session
    /// closed by a crash (reason <see cref="Dialing.InterruptedWork.CrashReason"/>) says so.
    /// </summary>
    public async Task<IReadOnlyList<AgentSession>> SessionsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var cmd = connection.Command("""
            SELECT agent_id, logged_in_at, logged_out_at, false FROM workforce_sessions
             WHERE logged_in_at < @to AND (logged_out_at IS NULL OR logged_out_at > @from)
            UNION ALL
            SELECT DISTINCT ON (s.id) staff.id, s.logged_in_at, s.logged_out_at, s.logout_reason IS NOT DISTINCT FROM @crash
              FROM agent_sessions s
              JOIN (SELECT wa.id, lower(k.key) AS key
                      FROM workforce_agents wa
                      LEFT JOIN users u ON u.id = wa.id
                     CROSS JOIN LATERAL (VALUES (wa.id::text), (u.user_name), (u.email)) AS k (key)
                     WHERE k.key IS NOT NULL) staff ON staff.key = lower(s.agent)
             WHERE s.logged_in_at < @to AND (s.logged_out_at IS NULL OR s.logged_out_at > @from)
            """, null, ("from", from.ToUniversalTime()), ("to", to.ToUniversalTime()), ("crash", Dialing.InterruptedWork.CrashReason));
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<AgentSession>();
        while (await r.ReadAsync(ct))
            list.Add(new AgentSession(new AgentId(r.GetGuid(0)), time.ToLocal(r.GetFieldValue<DateTimeOffset>(1)),
                r.IsDBNull(2) ? null : time.ToLocal(r.GetFieldValue<DateTimeOffset>(2))) { ClosedByCrash = r.GetBoolean(3) });
        return list;
    }

    /// <summary>Attendance for every rostered shift that has ended by <paramref name="now"/> in the day range.</summary>
    public async Task<IReadOnlyList<AttendanceRecord>> ClassifyAsync(DateOnly from, DateOnly to, DateTimeOffset now, CancellationToken ct = default)
    {
        var nowLocal = time.ToLocal(now);
        var roster = (await new Rosters(dataSource, time).ForDaysAsync(from, to, ct: ct)).Where(r => r.End <= nowLocal).ToList();
        if (roster.Count == 0) return [];
        var policy = AttendancePolicy.Seed;
        var sessions = await SessionsAsync(
            new DateTimeOffset(time.ToUtc(roster.Min(r => r.Start) - policy.Lookback), TimeSpan.Zero),
            new DateTimeOffset(time.ToUtc(roster.Max(r => r.End)), TimeSpan.Zero), ct);
        return AttendanceClassifier.ClassifyAll(roster, sessions, policy);
    }
}
