using System.Text.Json;
using Npgsql;
using Outbound.Core.Campaigns;
using Outbound.Core.Tenants;
using Outbound.Data.Campaigns;

namespace Outbound.Data.Dialing;

/// <summary>What the dialer needs of a campaign row; <see cref="PausedBySuspension"/> when the client's suspension, not a person, paused it.</summary>
public sealed record DialerCampaign(
    CampaignId Id, TenantId TenantId, string Code, string Name, DialMode DialMode, CampaignStatus Status, CampaignSettings Settings,
    bool PausedBySuspension = false);

/// <summary><c>campaigns.status</c>: start, pause and stop are persisted so that a restarted dialer resumes.</summary>
public enum CampaignStatus { Draft, Running, Paused, Stopped }

/// <summary>Reads campaigns for the dialer and persists their run status.</summary>
public sealed class CampaignStore(NpgsqlDataSource dataSource)
{
    public async Task<DialerCampaign?> FindAsync(CampaignId id, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand(
            "SELECT id, tenant_id, code, name, dial_mode, status, settings::text, paused_by_suspension FROM campaigns WHERE id = @id");
        cmd.Parameters.AddWithValue("id", id.Value);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return new DialerCampaign(
            new CampaignId(reader.GetGuid(0)), new TenantId(reader.GetGuid(1)), reader.GetString(2), reader.GetString(3),
            Enum.Parse<DialMode>(reader.GetString(4), ignoreCase: true),
            Enum.Parse<CampaignStatus>(reader.GetString(5), ignoreCase: true),
            JsonSerializer.Deserialize<CampaignSettings>(reader.GetString(6), CampaignSettingsJson.Options)
                ?? throw new InvalidDataException($"Campaign {id} has empty settings."),
            reader.GetBoolean(7));
    }

    public async Task<CampaignId?> FindIdByCodeAsync(string code, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("SELECT id FROM campaigns WHERE code = @code");
        cmd.Parameters.AddWithValue("code", code);
        return await cmd.ExecuteScalarAsync(ct) is Guid id ? new CampaignId(id) : null;
    }

    /// <param name="bySuspension">True only when the client's suspension pauses the campaign; any other change clears the mark.</param>
    public async Task SetStatusAsync(CampaignId id, CampaignStatus status, CancellationToken ct = default, bool bySuspension = false)
    {
        await using var cmd = dataSource.CreateCommand(
            "UPDATE campaigns SET status = @s, paused_by_suspension = @by, updated_at = now() WHERE id = @id");
        cmd.Parameters.AddWithValue("id", id.Value);
        cmd.Parameters.AddWithValue("by", bySuspension && status == CampaignStatus.Paused);
        cmd.Parameters.AddWithValue("s", status.ToString().ToLowerInvariant());
        if (await cmd.ExecuteNonQueryAsync(ct) == 0) throw new InvalidOperationException($"No campaign {id}.");
    }

    /// <summary>
    /// Campaigns that were running when the dialer last stopped (they resume on start), and those a suspension paused
    /// (they wait for the client's standing to come good).
    /// </summary>
    public async Task<IReadOnlyList<CampaignId>> RunningAsync(CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand(
            "SELECT id FROM campaigns WHERE status = 'running' OR paused_by_suspension ORDER BY created_at");
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var ids = new List<CampaignId>();
        while (await reader.ReadAsync(ct)) ids.Add(new CampaignId(reader.GetGuid(0)));
        return ids;
    }
}
