using Akka.Actor;
using Akka.TestKit.Xunit2;
using Outbound.Core.Acd;
using Outbound.Core.Campaigns;
using Outbound.Dialer.Agents;
using Outbound.Dialer.Campaigns;
using Outbound.Dialer.Inbound;
using Outbound.Dialer.Tests.Support;
using Outbound.Testing;
using Outbound.Testing.Dialing;

namespace Outbound.Dialer.Tests.Campaigns;

/// <summary>
/// An agent logged in to an outbound campaign and an inbound queue at once: outbound pacing counts it only while the
/// queue's load (published on the event stream) allows, so inbound comes first.
/// </summary>
public sealed class CallBlendingSpecs() : TestKit(CampaignSharding.Hocon), IAsyncLifetime
{
    private readonly PgTestDatabase _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();
    async Task IAsyncLifetime.DisposeAsync() => await _db.DisposeAsync();

    private static AcdEvents.LoadChanged Load(CampaignId queue, int waiting, double? serviceLevel) =>
        new(queue, waiting, TimeSpan.FromSeconds(waiting * 5), serviceLevel, 0, TimeSpan.FromMinutes(2));

    [Fact]
    public async Task A_blended_agent_is_dialled_for_only_while_its_queue_has_no_caller_waiting_and_a_good_service_level()
    {
        var (tenant, outbound) = await DialingSeed.CampaignAsync(_db.DataSource, DialerFixture.AlwaysCallable);
        await DialingSeed.LeadsAsync(_db.DataSource, tenant, outbound, 20);
        var inbound = CampaignId.New(); // the queue itself is played by the events below
        var (services, carrier) = DialerFixture.Services(_db, DialerFixture.FastOptions with { Blending = new BlendingPolicy(ReserveAgents: 0) });
        var region = CampaignSharding.Start(Sys, services);
        var queues = CreateTestProbe();
        var desk = CreateTestProbe();
        var session = Sys.ActorOf(AgentSessionActor.Props("blended", region, desk, services, inbound: queues));

        session.Tell(new AgentCommands.Login(outbound) { Others = [inbound], Inbound = new HashSet<CampaignId> { inbound } }, desk);
        var reply = desk.FishForMessage<AgentStateReply>(_ => true);
        Assert.Equal([outbound, inbound], reply.Campaigns);
        Assert.Equal(inbound, queues.ExpectMsg<CampaignCommands.AgentJoined>().CampaignId); // inbound messages go to the queues
        await region.Ask<CampaignReplies.CommandAccepted>(new CampaignCommands.Start(outbound), TimeSpan.FromSeconds(20));

        // Callers wait in the queue: the ready agent is kept for inbound, nothing is dialled.
        using var busyQueue = new CancellationTokenSource();
        var publishing = Publish(() => Load(inbound, waiting: 2, serviceLevel: 0.9), busyQueue.Token);
        await Task.Delay(300);
        session.Tell(new AgentCommands.Ready());
        await Task.Delay(1500);
        Assert.Empty(carrier.Placed);

        // The queue is empty but behind its service level: still nothing.
        await busyQueue.CancelAsync();
        await publishing;
        using var lowService = new CancellationTokenSource();
        publishing = Publish(() => Load(inbound, waiting: 0, serviceLevel: 0.5), lowService.Token);
        await Task.Delay(1500);
        Assert.Empty(carrier.Placed);

        // Inbound is quiet and on target: the agent is lent to outbound.
        await lowService.CancelAsync();
        await publishing;
        using var quiet = new CancellationTokenSource();
        publishing = Publish(() => Load(inbound, waiting: 0, serviceLevel: 1), quiet.Token);
        await DialerFixture.Eventually(() => Task.FromResult(carrier.Placed.Count > 0), TimeSpan.FromSeconds(10), "an outbound dial for the blended agent");
        await quiet.CancelAsync();
        await publishing;
    }

    private Task Publish(Func<AcdEvents.LoadChanged> load, CancellationToken stop) => Task.Run(async () =>
    {
        while (!stop.IsCancellationRequested)
        {
            Sys.EventStream.Publish(load());
            try { await Task.Delay(50, stop); }
            catch (OperationCanceledException) { return; }
        }
    });
}
