using Akka.Actor;
using Akka.TestKit.Xunit2;
using Outbound.Core.Acd;
using Outbound.Core.Campaigns;
using Outbound.Data.Desk;
using Outbound.Dialer.Agents;
using Outbound.Dialer.Calls;
using Outbound.Dialer.Inbound;
using Outbound.Dialer.Tests.Support;
using Outbound.Testing;
using Outbound.Testing.Dialing;

namespace Outbound.Dialer.Tests.Inbound;

/// <summary>Call control is built for outbound calls; an inbound call says so at once instead of leaving the desk waiting.</summary>
public sealed class InboundCallControlSpecs : TestKit, IAsyncLifetime
{
    private readonly PgTestDatabase _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();

    async Task IAsyncLifetime.DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Hold_on_an_inbound_call_is_refused_as_not_supported_and_the_call_goes_on()
    {
        var (tenant, campaign) = await DialingSeed.CampaignAsync(_db.DataSource, DialerFixture.AlwaysCallable);
        var (dialer, carrier) = DialerFixture.Services(_db);
        var services = new AcdServices(dialer, new InboundCallLog(_db.DataSource));
        var queue = Sys.ActorOf(AcdQueueActor.Props(campaign, tenant, new QueuePolicy { MaxWait = TimeSpan.Zero, AnnounceEvery = TimeSpan.Zero }, services, null));
        var desk = CreateTestProbe();
        var session = Sys.ActorOf(AgentSessionActor.Props("in-1", queue, desk, dialer));
        session.Tell(new AgentCommands.Login(campaign), desk);
        desk.FishForMessage(m => m is AgentStateReply);
        session.Tell(new AgentCommands.Ready());
        var leg = carrier.ArriveInbound("+8613900000009", new QueueTelephonySink(queue), null, TimeSpan.FromSeconds(600));
        queue.Tell(new AcdCommands.CallerArrived(campaign, leg, "+8613900000009"));
        desk.FishForMessage(m => m is AgentEvents.CallConnected, TimeSpan.FromSeconds(10));

        var reply = await session.Ask<CallControlReply>(new CallControl.Hold("in-1"), TimeSpan.FromSeconds(5));

        Assert.Equal(CallControlReply.NotSupported, reply.Error);
        Assert.False(carrier.Hearing(leg).OnHold);
        Assert.Equal([carrier.LegOf("in-1")!], carrier.Hearing(leg).From);
    }
}
