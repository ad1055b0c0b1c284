using Akka.Actor;
using Outbound.Data.Dialing;
using Outbound.Dialer.Bots;
using Outbound.Dialer.Campaigns;
using Outbound.Dialer.Tests.Support;
using Outbound.Testing;
using Outbound.Testing.Dialing;

namespace Outbound.Dialer.Tests.Campaigns;

/// <summary>
/// Stops a dialer mid-campaign without a graceful stop (its carrier and its actor system die with calls in flight: the
/// calls record themselves as interrupted as their actors stop), starts a new one on the same database and checks that
/// every lead was dialled exactly once or is still callable. (A kill -9, where nothing runs any more and the next start
/// closes the calls, is in the web tests' DialerProcessFaultTests.)
/// </summary>
public sealed class CrashAndResumeSpecs : IAsyncLifetime
{
    private readonly PgTestDatabase _db = new();
    private readonly List<ActorSystem> _systems = [];

    public Task InitializeAsync() => _db.InitializeAsync();

    public async Task DisposeAsync()
    {
        foreach (var system in _systems) await system.Terminate();
        await _db.DisposeAsync();
    }

    private (ActorSystem System, IActorRef Region, DialerServices Services, Telephony.Simulated.SimulatedTelephony Carrier) Dialer(string name, int seed)
    {
        var system = ActorSystem.Create(name, CampaignSharding.Hocon);
        _systems.Add(system);
        var (services, carrier) = DialerFixture.Services(_db,
            DialerFixture.FastOptions with { LeaseFor = TimeSpan.FromSeconds(2) },
            DialerFixture.FastCarrier with { Seed = seed, HumanAnswerRate = 0.5, MachineRate = 0.1, BusyRate = 0.1 });
        var region = CampaignSharding.Start(system, services);
        return (system, region, services, carrier);
    }

    private static void Bots(ActorSystem system, IActorRef region, Core.Campaigns.CampaignId campaign, DialerServices services)
    {
        for (var i = 1; i <= 4; i++) system.ActorOf(BotAgentActor.Props($"bot{i}", campaign, region, services, DialerFixture.FastBots));
    }

    private Task<long> Count(string sql) => DialingSeed.ScalarAsync<long>(_db.DataSource, sql);

    [Fact]
    public async Task A_campaign_whose_dialer_dies_mid_run_resumes_from_postgres_with_no_lead_lost_or_dialled_twice()
    {
        const int leads = 40;
        var (tenant, campaign) = await DialingSeed.CampaignAsync(_db.DataSource, DialerFixture.AlwaysCallable);
        await DialingSeed.LeadsAsync(_db.DataSource, tenant, campaign, leads);

        var a = Dialer("dialer-a", seed: 1);
        Bots(a.System, a.Region, campaign, a.Services);
        await a.Region.Ask<CampaignReplies.CommandAccepted>(new CampaignCommands.Start(campaign), TimeSpan.FromSeconds(20));
        await DialerFixture.Eventually(() => Task.FromResult(a.Carrier.Placed.Count >= 12), TimeSpan.FromSeconds(60), "run A dials");

        // The carrier drops every call and the actor system dies without stopping the campaign.
        a.Carrier.Dispose();
        await a.System.Terminate();
        var dialledByA = a.Carrier.Placed.Select(c => c.Request.Number).ToList();

        var b = Dialer("dialer-b", seed: 2);
        Bots(b.System, b.Region, campaign, b.Services);
        Assert.Equal(1, await CampaignSharding.WakeRunningAsync(b.Region, b.Services));
        await DialerFixture.Eventually(async () =>
                await Count("SELECT count(*) FROM leads WHERE status IN ('new', 'dialing') OR lease_owner IS NOT NULL") == 0,
            TimeSpan.FromSeconds(90), "every lead settled after the restart");
        await b.Services.Records.FlushAsync();
        var dialledByB = b.Carrier.Placed.Select(c => c.Request.Number).ToList();

        // Exactly once: no number twice within a run, none dialled by both runs, none left out.
        var all = dialledByA.Concat(dialledByB).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.Empty(dialledByA.Intersect(dialledByB));
        Assert.Equal(leads, all.Count);
        // Every attempt has its record; the interrupted ones are closed as such and stay callable later.
        Assert.Equal((long)leads, await Count("SELECT count(*) FROM call_records"));
        Assert.Equal(0L, await Count("SELECT count(*) FROM leads l WHERE attempts <> (SELECT count(*) FROM call_records c WHERE c.lead_id = l.id)"));
        // Those cut before an answer are tried again later; those that reached a person count as what the person lived through.
        Assert.True(await Count("SELECT count(*) FROM call_records WHERE failure_reason = 'interrupted'") > 0);
        var unanswered = await Count("SELECT count(*) FROM call_records WHERE failure_reason = 'interrupted' AND answered_at IS NULL");
        Assert.Equal(unanswered, await Count("""
            SELECT count(*) FROM leads l JOIN call_records c ON c.lead_id = l.id
            WHERE c.failure_reason = 'interrupted' AND c.answered_at IS NULL AND c.outcome = 'Failed' AND l.status = 'retry' AND l.next_call_at > now()
            """));
        Assert.Equal(0L, await Count("SELECT count(*) FROM call_records WHERE failure_reason = 'interrupted' AND connected_at IS NOT NULL AND outcome <> 'Answered'"));
    }
}
