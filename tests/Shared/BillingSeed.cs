using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Outbound.Core.Campaigns;
using Outbound.Core.Performance;
using Outbound.Core.Tenants;
using Outbound.Data.Campaigns;

namespace Outbound.Testing;

/// <summary>Writes clients, campaigns, leads and call records straight into a test database for billing and report tests.</summary>
public static class BillingSeed
{
    public static async Task<TenantId> TenantAsync(NpgsqlDataSource db, string code, string name = "测试客户有限公司")
    {
        var id = TenantId.New();
        await using var cmd = db.CreateCommand("INSERT INTO tenants (id, code, name) VALUES (@id, @code, @name)");
        cmd.Parameters.AddWithValue("id", id.Value);
        cmd.Parameters.AddWithValue("code", code);
        cmd.Parameters.AddWithValue("name", name);
        await cmd.ExecuteNonQueryAsync();
        return id;
    }

    public static async Task<CampaignId> CampaignAsync(NpgsqlDataSource db, TenantId tenant, string code, CampaignSettings settings,
        CampaignKind kind = CampaignKind.Collections, DialMode mode = DialMode.Progressive, string status = "draft")
    {
        var id = CampaignId.New();
        await using var cmd = db.CreateCommand("""
            INSERT INTO campaigns (id, tenant_id, code, name, kind, dial_mode, status, settings)
            VALUES (@id, @t, @code, @name, @kind, @mode, @status, @settings::jsonb)
            """);
        cmd.Parameters.AddWithValue("id", id.Value);
        cmd.Parameters.AddWithValue("t", tenant.Value);
        cmd.Parameters.AddWithValue("code", code);
        cmd.Parameters.AddWithValue("name", "活动 " + code);
        cmd.Parameters.AddWithValue("kind", kind.ToString());
        cmd.Parameters.AddWithValue("mode", mode.ToString());
        cmd.Parameters.AddWithValue("status", status);
        cmd.Parameters.AddWithValue("settings", JsonSerializer.Serialize(settings, CampaignSettingsJson.Options));
        await cmd.ExecuteNonQueryAsync();
        return id;
    }

    public static async Task<long[]> LeadsAsync(NpgsqlDataSource db, TenantId tenant, CampaignId campaign, int count, string timeZone = "Asia/Shanghai")
    {
        await using var cmd = db.CreateCommand("""
            INSERT INTO leads (tenant_id, campaign_id, phone_e164, phone_kind, region, time_zone, name)
            SELECT @t, @c, '+86139' || lpad(n::text, 8, '0'), 'mobile', 'CN-31', @tz, '客户' || n FROM generate_series(1, @count) AS n
            RETURNING id
            """);
        cmd.Parameters.AddWithValue("t", tenant.Value);
        cmd.Parameters.AddWithValue("c", campaign.Value);
        cmd.Parameters.AddWithValue("count", count);
        cmd.Parameters.AddWithValue("tz", timeZone);
        var ids = new List<long>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) ids.Add(reader.GetInt64(0));
        return ids.Order().ToArray();
    }

    /// <summary>Writes the calls with binary COPY; attempts are numbered per lead in the order given, each lead with a number of its own.</summary>
    public static async Task CallsAsync(NpgsqlDataSource db, TenantId tenant, CampaignId campaign, IEnumerable<CallFact> calls)
    {
        var attempts = new Dictionary<long, int>();
        await using var connection = await db.OpenConnectionAsync();
        await using var writer = await connection.BeginBinaryImportAsync("""
            COPY call_records (id, tenant_id, campaign_id, lead_id, attempt, phone_e164, region, local_hour, dial_mode, agent, started_at,
                answered_at, connected_at, ended_at, wrap_ended_at, outcome, abandoned, disposition, run_id) FROM STDIN (FORMAT BINARY)
            """);
        foreach (var c in calls)
        {
            var attempt = attempts[c.LeadId] = attempts.GetValueOrDefault(c.LeadId) + 1;
            await writer.StartRowAsync();
            await writer.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
            await writer.WriteAsync(tenant.Value, NpgsqlDbType.Uuid);
            await writer.WriteAsync(campaign.Value, NpgsqlDbType.Uuid);
            await writer.WriteAsync(c.LeadId, NpgsqlDbType.Bigint);
            await writer.WriteAsync(attempt, NpgsqlDbType.Integer);
            await writer.WriteAsync($"+86138{c.LeadId % 100_000_000:D8}", NpgsqlDbType.Text); // one number per lead: repeat contacts are by number
            if (c.Region is { } region) await writer.WriteAsync(region, NpgsqlDbType.Text); else await writer.WriteNullAsync();
            if (c.LocalHour is { } h) await writer.WriteAsync((short)h, NpgsqlDbType.Smallint); else await writer.WriteNullAsync();
            await writer.WriteAsync("Progressive", NpgsqlDbType.Text);
            if (c.Agent is { } a) await writer.WriteAsync(a, NpgsqlDbType.Text); else await writer.WriteNullAsync();
            await writer.WriteAsync(c.StartedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz);
            await Time(writer, c.AnsweredAt);
            await Time(writer, c.ConnectedAt);
            await writer.WriteAsync(c.EndedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz);
            await Time(writer, c.WrapEndedAt);
            await writer.WriteAsync(c.Outcome.ToString(), NpgsqlDbType.Text);
            await writer.WriteAsync(c.Abandoned, NpgsqlDbType.Boolean);
            if (c.Disposition is { } d) await writer.WriteAsync(d, NpgsqlDbType.Text); else await writer.WriteNullAsync();
            await writer.WriteAsync("seed", NpgsqlDbType.Text);
        }
        await writer.CompleteAsync();
    }

    public static async Task PromiseAsync(NpgsqlDataSource db, TenantId tenant, CampaignId campaign, PromiseFact promise, DateTimeOffset promisedAt)
    {
        await using var cmd = db.CreateCommand("""
            INSERT INTO collection_promises (id, tenant_id, campaign_id, lead_id, agent, amount, promised_at, due_on, kept_on)
            VALUES (@id, @t, @c, @lead, @agent, @amount, @at, @due, @kept)
            """);
        cmd.Parameters.AddWithValue("id", Guid.CreateVersion7());
        cmd.Parameters.AddWithValue("t", tenant.Value);
        cmd.Parameters.AddWithValue("c", campaign.Value);
        cmd.Parameters.AddWithValue("lead", promise.LeadId);
        cmd.Parameters.AddWithValue("agent", (object?)promise.Agent ?? DBNull.Value);
        cmd.Parameters.AddWithValue("amount", promise.Amount);
        cmd.Parameters.AddWithValue("at", promisedAt.ToUniversalTime());
        cmd.Parameters.AddWithValue("due", promise.DueOn);
        cmd.Parameters.AddWithValue("kept", (object?)promise.KeptOn ?? DBNull.Value);
        await cmd.ExecuteNonQueryAsync();
    }

    public static async Task SurveyAsync(NpgsqlDataSource db, TenantId tenant, CampaignId campaign, SurveyResponseFact response, DateTimeOffset answeredAt)
    {
        await using var cmd = db.CreateCommand("""
            INSERT INTO survey_responses (id, tenant_id, campaign_id, lead_id, completed, answers, answered_at)
            VALUES (@id, @t, @c, @lead, @done, @answers::jsonb, @at)
            """);
        cmd.Parameters.AddWithValue("id", Guid.CreateVersion7());
        cmd.Parameters.AddWithValue("t", tenant.Value);
        cmd.Parameters.AddWithValue("c", campaign.Value);
        cmd.Parameters.AddWithValue("lead", response.LeadId);
        cmd.Parameters.AddWithValue("done", response.Completed);
        cmd.Parameters.AddWithValue("answers", JsonSerializer.Serialize(response.Answers));
        cmd.Parameters.AddWithValue("at", answeredAt.ToUniversalTime());
        await cmd.ExecuteNonQueryAsync();
    }

    private static Task Time(NpgsqlBinaryImporter writer, DateTimeOffset? value) =>
        value is { } v ? writer.WriteAsync(v.ToUniversalTime(), NpgsqlDbType.TimestampTz) : writer.WriteNullAsync();
}
