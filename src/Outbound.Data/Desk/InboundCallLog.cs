using Npgsql;
using NpgsqlTypes;
using Outbound.Core.Campaigns;
using Outbound.Core.Leads;
using Outbound.Core.Tenants;

namespace Outbound.Data.Desk;

/// <summary>One inbound caller's passage through a queue, as <c>inbound_calls</c> stores it.</summary>
public sealed record InboundCallRecord(
    Guid Id,
    TenantId TenantId,
    CampaignId CampaignId,
    string CallerNumber,
    LeadId? LeadId,
    int Priority,
    string? Skill,
    DateTimeOffset ArrivedAt,
    DateTimeOffset? ConnectedAt,
    DateTimeOffset EndedAt,
    string? Agent,
    string Outcome,
    string? Disposition,
    DateTimeOffset? WrapEndedAt,
    string? RecordingPath);

/// <summary>A caller's record found by number, for the screen pop.</summary>
public sealed record KnownCaller(LeadId LeadId, string? Name, string FieldsJson, string TimeZone, string? Region);

/// <summary>Writes inbound call rows and finds callers' records (Npgsql, one statement each).</summary>
public sealed class InboundCallLog(NpgsqlDataSource dataSource)
{
    public async Task RecordAsync(InboundCallRecord r, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            INSERT INTO inbound_calls (id, tenant_id, campaign_id, caller_number, lead_id, priority, skill, arrived_at, connected_at,
                ended_at, agent, outcome, disposition, wrap_ended_at, recording_path)
            VALUES (@id, @tenant, @campaign, @number, @lead, @priority, @skill, @arrived, @connected, @ended, @agent, @outcome,
                @disposition, @wrap, @recording)
            """);
        var p = cmd.Parameters;
        p.AddWithValue("id", r.Id);
        p.AddWithValue("tenant", r.TenantId.Value);
        p.AddWithValue("campaign", r.CampaignId.Value);
        p.AddWithValue("number", r.CallerNumber);
        p.Add(Nullable("lead", NpgsqlDbType.Bigint, r.LeadId?.Value));
        p.AddWithValue("priority", r.Priority);
        p.Add(Nullable("skill", NpgsqlDbType.Text, r.Skill));
        p.AddWithValue("arrived", r.ArrivedAt.ToUniversalTime());
        p.Add(Nullable("connected", NpgsqlDbType.TimestampTz, r.ConnectedAt?.ToUniversalTime()));
        p.AddWithValue("ended", r.EndedAt.ToUniversalTime());
        p.Add(Nullable("agent", NpgsqlDbType.Text, r.Agent));
        p.AddWithValue("outcome", r.Outcome);
        p.Add(Nullable("disposition", NpgsqlDbType.Text, r.Disposition));
        p.Add(Nullable("wrap", NpgsqlDbType.TimestampTz, r.WrapEndedAt?.ToUniversalTime()));
        p.Add(Nullable("recording", NpgsqlDbType.Text, r.RecordingPath));
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The campaign's lead with this number (the newest when the list holds it twice).</summary>
    public async Task<KnownCaller?> FindCallerAsync(CampaignId campaign, string number, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            SELECT id, name, coalesce(fields::text, '{}'), time_zone, region FROM leads
            WHERE campaign_id = @campaign AND phone_e164 = @number ORDER BY id DESC LIMIT 1
            """);
        cmd.Parameters.AddWithValue("campaign", campaign.Value);
        cmd.Parameters.AddWithValue("number", number);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return new KnownCaller(new LeadId(reader.GetInt64(0)), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2),
            reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4));
    }

    private static NpgsqlParameter Nullable(string name, NpgsqlDbType type, object? value) => new(name, type) { Value = value ?? DBNull.Value };
}
