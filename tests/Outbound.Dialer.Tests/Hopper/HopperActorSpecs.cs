using Akka.Actor;
using Akka.TestKit.Xunit2;
using NodaTime;
using Outbound.Core.Campaigns;
using Outbound.Core.Tenants;
using Outbound.Data.Dialing;
using Outbound.Dialer.Hopper;
using Outbound.Dialer.Tests.Support;
using Outbound.Testing;
using Outbound.Testing.Dialing;

namespace Outbound.Dialer.Tests.Hopper;

public sealed class HopperActorSpecs : TestKit, IAsyncLifetime
{
    private readonly PgTestDatabase _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();
    async Task IAsyncLifetime.DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Two_hoppers_of_different_runs_take_disjoint_leads_and_record_their_leases()
    {
        var (tenant, campaign) = await DialingSeed.CampaignAsync(_db.DataSource, DialerFixture.AlwaysCallable);
        var ids = await DialingSeed.LeadsAsync(_db.DataSource, tenant, campaign, 40);
        var (services, _) = DialerFixture.Services(_db);
        var a = Sys.ActorOf(HopperActor.Props(campaign, tenant, "run-a", services));
        var b = Sys.ActorOf(HopperActor.Props(campaign, tenant, "run-b", services));

        var taken = new List<(string Owner, long Lead)>();
        for (var i = 0; i < 4; i++)
        {
            taken.AddRange((await a.Ask<HopperProtocol.Taken>(new HopperProtocol.Take(2 * i + 1, 6))).Leads.Select(l => ("run-a", l.Id.Value)));
            taken.AddRange((await b.Ask<HopperProtocol.Taken>(new HopperProtocol.Take(2 * i + 2, 6))).Leads.Select(l => ("run-b", l.Id.Value)));
        }
        Assert.Equal(taken.Count, taken.Select(t => t.Lead).Distinct().Count());
        Assert.All(taken, t => Assert.Contains(t.Lead, ids));
        foreach (var (owner, lead) in taken)
            Assert.Equal(owner, await DialingSeed.ScalarAsync<string>(_db.DataSource, $"SELECT lease_owner FROM leads WHERE id = {lead}"));
    }

    [Fact]
    public async Task Release_all_gives_every_buffered_lead_back()
    {
        var (tenant, campaign) = await DialingSeed.CampaignAsync(_db.DataSource, DialerFixture.AlwaysCallable);
        await DialingSeed.LeadsAsync(_db.DataSource, tenant, campaign, 30);
        var (services, _) = DialerFixture.Services(_db);
        var hopper = Sys.ActorOf(HopperActor.Props(campaign, tenant, "run", services));
        var taken = await hopper.Ask<HopperProtocol.Taken>(new HopperProtocol.Take(3, 2));
        Assert.Equal(2, taken.Leads.Count);
        var held = await DialingSeed.ScalarAsync<long>(_db.DataSource, "SELECT count(*) FROM leads WHERE lease_owner = 'run'");
        Assert.True(held > 2, "the hopper keeps a buffer beyond what was taken");

        var released = await hopper.Ask<HopperProtocol.AllReleased>(new HopperProtocol.ReleaseAll());
        Assert.Equal(held - 2, released.Count);
        Assert.Equal(2L, await DialingSeed.ScalarAsync<long>(_db.DataSource, "SELECT count(*) FROM leads WHERE lease_owner = 'run'"));
    }

    [Fact]
    public async Task A_living_hopper_renews_the_leads_its_run_holds_so_another_run_cannot_take_them_and_lets_the_rest_run_out()
    {
        var (tenant, campaign) = await DialingSeed.CampaignAsync(_db.DataSource, DialerFixture.AlwaysCallable);
        await DialingSeed.LeadsAsync(_db.DataSource, tenant, campaign, 5);
        var (services, _) = DialerFixture.Services(_db, DialerFixture.FastOptions with { LeaseFor = TimeSpan.FromSeconds(1.5), HopperSize = 4 });
        var hopper = Sys.ActorOf(HopperActor.Props(campaign, tenant, "alive", services));
        var taken = (await hopper.Ask<HopperProtocol.Taken>(new HopperProtocol.Take(1, 3))).Leads;
        Assert.Equal(3, taken.Count);
        Assert.Equal(2, (await hopper.Ask<HopperProtocol.Status>(new HopperProtocol.GetStatus())).Buffered);

        // The campaign holds two of the three it took (the third was lost track of): those and the buffer are renewed.
        var held = taken.Take(2).Select(l => l.Id).ToList();
        var other = new LeadHopper(_db.DataSource);
        for (var i = 0; i < 8; i++) // well past the lease time
        {
            hopper.Tell(new HopperProtocol.Renew(held));
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
        var freed = await other.LeaseAsync(campaign, "other", 5, DateTimeOffset.UtcNow, TimeSpan.FromSeconds(10));
        Assert.Equal(new[] { taken[2].Id.Value }, freed.Select(l => l.Id.Value).Intersect(taken.Select(l => l.Id.Value)));
        Assert.DoesNotContain(freed, l => held.Contains(l.Id));

        Sys.Stop(hopper); // a crash: no more renewals
        await DialerFixture.Eventually(async () =>
            (await other.LeaseAsync(campaign, "other", 5, DateTimeOffset.UtcNow, TimeSpan.FromSeconds(10))).Count == 4,
            TimeSpan.FromSeconds(10), "the dead run's leases expire");
    }

    [Fact]
    public async Task A_take_asked_again_is_answered_with_the_same_leads_marked_as_a_repeat()
    {
        var (tenant, campaign) = await DialingSeed.CampaignAsync(_db.DataSource, DialerFixture.AlwaysCallable);
        await DialingSeed.LeadsAsync(_db.DataSource, tenant, campaign, 30);
        var (services, _) = DialerFixture.Services(_db);
        var hopper = Sys.ActorOf(HopperActor.Props(campaign, tenant, "run", services));

        var first = await hopper.Ask<HopperProtocol.Taken>(new HopperProtocol.Take(7, 3));
        var again = await hopper.Ask<HopperProtocol.Taken>(new HopperProtocol.Take(7, 3));
        var next = await hopper.Ask<HopperProtocol.Taken>(new HopperProtocol.Take(8, 3));

        Assert.False(first.Repeat);
        Assert.True(again.Repeat);
        Assert.Equal(first.Leads.Select(l => l.Id), again.Leads.Select(l => l.Id));
        Assert.Empty(next.Leads.Select(l => l.Id).Intersect(first.Leads.Select(l => l.Id)));
    }

    [Fact]
    public async Task Leads_returned_to_the_hopper_are_handed_out_first()
    {
        var (tenant, campaign) = await DialingSeed.CampaignAsync(_db.DataSource, DialerFixture.AlwaysCallable);
        await DialingSeed.LeadsAsync(_db.DataSource, tenant, campaign, 30);
        var (services, _) = DialerFixture.Services(_db);
        var hopper = Sys.ActorOf(HopperActor.Props(campaign, tenant, "run", services));
        var late = await hopper.Ask<HopperProtocol.Taken>(new HopperProtocol.Take(1, 2));

        hopper.Tell(new HopperProtocol.Return(late.Leads));
        var next = await hopper.Ask<HopperProtocol.Taken>(new HopperProtocol.Take(2, 2));

        Assert.Equal(late.Leads.Select(l => l.Id), next.Leads.Select(l => l.Id));
    }

    /// <summary>Beijing leads first (lower ids, due first in the plain order), then as many Guangdong leads.</summary>
    private async Task<(TenantId Tenant, CampaignId Campaign, long[] Beijing, long[] Guangdong)> TwoRegionsAsync(int each)
    {
        var (tenant, campaign) = await DialingSeed.CampaignAsync(_db.DataSource, DialerFixture.AlwaysCallable);
        var beijing = await DialingSeed.LeadsAsync(_db.DataSource, tenant, campaign, each, region: "CN-11");
        var guangdong = await DialingSeed.LeadsAsync(_db.DataSource, tenant, campaign, each, firstNumber: 1000, region: "CN-44");
        return (tenant, campaign, beijing, guangdong);
    }

    /// <summary>Yesterday at this local hour (and the next, should the clock turn meanwhile) Guangdong answered 60 %, Beijing 10 %.</summary>
    private async Task GuangdongAnswersNowAsync(TenantId tenant, CampaignId campaign)
    {
        var now = DateTimeOffset.UtcNow;
        var hour = Instant.FromDateTimeOffset(now).InZone(DateTimeZoneProviders.Tzdb["Asia/Shanghai"]).Hour;
        var number = 100_000;
        foreach (var h in new[] { hour, (hour + 1) % 24 })
        {
            await DialingSeed.CallHistoryAsync(_db.DataSource, tenant, campaign, "CN-44", h, 200, 120, now - TimeSpan.FromDays(1), number += 1000);
            await DialingSeed.CallHistoryAsync(_db.DataSource, tenant, campaign, "CN-11", h, 200, 20, now - TimeSpan.FromDays(1), number += 1000);
        }
    }

    [Fact]
    public async Task The_hopper_leases_first_the_region_that_answers_best_at_its_current_local_hour()
    {
        var (tenant, campaign, _, guangdong) = await TwoRegionsAsync(20);
        await GuangdongAnswersNowAsync(tenant, campaign);
        var (services, _) = DialerFixture.Services(_db);
        var hopper = Sys.ActorOf(HopperActor.Props(campaign, tenant, "run", services));

        var taken = await hopper.Ask<HopperProtocol.Taken>(new HopperProtocol.Take(5, 10));
        Assert.Equal(guangdong[..10], taken.Leads.Select(l => l.Id.Value));
    }

    [Fact]
    public async Task Without_contact_history_the_hopper_keeps_the_plain_order()
    {
        var (tenant, campaign, beijing, _) = await TwoRegionsAsync(20);
        var (services, _) = DialerFixture.Services(_db);
        var hopper = Sys.ActorOf(HopperActor.Props(campaign, tenant, "run", services));

        var taken = await hopper.Ask<HopperProtocol.Taken>(new HopperProtocol.Take(6, 10));
        Assert.Equal(beijing[..10], taken.Leads.Select(l => l.Id.Value));
    }

    [Fact]
    public async Task The_hopper_picks_up_new_contact_history_at_its_next_refresh()
    {
        var (tenant, campaign, beijing, guangdong) = await TwoRegionsAsync(20);
        var (services, _) = DialerFixture.Services(_db, DialerFixture.FastOptions with { BestTimeRefresh = TimeSpan.FromSeconds(1) });
        var hopper = Sys.ActorOf(HopperActor.Props(campaign, tenant, "run", services));
        Assert.Equal(beijing[..5], (await hopper.Ask<HopperProtocol.Taken>(new HopperProtocol.Take(7, 5))).Leads.Select(l => l.Id.Value));

        await GuangdongAnswersNowAsync(tenant, campaign);
        await hopper.Ask<HopperProtocol.AllReleased>(new HopperProtocol.ReleaseAll());
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Equal(guangdong[..5], (await hopper.Ask<HopperProtocol.Taken>(new HopperProtocol.Take(8, 5))).Leads.Select(l => l.Id.Value));
    }

    [Fact]
    public async Task An_agents_own_callback_still_comes_before_the_preferred_region()
    {
        var (tenant, campaign, beijing, _) = await TwoRegionsAsync(5);
        await GuangdongAnswersNowAsync(tenant, campaign);
        await using (var cmd = _db.DataSource.CreateCommand(
            $"UPDATE leads SET status = 'callback', callback_agent = 'a7', next_call_at = now() - interval '1 minute' WHERE id = {beijing[^1]}"))
            await cmd.ExecuteNonQueryAsync();
        var (services, _) = DialerFixture.Services(_db);
        var hopper = Sys.ActorOf(HopperActor.Props(campaign, tenant, "run", services));

        var taken = await hopper.Ask<HopperProtocol.TakenFor>(new HopperProtocol.TakeFor("a7"));
        Assert.Equal(beijing[^1], taken.Lead?.Id.Value);
    }
}
