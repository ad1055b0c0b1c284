using Npgsql;
using Outbound.Core.Campaigns;
using Outbound.Core.Leads;
using Outbound.Core.Tenants;

namespace Outbound.Data.Dialing;

/// <summary>
/// What a call in flight had reached when its run died: its in-flight row, and the disposition and callback of a desk
/// form the agent saved for it. <see cref="StillDialing"/> is false when the call's record made it after all.
/// </summary>
public sealed record InterruptedAttempt(
    LeadId LeadId, int Attempt, TenantId TenantId, CampaignId CampaignId, string PhoneE164, string? Region, string TimeZone,
    string LeaseOwner, DateTimeOffset StartedAt, DateTimeOffset? AnsweredAt, string? AnsweredBy,
    DateTimeOffset? ConnectedAt, string? Agent, string? Disposition, DateTimeOffset? WrapEndedAt, DateTimeOffset? CallbackAt, bool CallbackMine,
    bool StillDialing);

/// <summary>
/// Reads and closes what a dead run left open: calls in flight (closed by the dialer with the campaign's rules, through
/// the durable writer), inbound calls, agent sessions and the leases of leads it had not dialled yet.
/// </summary>
public sealed class InterruptedWork(NpgsqlDataSource dataSource)
{
    public const string CrashReason = "crash";

    public async Task<IReadOnlyList<InterruptedAttempt>> CallsAsync(string runId, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            SELECT f.lead_id, f.attempt, l.tenant_id, l.campaign_id, l.phone_e164, l.region, l.time_zone, f.lease_owner,
                   f.started_at, f.answered_at, f.answered_by, f.connected_at, f.agent,
                   coalesce(f.disposition, form.disposition), coalesce(f.wrap_ended_at, form.saved_at), form.callback_at,
                   coalesce(form.callback_mine, false), l.status = 'dialing' AND l.attempts = f.attempt
            FROM calls_in_flight f
            JOIN leads l ON l.id = f.lead_id
            LEFT JOIN LATERAL (
                SELECT d.disposition, d.saved_at, d.callback_at, d.callback_mine FROM desk_call_forms d
                WHERE d.lead_id = f.lead_id AND d.saved_at >= f.started_at AND f.connected_at IS NOT NULL
                ORDER BY d.saved_at DESC LIMIT 1) form ON true
            WHERE f.run_id = @run
            ORDER BY f.lead_id
            """);
        cmd.Parameters.AddWithValue("run", runId);
        var calls = new List<InterruptedAttempt>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            calls.Add(new InterruptedAttempt(
                new LeadId(r.GetInt64(0)), r.GetInt32(1), new TenantId(r.GetGuid(2)), new CampaignId(r.GetGuid(3)), r.GetString(4),
                r.IsDBNull(5) ? null : r.GetString(5), r.GetString(6), r.GetString(7), r.GetFieldValue<DateTimeOffset>(8),
                Time(r, 9), r.IsDBNull(10) ? null : r.GetString(10), Time(r, 11), r.IsDBNull(12) ? null : r.GetString(12),
                r.IsDBNull(13) ? null : r.GetString(13), Time(r, 14), Time(r, 15), r.GetBoolean(16), r.GetBoolean(17)));
        return calls;
    }

    private static DateTimeOffset? Time(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateTimeOffset>(i);

    /// <summary>In-flight rows whose call was recorded after all (the record won the race with the crash): nothing to close.</summary>
    public async Task ForgetAsync(LeadId lead, int attempt, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("DELETE FROM calls_in_flight WHERE lead_id = @lead AND attempt = @attempt");
        cmd.Parameters.AddWithValue("lead", lead.Value);
        cmd.Parameters.AddWithValue("attempt", attempt);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The run's inbound calls still open end at <paramref name="at"/> as interrupted, keeping their agent and connect time.</summary>
    public async Task<int> CloseInboundAsync(string runId, DateTimeOffset at, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            UPDATE inbound_calls SET ended_at = greatest(arrived_at, coalesce(connected_at, arrived_at), @at), outcome = 'interrupted'
            WHERE run_id = @run AND ended_at IS NULL
            """);
        cmd.Parameters.AddWithValue("run", runId);
        cmd.Parameters.AddWithValue("at", at.ToUniversalTime());
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// The run's agent sessions still open end at <paramref name="at"/> (the crash time) with the reason
    /// <see cref="CrashReason"/>, each with a last 'logged_out' state event, so attendance and occupancy see when and why.
    /// </summary>
    public async Task<int> CloseSessionsAsync(string runId, DateTimeOffset at, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand($"""
            WITH closed AS (
                UPDATE agent_sessions SET logged_out_at = greatest(logged_in_at, @at), logout_reason = '{CrashReason}'
                WHERE run_id = @run AND logged_out_at IS NULL
                RETURNING id, agent, logged_out_at)
            INSERT INTO agent_state_events (event_id, session_id, agent, state, reason, at)
            SELECT gen_random_uuid(), id, agent, 'logged_out', '{CrashReason}', logged_out_at FROM closed
            """);
        cmd.Parameters.AddWithValue("run", runId);
        cmd.Parameters.AddWithValue("at", at.ToUniversalTime());
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Sessions of dialer versions that did not record their run, left open by a crash: each ends at its last state
    /// event (the last sign of the agent), with the reason <see cref="CrashReason"/>.
    /// </summary>
    public async Task<int> CloseRunlessSessionsAsync(IReadOnlyCollection<string> liveRuns, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand($"""
            UPDATE agent_sessions s SET logout_reason = '{CrashReason}',
                   logged_out_at = greatest(s.logged_in_at, (SELECT max(e.at) FROM agent_state_events e WHERE e.session_id = s.id))
            WHERE s.logged_out_at IS NULL AND (s.run_id IS NULL OR NOT s.run_id = ANY (@live))
              AND NOT EXISTS (SELECT 1 FROM dialer_runs r WHERE r.id = s.run_id)
            """);
        cmd.Parameters.AddWithValue("live", liveRuns.ToArray());
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Leads the run had leased but not dialled are free at once, instead of when their lease runs out.</summary>
    public async Task<int> ReleaseLeasesAsync(string runId, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            UPDATE leads SET lease_owner = NULL, lease_expires_at = NULL
            WHERE lease_owner = ANY (SELECT @run || '/' || replace(id::text, '-', '') FROM campaigns) AND status <> 'dialing'
            """);
        cmd.Parameters.AddWithValue("run", runId);
        return await cmd.ExecuteNonQueryAsync(ct);
    }
}
