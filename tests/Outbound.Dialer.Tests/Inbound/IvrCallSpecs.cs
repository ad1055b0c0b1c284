using Outbound.Dialer.Calls;
using Akka.Actor;
using Akka.TestKit;
using Akka.TestKit.Xunit2;
using Outbound.Core.Acd;
using Outbound.Core.Campaigns;
using Outbound.Core.Ivr;
using Outbound.Data.Desk;
using Outbound.Dialer.Agents;
using Outbound.Dialer.Inbound;
using Outbound.Dialer.Tests.Support;
using Outbound.Telephony.Port;

namespace Outbound.Dialer.Tests.Inbound;

/// <summary>Callers through a campaign's IVR on the simulated carrier, into its queue or out.</summary>
public sealed class IvrCallSpecs : TestKit, IAsyncLifetime
{
    private const string Code = "hotline-ivr";
    private InboundRig _rig = null!;
    private IActorRef _directory = null!;
    private AcdServices _services = null!;

    public async Task InitializeAsync()
    {
        _rig = await InboundRig.StartAsync(code: Code);
        var tree = new IvrTree("main",
        [
            new IvrMenu("main", "welcome", new Dictionary<char, IvrAction>
            {
                ['2'] = new IvrAction.Queue(Code, Priority: 2),
                ['9'] = new IvrAction.HangUp("bye"),
            }, IvrAction.RepeatMenu, IvrAction.RepeatMenu, MaxRetries: 2),
        ]);
        var trees = new IvrTrees(_rig.Db.DataSource);
        await trees.SaveAsync(_rig.Tenant, _rig.Campaign, tree, "test", DateTimeOffset.UtcNow);
        _services = new AcdServices(_rig.Dialer, _rig.Calls, trees) { IvrInputTimeout = TimeSpan.FromMilliseconds(300) };
        _directory = Sys.ActorOf(AcdDirectoryActor.Props(_services, c => new QueuePolicy { WrapUp = TimeSpan.FromSeconds(1), AnnounceEvery = TimeSpan.Zero }));
    }

    Task IAsyncLifetime.DisposeAsync() => _rig.DisposeAsync().AsTask();

    private CallLegId Arrive(string number)
    {
        var leg = _rig.Carrier.ArriveInbound(number, new ActorTelephonySink(_directory), null, TimeSpan.FromSeconds(10));
        _directory.Tell(new AcdCommands.IvrArrived(_rig.Campaign, leg, number));
        return leg;
    }

    [Fact]
    public async Task Pressing_the_queue_key_puts_the_caller_through_to_a_ready_agent_of_the_campaign()
    {
        var desk = CreateTestProbe();
        var session = Sys.ActorOf(AgentSessionActor.Props("ivr-agent", _directory, desk, _services.Dialer));
        session.Tell(new AgentCommands.Login(_rig.Campaign), desk);
        desk.FishForMessage(m => m is AgentStateReply);
        session.Tell(new AgentCommands.Ready());
        desk.FishForMessage(m => m is AgentEvents.StateChanged { State: AgentState.Ready });

        var leg = Arrive("+8613911112222");
        await Task.Delay(500); // the tree is loaded and the welcome prompt plays
        _directory.Tell(new TelephonyEvent.DtmfReceived(leg, DateTimeOffset.UtcNow, '2'));

        desk.FishForMessage(m => m is AgentEvents.CallConnected c && c.Lead.PhoneE164 == "+8613911112222", TimeSpan.FromSeconds(5));
        desk.FishForMessage(m => m is AgentEvents.CallEnded, TimeSpan.FromSeconds(5));
        desk.LastSender.Tell(new AgentCommands.Disposition("resolved"));
        await DialerFixture.Eventually(async () => await _rig.CountCallsAsync("outcome = 'answered' AND priority = 2 AND agent = 'ivr-agent'") == 1,
            TimeSpan.FromSeconds(10), "answered through the IVR with the menu's priority");
    }

    [Fact]
    public async Task The_hang_up_key_and_a_caller_who_never_presses_a_key_both_end_in_the_ivr()
    {
        var leg = Arrive("+8613911113333");
        await Task.Delay(500);
        _directory.Tell(new TelephonyEvent.DtmfReceived(leg, DateTimeOffset.UtcNow, '9'));
        Arrive("+8613911114444"); // silent: two timeouts, then let go

        await DialerFixture.Eventually(async () => await _rig.CountCallsAsync("outcome = 'ivr_hangup' AND caller_number = '+8613911113333'") == 1,
            TimeSpan.FromSeconds(10), "hung up by the key");
        await DialerFixture.Eventually(async () => await _rig.CountCallsAsync("outcome = 'ivr_hangup' AND caller_number = '+8613911114444'") == 1,
            TimeSpan.FromSeconds(10), "let go after the retries");
        Assert.Equal(0, await _rig.CountCallsAsync("outcome = 'answered'"));
    }
}
