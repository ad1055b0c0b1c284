using Npgsql;
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

/// <summary>Finds callers' records for the screen pop, and writes a whole inbound call row.</summary>
public sealed class InboundCallLog(NpgsqlDataSource dataSource)
{
    /// <summary>Writes a whole inbound call at once (imports, tests); the dialer's calls go through the durable writer instead.</summary>
    public async Task RecordAsync(InboundCallRecord r, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var batch = new NpgsqlBatch(connection);
        new InboundCallEnded(r, null).AddTo(batch);
        await batch.ExecuteNonQueryAsync(ct);
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
}
