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
