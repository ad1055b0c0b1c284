using Akka.Actor;
using Akka.TestKit;
using Akka.TestKit.Xunit2;
using Outbound.Core.Acd;
using Outbound.Core.Campaigns;
using Outbound.Core.Ivr;
using Outbound.Core.Tenants;
using Outbound.Data.Desk;
using Outbound.Dialer.Agents;
using Outbound.Dialer.Inbound;
using Outbound.Dialer.Tests.Support;
using Outbound.Telephony.Port;
using Outbound.Telephony.Simulated;
using Outbound.Testing;
using Outbound.Testing.Dialing;

namespace Outbound.Dialer.Tests.Inbound;

/// <summary>Callers through a campaign's IVR on the simulated carrier, into its queue or out.</summary>
public sealed class IvrCallSpecs : TestKit, IAsyncLifetime
{
    private const string Code = "hotline-ivr";
    private readonly PgTestDatabase _db = new();
    private TenantId _tenant = null!;
    private CampaignId _campaign = null!;
    private SimulatedTelephony _carrier = null!;
    private IActorRef _directory = null!;
    private AcdServices _services = null!;

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        (_tenant, _campaign) = await DialingSeed.CampaignAsync(_db.DataSource, DialerFixture.AlwaysCallable, code: Code);
        var tree = new IvrTree("main",
        [
            new IvrMenu("main", "welcome", new Dictionary<char, IvrAction>
            {
                ['2'] = new IvrAction.Queue(Code, Priority: 2),
                ['9'] = new IvrAction.HangUp("bye"),
            }, IvrAction.RepeatMenu, IvrAction.RepeatMenu, MaxRetries: 2),
        ]);
        var trees = new IvrTrees(_db.DataSource);
        await trees.SaveAsync(_tenant, _campaign, tree, "test", DateTimeOffset.UtcNow);
        var (dialer, carrier) = DialerFixture.Services(_db);
        _carrier = carrier;
        _services = new AcdServices(dialer, new InboundCallLog(_db.DataSource), trees) { IvrInputTimeout = TimeSpan.FromMilliseconds(300) };
        _directory = Sys.ActorOf(AcdDirectoryActor.Props(_services, c => new QueuePolicy { WrapUp = TimeSpan.FromSeconds(1), AnnounceEvery = TimeSpan.Zero }));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        _carrier.Dispose();
        await _db.DisposeAsync();
    }

    private CallLegId Arrive(string number)
    {
        var leg = _carrier.ArriveInbound(number, new QueueTelephonySink(_directory), null, TimeSpan.FromSeconds(10));
        _directory.Tell(new AcdCommands.IvrArrived(_campaign, leg, number));
        return leg;
    }

    private Task<long> Count(string where) => DialingSeed.ScalarAsync<long>(_db.DataSource, $"SELECT count(*) FROM inbound_calls WHERE {where}");

    [Fact]
    public async Task Pressing_the_queue_key_puts_the_caller_through_to_a_ready_agent_of_the_campaign()
    {
        var desk = CreateTestProbe();
        var session = Sys.ActorOf(AgentSessionActor.Props("ivr-agent", _directory, desk, _services.Dialer));
        session.Tell(new AgentCommands.Login(_campaign), desk);
        desk.FishForMessage(m => m is AgentStateReply);
        session.Tell(new AgentCommands.Ready());
        desk.FishForMessage(m => m is AgentEvents.StateChanged { State: AgentState.Ready });

        var leg = Arrive("+8613911112222");
        await Task.Delay(500); // the tree is loaded and the welcome prompt plays
        _directory.Tell(new TelephonyEvent.DtmfReceived(leg, DateTimeOffset.UtcNow, '2'));

        desk.FishForMessage(m => m is AgentEvents.CallConnected c && c.Lead.PhoneE164 == "+8613911112222", TimeSpan.FromSeconds(5));
        desk.FishForMessage(m => m is AgentEvents.CallEnded, TimeSpan.FromSeconds(5));
        desk.LastSender.Tell(new AgentCommands.Disposition("resolved"));
        await DialerFixture.Eventually(async () => await Count("outcome = 'answered' AND priority = 2 AND agent = 'ivr-agent'") == 1,
            TimeSpan.FromSeconds(10), "answered through the IVR with the menu's priority");
    }

    [Fact]
    public async Task The_hang_up_key_and_a_caller_who_never_presses_a_key_both_end_in_the_ivr()
    {
        var leg = Arrive("+8613911113333");
        await Task.Delay(500);
        _directory.Tell(new TelephonyEvent.DtmfReceived(leg, DateTimeOffset.UtcNow, '9'));
        Arrive("+8613911114444"); // silent: two timeouts, then let go

        await DialerFixture.Eventually(async () => await Count("outcome = 'ivr_hangup' AND caller_number = '+8613911113333'") == 1,
            TimeSpan.FromSeconds(10), "hung up by the key");
        await DialerFixture.Eventually(async () => await Count("outcome = 'ivr_hangup' AND caller_number = '+8613911114444'") == 1,
            TimeSpan.FromSeconds(10), "let go after the retries");
        Assert.Equal(0, await Count("outcome = 'answered'"));
    }
}
