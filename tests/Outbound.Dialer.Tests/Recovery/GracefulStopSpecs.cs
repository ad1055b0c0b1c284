using System.Collections.Concurrent;
using Akka.Actor;
using Microsoft.Extensions.Logging.Abstractions;
using Outbound.Dialer.Agents;
using Outbound.Dialer.Campaigns;
using Outbound.Dialer.Recovery;
using Outbound.Dialer.Tests.Support;
using Outbound.Telephony.Simulated;
using Outbound.Testing;
using Outbound.Testing.Dialing;

namespace Outbound.Dialer.Tests.Recovery;

/// <summary>A graceful stop with conversations that outlast the drain: nothing new is dialled, and what is still live is closed as interrupted with its real state.</summary>
public sealed class GracefulStopSpecs : IAsyncLifetime
{
    private readonly PgTestDatabase _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();
    public Task DisposeAsync() => _db.DisposeAsync();

    private Task<T> Scalar<T>(string sql) => DialingSeed.ScalarAsync<T>(_db.DataSource, sql);

    [Fact]
    public async Task Calls_still_live_at_the_end_of_the_drain_are_closed_as_interrupted_with_their_agent_and_nothing_is_left_dialing()
    {
        var (tenant, campaign) = await DialingSeed.CampaignAsync(_db.DataSource, DialerFixture.AlwaysCallable);
        await DialingSeed.LeadsAsync(_db.DataSource, tenant, campaign, 50);
        // Everyone answers and talks for a minute: longer than the drain.
        var longTalks = new SimulatedCarrierOptions
        {
            Seed = 3, HumanAnswerRate = 1, MachineRate = 0, BusyRate = 0, InvalidRate = 0, CongestionRate = 0, RejectedRate = 0,
            AmdFalsePositiveRate = 0, RingSecondsMin = 0.3, RingSecondsMax = 0.6, TalkSecondsMean = 60, TalkSecondsSd = 0,
        };
        await using var node = TestNode.Start(_db, DialerFixture.FastOptions with { DrainTimeout = TimeSpan.FromSeconds(2) }, longTalks);
        Assert.IsType<CampaignReplies.CommandAccepted>(await node.Region.Ask<object>(new CampaignCommands.Start(campaign), TimeSpan.FromSeconds(30)));
        var changes = new ConcurrentDictionary<string, int>();
        for (var i = 1; i <= 3; i++) node.System.ActorOf(CountingDesk.Props($"a{i}", campaign, node.Region, node.Services, changes));
        await DialerFixture.Eventually(async () =>
            (await node.Region.Ask<CampaignStatusReply>(new CampaignCommands.GetStatus(campaign), TimeSpan.FromSeconds(5))).AgentsByState[AgentState.OnCall] == 3,
            TimeSpan.FromSeconds(30), "three agents talking");

        await new GracefulStop(node.System, node.Services, node.Runs, NullLogger<GracefulStop>.Instance).RunAsync();

        Assert.Equal(0, node.Services.Live.Count);
        Assert.Equal(0L, await Scalar<long>("SELECT count(*) FROM leads WHERE status = 'dialing' OR lease_expires_at > now()"));
        Assert.Equal(0L, await Scalar<long>("SELECT count(*) FROM calls_in_flight"));
        Assert.Equal(3L, await Scalar<long>("""
            SELECT count(*) FROM call_records
            WHERE outcome = 'Answered' AND failure_reason = 'interrupted' AND agent LIKE 'a_' AND connected_at IS NOT NULL
            """));
        Assert.Equal(node.Carrier.Placed.Count, await Scalar<long>("SELECT count(*) FROM call_records"));
        await DialerFixture.Eventually(async () =>
        {
            await node.Records.FlushAsync();
            return await Scalar<long>("SELECT count(*) FROM agent_sessions WHERE logout_reason = 'shutdown'") == 3;
        }, TimeSpan.FromSeconds(10), "the agents logged out by the stop");
        Assert.Equal("stopped", await Scalar<string>($"SELECT end_reason FROM dialer_runs WHERE id = '{node.Services.Run.Id}'"));
        Assert.Equal("running", await Scalar<string>($"SELECT status FROM campaigns WHERE id = '{campaign.Value}'")); // the next start resumes it
    }
}
