using Outbound.Core.Billing;
using Outbound.Core.Campaigns;
using Outbound.Core.Tenants;
using Outbound.Core.Workforce;
using Outbound.Data.Billing;
using Outbound.Testing;

namespace Outbound.Data.Tests.Billing;

/// <summary>Hotline calls an agent took are billed per started minute like outbound calls, on a line of their own.</summary>
public sealed class InboundMinutesBillingTests : IAsyncLifetime
{
    private static readonly TimeSpan Cn = TimeSpan.FromHours(8);
    private readonly PgTestDatabase _db = new();
    private BillingAccounts _accounts = null!;
    private TenantId _tenant = null!, _other = null!;
    private CampaignId _hotline = null!, _otherHotline = null!;

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        _accounts = new BillingAccounts(_db.DataSource, TimeProvider.System);
        _tenant = await BillingSeed.TenantAsync(_db.DataSource, "power");
        _other = await BillingSeed.TenantAsync(_db.DataSource, "other");
        await _accounts.Terms.SaveAsync(ContractTerms.Sample(_tenant, "HT-1", 5, new(2026, 1, 1), new(2026, 12, 31)), "admin");
        _hotline = await BillingSeed.CampaignAsync(_db.DataSource, _tenant, "95598", new CampaignSettings(), CampaignKind.Inbound);
        _otherHotline = await BillingSeed.CampaignAsync(_db.DataSource, _other, "other-hotline", new CampaignSettings(), CampaignKind.Inbound);
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    /// <summary>A hotline call: waits 20 s, then <paramref name="talkSeconds"/> with an agent (null: hung up waiting).</summary>
    private async Task InboundAsync(TenantId tenant, CampaignId hotline, DateTimeOffset arrived, int? talkSeconds)
    {
        await using var cmd = _db.DataSource.CreateCommand("""
            INSERT INTO inbound_calls (id, tenant_id, campaign_id, caller_number, arrived_at, connected_at, ended_at, agent, outcome)
            VALUES (gen_random_uuid(), @t, @c, '+8613900000001', @arrived, @connected, @ended, @agent, @outcome)
            """);
        var connected = talkSeconds is null ? (DateTimeOffset?)null : arrived.AddSeconds(20);
        cmd.Parameters.AddWithValue("t", tenant.Value);
        cmd.Parameters.AddWithValue("c", hotline.Value);
        cmd.Parameters.AddWithValue("arrived", arrived.ToUniversalTime());
        cmd.Parameters.AddWithValue("connected", (object?)connected?.ToUniversalTime() ?? DBNull.Value);
        cmd.Parameters.AddWithValue("ended", arrived.AddSeconds(20 + (talkSeconds ?? 0)).ToUniversalTime());
        cmd.Parameters.AddWithValue("agent", talkSeconds is null ? DBNull.Value : "agent1");
        cmd.Parameters.AddWithValue("outcome", talkSeconds is null ? "abandoned" : "answered");
        await cmd.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task Answered_hotline_minutes_are_billed_at_the_telephony_rate_rounded_up_per_call_as_a_separate_line()
    {
        var jan = new DateTimeOffset(2026, 1, 12, 9, 0, 0, Cn);
        await InboundAsync(_tenant, _hotline, jan, 61);                                       // 2 minutes
        await InboundAsync(_tenant, _hotline, jan.AddHours(1), 60);                           // 1
        await InboundAsync(_tenant, _hotline, jan.AddHours(2), null);                         // abandoned in the queue: 0
        await InboundAsync(_tenant, _hotline, new DateTimeOffset(2026, 1, 31, 23, 59, 0, Cn), 125); // January in Shanghai: 3
        await InboundAsync(_tenant, _hotline, new DateTimeOffset(2026, 2, 3, 9, 0, 0, Cn), 600);    // February: not on February's statement
        await InboundAsync(_other, _otherHotline, jan, 6000);                                 // another client's hotline

        var feb = (await _accounts.IssueStatementAsync(_tenant, new CalendarMonth(2026, 2), "admin"))!;
        var inbound = Assert.Single(feb.Charges, c => c.Kind == ChargeKind.InboundTelephony);
        Assert.Equal(6m, inbound.Quantity);
        Assert.Equal(new CalendarMonth(2026, 1), inbound.Period);
        Assert.Equal(0.72m, inbound.Amount);                                                  // 6 × ¥0.12, as outbound
        Assert.Equal(6, feb.InboundMinutes);
        Assert.Equal(6L, await ScalarAsync("SELECT inbound_minutes FROM statements WHERE month = '2026-02'"));
        Assert.Equal(0, feb.TelephonyMinutes);
        Assert.Equal(10_000m + 0.72m, feb.ChargesTotal);

        var standing = (await _accounts.StandingAsync(_tenant, new DateOnly(2026, 2, 2)))!;
        Assert.Equal(20_000m + 10_000m + 0.72m, standing.Outstanding);
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var cmd = _db.DataSource.CreateCommand(sql);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }
}
