using System.Text.Json;
using Npgsql;
using Outbound.Core.Campaigns;
using Outbound.Core.Ivr;
using Outbound.Core.Tenants;

namespace Outbound.Data.Desk;

/// <summary>Stores each inbound campaign's IVR tree (<c>ivr_trees</c>); callers validate before saving.</summary>
public sealed class IvrTrees(NpgsqlDataSource dataSource)
{
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task<IvrTree?> FindAsync(CampaignId campaign, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("SELECT tree::text FROM ivr_trees WHERE campaign_id = @c");
        cmd.Parameters.AddWithValue("c", campaign.Value);
        return await cmd.ExecuteScalarAsync(ct) is string json ? JsonSerializer.Deserialize<IvrTree>(json, Json) : null;
    }

    public async Task SaveAsync(TenantId tenant, CampaignId campaign, IvrTree tree, string by, DateTimeOffset at, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            INSERT INTO ivr_trees (campaign_id, tenant_id, tree, updated_at, updated_by) VALUES (@c, @t, @tree::jsonb, @at, @by)
            ON CONFLICT (campaign_id) DO UPDATE SET tree = excluded.tree, updated_at = excluded.updated_at, updated_by = excluded.updated_by
            """);
        cmd.Parameters.AddWithValue("c", campaign.Value);
        cmd.Parameters.AddWithValue("t", tenant.Value);
        cmd.Parameters.AddWithValue("tree", JsonSerializer.Serialize(tree, Json));
        cmd.Parameters.AddWithValue("at", at.ToUniversalTime());
        cmd.Parameters.AddWithValue("by", by);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
