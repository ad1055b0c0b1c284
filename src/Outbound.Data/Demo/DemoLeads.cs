using Npgsql;
using Outbound.Core.Campaigns;

namespace Outbound.Data.Demo;

/// <summary>
/// Synthetic leads added to a demo campaign besides its sample list: customers living abroad, spread over
/// several time zones, so that whatever the hour some are inside their local calling window and the demo
/// visibly dials while the rest are refused as outside the window. Idempotent: the numbers are fixed.
/// </summary>
public static class DemoLeads
{
    private static readonly string[] Zones =
        ["Asia/Shanghai", "Asia/Urumqi", "Europe/London", "America/New_York", "America/Los_Angeles", "Australia/Sydney", "Asia/Dubai"];

    /// <returns>The number of leads added (0 when they are already there).</returns>
    public static async Task<int> EnsureAsync(NpgsqlDataSource db, CampaignId campaign, int count, CancellationToken ct = default)
    {
        await using var cmd = db.CreateCommand("""
            INSERT INTO leads (tenant_id, campaign_id, phone_e164, phone_kind, region, time_zone, name, fields)
            SELECT c.tenant_id, c.id,
                   '+86139' || lpad((abs(hashtext(c.code)) % 1000)::text, 3, '0') || lpad(n::text, 5, '0'),
                   'mobile', 'CN', (@zones)[1 + n % array_length(@zones, 1)], '示范客户' || n,
                   jsonb_build_object('amount', 500 + (n * 37) % 9000, 'days_past_due', 1 + n % 60, 'work_order', 'WO' || lpad(n::text, 6, '0'))
            FROM campaigns c, generate_series(1, @count) AS n
            WHERE c.id = @campaign
            ON CONFLICT (campaign_id, phone_e164) DO NOTHING
            """);
        cmd.Parameters.AddWithValue("campaign", campaign.Value);
        cmd.Parameters.AddWithValue("count", count);
        cmd.Parameters.AddWithValue("zones", Zones);
        return await cmd.ExecuteNonQueryAsync(ct);
    }
}
