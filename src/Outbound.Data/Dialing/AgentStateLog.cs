using Npgsql;
using NpgsqlTypes;
using Outbound.Core.Campaigns;

namespace Outbound.Data.Dialing;

/// <summary>Agent sessions and their state changes: attendance (HR) and occupancy reports read them.</summary>
public sealed class AgentStateLog(NpgsqlDataSource dataSource)
{
    public async Task StartSessionAsync(Guid sessionId, string agent, CampaignId? campaign, DateTimeOffset at, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand(
            "INSERT INTO agent_sessions (id, agent, campaign_id, logged_in_at) VALUES (@id, @agent, @campaign, @at)");
        cmd.Parameters.AddWithValue("id", sessionId);
        cmd.Parameters.AddWithValue("agent", agent);
        cmd.Parameters.Add(new NpgsqlParameter("campaign", NpgsqlDbType.Uuid) { Value = (object?)campaign?.Value ?? DBNull.Value });
        cmd.Parameters.AddWithValue("at", at.ToUniversalTime());
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public async Task RecordStateAsync(Guid sessionId, string agent, string state, string? reason, DateTimeOffset at, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand(
            "INSERT INTO agent_state_events (session_id, agent, state, reason, at) VALUES (@id, @agent, @state, @reason, @at)");
        cmd.Parameters.AddWithValue("id", sessionId);
        cmd.Parameters.AddWithValue("agent", agent);
        cmd.Parameters.AddWithValue("state", state);
        cmd.Parameters.Add(new NpgsqlParameter("reason", NpgsqlDbType.Text) { Value = (object?)reason ?? DBNull.Value });
        cmd.Parameters.AddWithValue("at", at.ToUniversalTime());
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public async Task RecordInternalCallAsync(InternalCallRecord call, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            INSERT INTO internal_calls (caller_agent, callee_agent, placed_at, answered_at, ended_at, outcome)
            VALUES (@caller, @callee, @placed, @answered, @ended, @outcome)
            """);
        cmd.Parameters.AddWithValue("caller", call.CallerAgent);
        cmd.Parameters.AddWithValue("callee", call.CalleeAgent);
        cmd.Parameters.AddWithValue("placed", call.PlacedAt.ToUniversalTime());
        cmd.Parameters.Add(new NpgsqlParameter("answered", NpgsqlDbType.TimestampTz) { Value = (object?)call.AnsweredAt?.ToUniversalTime() ?? DBNull.Value });
        cmd.Parameters.AddWithValue("ended", call.EndedAt.ToUniversalTime());
        cmd.Parameters.AddWithValue("outcome", call.Outcome);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public async Task EndSessionAsync(Guid sessionId, DateTimeOffset at, string reason, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand(
            "UPDATE agent_sessions SET logged_out_at = @at, logout_reason = @reason WHERE id = @id AND logged_out_at IS NULL");
        cmd.Parameters.AddWithValue("id", sessionId);
        cmd.Parameters.AddWithValue("reason", reason);
        cmd.Parameters.AddWithValue("at", at.ToUniversalTime());
        await cmd.ExecuteNonQueryAsync(ct);
    }
}

/// <summary>One agent-to-agent call (内部呼叫); <see cref="AnsweredAt"/> is null when the colleague never picked up.</summary>
public sealed record InternalCallRecord(string CallerAgent, string CalleeAgent, DateTimeOffset PlacedAt, DateTimeOffset? AnsweredAt, DateTimeOffset EndedAt, string Outcome);
