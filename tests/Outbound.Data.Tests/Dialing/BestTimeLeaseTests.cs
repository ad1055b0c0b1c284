using NodaTime;
using Outbound.Core.Leads;
using Outbound.Data.Dialing;
using Outbound.Testing;
using Outbound.Testing.Dialing;

namespace Outbound.Data.Tests.Dialing;

/// <summary>Best time to call: the hopper leases first the regions that answer best at their current local hour.</summary>
public sealed class BestTimeLeaseTests : IAsyncLifetime
{
    private readonly PgTestDatabase _db = new();
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 4, 0, 0, TimeSpan.Zero); // 12:00 in Beijing
    private static readonly RegionZone Guangdong = new("CN-44", "Asia/Shanghai");

    public Task InitializeAsync() => _db.InitializeAsync();
    public Task DisposeAsync() => _db.DisposeAsync();

    private LeadHopper Hopper => new(_db.DataSource);

    /// <summary>20 callable Beijing leads (the lower ids, due first in the plain order), then 20 callable Guangdong leads.</summary>
    private async Task<(Core.Tenants.TenantId Tenant, Core.Campaigns.CampaignId Campaign, long[] Beijing, long[] Guangdong)> CampaignAsync()
    {
        var (tenant, campaign) = await DialingSeed.CampaignAsync(_db.DataSource);
        var beijing = await DialingSeed.LeadsAsync(_db.DataSource, tenant, campaign, 20, region: "CN-11");
        var guangdong = await DialingSeed.LeadsAsync(_db.DataSource, tenant, campaign, 20, firstNumber: 1000, region: "CN-44");
        return (tenant, campaign, beijing, guangdong);
    }

    /// <summary>At noon last week Guangdong answered 60 %, Beijing 10 %.</summary>
    private async Task NoonHistoryAsync(Core.Tenants.TenantId tenant, Core.Campaigns.CampaignId campaign)
    {
        var lastWeek = Now - TimeSpan.FromDays(7);
        await DialingSeed.CallHistoryAsync(_db.DataSource, tenant, campaign, "CN-44", 12, 200, 120, lastWeek, firstNumber: 100_000);
        await DialingSeed.CallHistoryAsync(_db.DataSource, tenant, campaign, "CN-11", 12, 200, 20, lastWeek, firstNumber: 200_000);
    }

    private async Task<IReadOnlySet<RegionZone>> PreferredNowAsync(Core.Campaigns.CampaignId campaign, DateTimeOffset now) =>
        BestTimeToCall.PreferredNow(await Hopper.ContactHistoryAsync(campaign, now - TimeSpan.FromDays(14)), Instant.FromDateTimeOffset(now));

    [Fact]
    public async Task The_region_that_answers_best_at_this_hour_is_leased_first()
    {
        var (tenant, campaign, _, guangdong) = await CampaignAsync();
        await NoonHistoryAsync(tenant, campaign);

        var preferred = await PreferredNowAsync(campaign, Now);
        Assert.Equal([Guangdong], preferred);
        var leased = await Hopper.LeaseAsync(campaign, "run", 10, Now, Lease, preferred: preferred);
        Assert.Equal(guangdong[..10], leased.Select(l => l.Id.Value));
        Assert.All(leased, l => Assert.Equal("CN-44", l.Region));
    }

    [Fact]
    public async Task Without_history_the_lease_order_is_unchanged()
    {
        var (_, campaign, beijing, _) = await CampaignAsync();

        var preferred = await PreferredNowAsync(campaign, Now);
        Assert.Empty(preferred);
        var leased = await Hopper.LeaseAsync(campaign, "run", 10, Now, Lease, preferred: preferred);
        Assert.Equal(beijing[..10], leased.Select(l => l.Id.Value));
    }

    [Fact]
    public async Task At_an_hour_without_a_better_region_the_lease_order_is_unchanged()
    {
        var (tenant, campaign, beijing, _) = await CampaignAsync();
        await NoonHistoryAsync(tenant, campaign);
        var evening = Now + TimeSpan.FromHours(6);

        Assert.Empty(await PreferredNowAsync(campaign, evening));
        var leased = await Hopper.LeaseAsync(campaign, "run", 10, evening, Lease, preferred: await PreferredNowAsync(campaign, evening));
        Assert.Equal(beijing[..10], leased.Select(l => l.Id.Value));
    }

    [Fact]
    public async Task Callbacks_still_come_before_the_preferred_region()
    {
        var (tenant, campaign, beijing, guangdong) = await CampaignAsync();
        await NoonHistoryAsync(tenant, campaign);
        var callback = beijing[^1];
        await using (var cmd = _db.DataSource.CreateCommand($"UPDATE leads SET status = 'callback', next_call_at = '2026-03-04T03:00Z' WHERE id = {callback}"))
            await cmd.ExecuteNonQueryAsync();

        var leased = await Hopper.LeaseAsync(campaign, "run", 5, Now, Lease, preferred: await PreferredNowAsync(campaign, Now));
        Assert.Equal(guangdong[..4].Append(callback).Order(), leased.Select(l => l.Id.Value)); // a lease comes back in id order
    }

    [Fact]
    public async Task Concurrent_runs_preferring_a_region_never_lease_the_same_lead()
    {
        var (_, campaign, beijing, guangdong) = await CampaignAsync();
        IReadOnlySet<RegionZone> preferred = new HashSet<RegionZone> { Guangdong };
        var held = await Hopper.LeaseAsync(campaign, "holder", 3, Now, Lease, preferred: preferred); // still leased: skipped by all
        var runs = Enumerable.Range(0, 4).Select(async run =>
        {
            var mine = new List<long>();
            while (true)
            {
                var leased = await Hopper.LeaseAsync(campaign, "run" + run, 3, Now, Lease, preferred: preferred);
                if (leased.Count == 0) return mine;
                mine.AddRange(leased.Select(l => l.Id.Value));
            }
        }).ToList();
        var taken = (await Task.WhenAll(runs)).SelectMany(m => m).ToList();

        Assert.Equal(taken.Count, taken.Distinct().Count());
        Assert.Equal(beijing.Concat(guangdong).Except(held.Select(l => l.Id.Value)).Order(), taken.Order());
    }

    [Fact]
    public async Task The_preferred_region_is_leased_first_from_due_retries_and_new_leads_and_never_its_future_retries()
    {
        var (_, campaign, beijing, guangdong) = await CampaignAsync();
        IReadOnlySet<RegionZone> preferred = new HashSet<RegionZone> { Guangdong };
        await using (var cmd = _db.DataSource.CreateCommand($"""
            UPDATE leads SET status = 'retry', next_call_at = '2026-03-04T05:00Z' WHERE id IN ({guangdong[0]}, {guangdong[1]});
            UPDATE leads SET status = 'retry', next_call_at = '2026-03-04T03:00Z' WHERE id IN ({guangdong[19]}, {beijing[19]});
            """))
            await cmd.ExecuteNonQueryAsync();

        var first = await Hopper.LeaseAsync(campaign, "run", 3, Now, Lease, preferred: preferred);
        var next = await Hopper.LeaseAsync(campaign, "run", 17, Now, Lease, preferred: preferred);
        var then = await Hopper.LeaseAsync(campaign, "run", 2, Now, Lease, preferred: preferred);

        Assert.Equal(new[] { guangdong[19], guangdong[2], guangdong[3] }.Order(), first.Select(l => l.Id.Value)); // the due retry first
        Assert.Equal(guangdong[4..19], next.Where(l => l.Region == "CN-44").Select(l => l.Id.Value));
        Assert.Equal([beijing[0], beijing[19]], next.Where(l => l.Region == "CN-11").Select(l => l.Id.Value)); // then the plain order
        Assert.Equal(beijing[1..3], then.Select(l => l.Id.Value));
    }

    [Fact]
    public async Task Contact_history_counts_this_campaigns_recent_dials_per_region_zone_and_hour()
    {
        var (tenant, campaign, _, _) = await CampaignAsync();
        await NoonHistoryAsync(tenant, campaign);
        await DialingSeed.CallHistoryAsync(_db.DataSource, tenant, campaign, "CN-44", 12, 50, 50, Now - TimeSpan.FromDays(20), firstNumber: 300_000);
        await DialingSeed.CallHistoryAsync(_db.DataSource, tenant, campaign, "US", 19, 10, 4, Now - TimeSpan.FromDays(1), firstNumber: 400_000,
            timeZone: "America/New_York");
        var (otherTenant, other) = await DialingSeed.CampaignAsync(_db.DataSource, code: "other-campaign");
        await DialingSeed.CallHistoryAsync(_db.DataSource, otherTenant, other, "CN-44", 12, 30, 30, Now - TimeSpan.FromDays(1), firstNumber: 500_000);
        // An abandoned call reached a human; a machine did not.
        await using (var cmd = _db.DataSource.CreateCommand($"""
            UPDATE call_records SET outcome = 'Abandoned' WHERE phone_e164 = '+8613800200200';
            UPDATE call_records SET outcome = 'Machine' WHERE phone_e164 = '+8613800400001';
            """))
            await cmd.ExecuteNonQueryAsync();

        var history = await Hopper.ContactHistoryAsync(campaign, Now - TimeSpan.FromDays(14));
        Assert.Equal(
            [new("CN-11", "Asia/Shanghai", 12, 200, 21), new("CN-44", "Asia/Shanghai", 12, 200, 120), new("US", "America/New_York", 19, 10, 3)],
            history.OrderBy(h => h.Region));
    }
}
