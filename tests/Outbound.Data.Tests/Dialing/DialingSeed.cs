using System.Text.Json;
using Npgsql;
using Outbound.Core.Campaigns;
using Outbound.Core.Tenants;
using Outbound.Data.Campaigns;

namespace Outbound.Testing.Dialing;

/// <summary>Writes a tenant, a campaign and its leads straight into a test database.</summary>
public static class DialingSeed
{
    public static async Task<(TenantId Tenant, CampaignId Campaign)> CampaignAsync(
        NpgsqlDataSource db, CampaignSettings? settings = null, DialMode mode = DialMode.Progressive, string status = "draft", string? code = null)
    {
        var tenant = TenantId.New();
        var campaign = CampaignId.New();
        code ??= "c-" + campaign.Value.ToString("N")[..10];
        await using var cmd = db.CreateCommand("""
            INSERT INTO tenants (id, code, name) VALUES (@t, @code, 'Tenant');
            INSERT INTO campaigns (id, tenant_id, code, name, kind, dial_mode, status, settings)
            VALUES (@c, @t, @code, 'Campaign', 'Collections', @mode, @status, @settings::jsonb);
            """);
        cmd.Parameters.AddWithValue("t", tenant.Value);
        cmd.Parameters.AddWithValue("c", campaign.Value);
        cmd.Parameters.AddWithValue("code", code);
        cmd.Parameters.AddWithValue("mode", mode.ToString());
        cmd.Parameters.AddWithValue("status", status);
        cmd.Parameters.AddWithValue("settings", JsonSerializer.Serialize(settings ?? new CampaignSettings(), CampaignSettingsJson.Options));
        await cmd.ExecuteNonQueryAsync();
        return (tenant, campaign);
    }

    /// <summary>Adds <paramref name="count"/> leads with distinct numbers; returns their ids in order.</summary>
    public static async Task<long[]> LeadsAsync(NpgsqlDataSource db, TenantId tenant, CampaignId campaign, int count,
        string timeZone = "Asia/Shanghai", int firstNumber = 0)
    {
        await using var cmd = db.CreateCommand("""
            INSERT INTO leads (tenant_id, campaign_id, phone_e164, phone_kind, region, time_zone, name)
            SELECT @t, @c, '+86138' || lpad((@first + n)::text, 8, '0'), 'mobile', 'CN-11', @tz, 'Lead ' || n
            FROM generate_series(1, @count) AS n
            RETURNING id
            """);
        cmd.Parameters.AddWithValue("t", tenant.Value);
        cmd.Parameters.AddWithValue("c", campaign.Value);
        cmd.Parameters.AddWithValue("count", count);
        cmd.Parameters.AddWithValue("first", firstNumber);
        cmd.Parameters.AddWithValue("tz", timeZone);
        var ids = new List<long>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) ids.Add(reader.GetInt64(0));
        return ids.Order().ToArray();
    }

    public static async Task<T> ScalarAsync<T>(NpgsqlDataSource db, string sql)
    {
        await using var cmd = db.CreateCommand(sql);
        return (T)(await cmd.ExecuteScalarAsync())!;
    }
}
