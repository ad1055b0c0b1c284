using Akka.Actor;
using Akka.TestKit.Xunit2;
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
            taken.AddRange((await a.Ask<HopperProtocol.Taken>(new HopperProtocol.Take(6))).Leads.Select(l => ("run-a", l.Id.Value)));
            taken.AddRange((await b.Ask<HopperProtocol.Taken>(new HopperProtocol.Take(6))).Leads.Select(l => ("run-b", l.Id.Value)));
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
        var taken = await hopper.Ask<HopperProtocol.Taken>(new HopperProtocol.Take(2));
        Assert.Equal(2, taken.Leads.Count);
        var held = await DialingSeed.ScalarAsync<long>(_db.DataSource, "SELECT count(*) FROM leads WHERE lease_owner = 'run'");
        Assert.True(held > 2, "the hopper keeps a buffer beyond what was taken");

        var released = await hopper.Ask<HopperProtocol.AllReleased>(new HopperProtocol.ReleaseAll());
        Assert.Equal(held - 2, released.Count);
        Assert.Equal(2L, await DialingSeed.ScalarAsync<long>(_db.DataSource, "SELECT count(*) FROM leads WHERE lease_owner = 'run'"));
    }

    [Fact]
    public async Task A_living_hopper_renews_its_leases_so_another_run_cannot_take_them()
    {
        var (tenant, campaign) = await DialingSeed.CampaignAsync(_db.DataSource, DialerFixture.AlwaysCallable);
        await DialingSeed.LeadsAsync(_db.DataSource, tenant, campaign, 5);
        var (services, _) = DialerFixture.Services(_db, DialerFixture.FastOptions with { LeaseFor = TimeSpan.FromSeconds(1.5) });
        var hopper = Sys.ActorOf(HopperActor.Props(campaign, tenant, "alive", services));
        Assert.Equal(5, (await hopper.Ask<HopperProtocol.Taken>(new HopperProtocol.Take(5))).Leads.Count);

        await Task.Delay(TimeSpan.FromSeconds(4)); // well past the lease time
        var other = new LeadHopper(_db.DataSource);
        Assert.Empty(await other.LeaseAsync(campaign, "other", 5, DateTimeOffset.UtcNow, TimeSpan.FromSeconds(10)));

        Sys.Stop(hopper); // a crash: no more renewals
        await DialerFixture.Eventually(async () =>
            (await other.LeaseAsync(campaign, "other", 5, DateTimeOffset.UtcNow, TimeSpan.FromSeconds(10))).Count == 5,
            TimeSpan.FromSeconds(10), "the dead run's leases expire");
    }
}
