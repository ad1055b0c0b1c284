using System.Collections.Concurrent;
using Akka.Actor;
using Outbound.Dialer.Campaigns;
using Outbound.Dialer.Tests.Support;
using Outbound.Testing;
using Outbound.Testing.Dialing;

namespace Outbound.Dialer.Tests.Recovery;

/// <summary>A running campaign whose actor is gone (restarted empty, stopped) is woken by the node's watchdog and dials again with its agents.</summary>
public sealed class CampaignWatchdogSpecs : IAsyncLifetime
{
    private readonly PgTestDatabase _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();
    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task A_running_campaign_that_lost_its_actor_is_woken_by_the_watchdog_and_dials_again_with_its_agents()
    {
        var (tenant, campaign) = await DialingSeed.CampaignAsync(_db.DataSource, DialerFixture.AlwaysCallable);
        await DialingSeed.LeadsAsync(_db.DataSource, tenant, campaign, 500);
        await using var node = TestNode.Start(_db, DialerFixture.FastOptions with
        {
            WatchdogInterval = TimeSpan.FromSeconds(1), AgentRejoinInterval = TimeSpan.FromSeconds(1),
        });
        Assert.IsType<CampaignReplies.CommandAccepted>(await node.Region.Ask<object>(new CampaignCommands.Start(campaign), TimeSpan.FromSeconds(30)));
        var changes = new ConcurrentDictionary<string, int>();
        for (var i = 1; i <= 3; i++) node.System.ActorOf(CountingDesk.Props($"a{i}", campaign, node.Region, node.Services, changes));
        await DialerFixture.Eventually(() => Task.FromResult(node.Carrier.Placed.Count >= 5), TimeSpan.FromSeconds(30), "the campaign dials");

        // The campaign's actor dies (as after an error that restarted it empty); the database still says it is running.
        var entity = await node.System.ActorSelection($"/system/sharding/{CampaignSharding.TypeName}/*/{campaign.Value}")
            .ResolveOne(TimeSpan.FromSeconds(5));
        entity.Tell(PoisonPill.Instance);
        var killedAt = DateTimeOffset.UtcNow;

        await DialerFixture.Eventually(() => Task.FromResult(node.Carrier.Placed.Count(c => c.PlacedAt > killedAt + TimeSpan.FromSeconds(0.5)) >= 5),
            TimeSpan.FromSeconds(20), "the woken campaign dials again");
        var status = await node.Region.Ask<CampaignStatusReply>(new CampaignCommands.GetStatus(campaign), TimeSpan.FromSeconds(5));
        Assert.Equal(3, status.AgentsByState.Where(a => a.Key != Outbound.Dialer.Agents.AgentState.LoggedOut).Sum(a => a.Value));
    }
}
