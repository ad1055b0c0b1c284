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
        code ??= "c-" + campaign.Value.ToString("N")[^12..]; // a version-7 id's first digits are its millisecond: its random tail tells two apart
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
        string timeZone = "Asia/Shanghai", int firstNumber = 0, string region = "CN-11", string status = "new")
    {
        await using var cmd = db.CreateCommand("""
            INSERT INTO leads (tenant_id, campaign_id, phone_e164, phone_kind, region, time_zone, name, status)
            SELECT @t, @c, '+86138' || lpad((@first + n)::text, 8, '0'), 'mobile', @region, @tz, 'Lead ' || n, @status
            FROM generate_series(1, @count) AS n
            RETURNING id
            """);
        cmd.Parameters.AddWithValue("t", tenant.Value);
        cmd.Parameters.AddWithValue("c", campaign.Value);
        cmd.Parameters.AddWithValue("count", count);
        cmd.Parameters.AddWithValue("first", firstNumber);
        cmd.Parameters.AddWithValue("tz", timeZone);
        cmd.Parameters.AddWithValue("region", region);
        cmd.Parameters.AddWithValue("status", status);
        var ids = new List<long>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) ids.Add(reader.GetInt64(0));
        return ids.Order().ToArray();
    }

    /// <summary>
    /// Past dials of a region at a local hour: <paramref name="attempts"/> finished leads (numbers from
    /// <paramref name="firstNumber"/>), each with one call record at <paramref name="at"/>; the first <paramref name="humans"/> answered.
    /// </summary>
    public static async Task CallHistoryAsync(NpgsqlDataSource db, TenantId tenant, CampaignId campaign, string region, int localHour,
        int attempts, int humans, DateTimeOffset at, int firstNumber, string timeZone = "Asia/Shanghai")
    {
        var leads = await LeadsAsync(db, tenant, campaign, attempts, timeZone, firstNumber, region, status: "done");
        await using var cmd = db.CreateCommand("""
            INSERT INTO call_records (id, tenant_id, campaign_id, lead_id, attempt, phone_e164, region, local_hour, dial_mode,
                                      started_at, ended_at, outcome, run_id)
            SELECT gen_random_uuid(), @t, @c, l.id, 1, l.phone_e164, l.region, @hour, 'Progressive', @at, @at + interval '30 seconds',
                   CASE WHEN k <= @humans THEN 'Answered' ELSE 'NoAnswer' END, 'history'
            FROM unnest(@leads) WITH ORDINALITY AS u(id, k) JOIN leads l ON l.id = u.id
            """);
        cmd.Parameters.AddWithValue("t", tenant.Value);
        cmd.Parameters.AddWithValue("c", campaign.Value);
        cmd.Parameters.AddWithValue("hour", (short)localHour);
        cmd.Parameters.AddWithValue("at", at.ToUniversalTime());
        cmd.Parameters.AddWithValue("humans", humans);
        cmd.Parameters.AddWithValue("leads", leads);
        await cmd.ExecuteNonQueryAsync();
    }

    public static async Task<T> ScalarAsync<T>(NpgsqlDataSource db, string sql)
    {
        await using var cmd = db.CreateCommand(sql);
        return (T)(await cmd.ExecuteScalarAsync())!;
    }

    /// <summary>The first column of every row.</summary>
    public static async Task<IReadOnlyList<T>> ListAsync<T>(NpgsqlDataSource db, string sql)
    {
        await using var cmd = db.CreateCommand(sql);
        await using var reader = await cmd.ExecuteReaderAsync();
        var values = new List<T>();
        while (await reader.ReadAsync()) values.Add(reader.GetFieldValue<T>(0));
        return values;
    }
}
