using Outbound.Core.Campaigns;
using Outbound.Core.Tenants;
using Outbound.Data.Desk;
using Outbound.Testing;
using Outbound.Testing.Dialing;

namespace Outbound.Data.Tests.Desk;

/// <summary>The screen pop's contact history of a number: dials, hotline calls and saved desk forms of the tenant.</summary>
public sealed class DeskHistoryTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Day = new(2026, 11, 2, 2, 0, 0, TimeSpan.Zero);
    private readonly PgTestDatabase _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();
    public Task DisposeAsync() => _db.DisposeAsync();

    private Task AddAsync(TenantId tenant, CampaignId campaign, long lead, string phone, int hour) =>
        DialingSeed.ScalarAsync<int>(_db.DataSource, $"""
            INSERT INTO call_records (id, tenant_id, campaign_id, lead_id, attempt, phone_e164, dial_mode, started_at, ended_at, outcome, run_id)
            VALUES (gen_random_uuid(), '{tenant.Value}', '{campaign.Value}', {lead}, 1, '{phone}', 'Predictive',
                    '{Day.AddHours(hour):O}', '{Day.AddHours(hour).AddMinutes(2):O}', 'Answered', 'run');
            INSERT INTO inbound_calls (id, tenant_id, campaign_id, caller_number, arrived_at, ended_at, outcome)
            VALUES (gen_random_uuid(), '{tenant.Value}', '{campaign.Value}', '{phone}', '{Day.AddHours(hour + 1):O}', '{Day.AddHours(hour + 1).AddMinutes(1):O}', 'answered');
            INSERT INTO desk_call_forms (id, tenant_id, campaign_id, lead_id, agent, disposition, promise_amount, promise_date, saved_at)
            VALUES (gen_random_uuid(), '{tenant.Value}', '{campaign.Value}', {lead}, 'agent1', 'ptp', 500, '2026-11-09', '{Day.AddHours(hour + 2):O}');
            SELECT 1
            """);

    [Fact]
    public async Task A_numbers_history_lists_its_dials_hotline_calls_and_forms_in_the_tenant_newest_first()
    {
        var (tenant, campaign) = await DialingSeed.CampaignAsync(_db.DataSource, code: "mine");
        var (otherTenant, other) = await DialingSeed.CampaignAsync(_db.DataSource, code: "theirs");
        var mine = await DialingSeed.LeadsAsync(_db.DataSource, tenant, campaign, 2);           // +8613800000001, +8613800000002
        var theirs = await DialingSeed.LeadsAsync(_db.DataSource, otherTenant, other, 1);      // the same first number, another client
        await AddAsync(tenant, campaign, mine[0], "+8613800000001", hour: 0);
        await AddAsync(tenant, campaign, mine[1], "+8613800000002", hour: 3);
        await AddAsync(otherTenant, other, theirs[0], "+8613800000001", hour: 6);

        var history = await new DeskQueries(_db.DataSource).HistoryAsync(tenant.Value, "+8613800000001");

        Assert.Equal(["form", "inbound", "outbound"], history.Select(h => h.Kind));
        Assert.Equal([Day.AddHours(2).UtcDateTime, Day.AddHours(1).UtcDateTime, Day.UtcDateTime], history.Select(h => h.At.ToUniversalTime()));
        Assert.Equal("PTP 500.00 @ 2026-11-09", history[0].Detail);
    }
}
