using Akka.Actor;
using Akka.TestKit;
using Akka.TestKit.Xunit2;
using Outbound.Core.Acd;
using Outbound.Core.Campaigns;
using Outbound.Dialer.Agents;
using Outbound.Dialer.Calls;
using Outbound.Dialer.Inbound;
using Outbound.Dialer.Tests.Support;
using Outbound.Telephony.Port;
using Outbound.Testing.Dialing;

namespace Outbound.Dialer.Tests.Inbound;

/// <summary>
/// Call control on an inbound queue call: a queue with real agent sessions (desk probes), the simulated carrier and real
/// PostgreSQL. Who hears whom is read from the carrier; the inbound call record from the database.
/// </summary>
public sealed class InboundCallControlSpecs : TestKit, IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private const string Caller = "+8613900000009";
    private InboundRig _rig = null!;
    private IActorRef _queue = null!;

    public async Task InitializeAsync()
    {
        // Numbers dialled for a transfer answer and talk for an hour.
        _rig = await InboundRig.StartAsync(carrier: DialerFixture.FastCarrier with
        {
            HumanAnswerRate = 1, MachineRate = 0, BusyRate = 0, InvalidRate = 0, CongestionRate = 0, RejectedRate = 0, TalkSecondsMean = 3600, TalkSecondsSd = 0,
        });
        var services = new AcdServices(_rig.Dialer, _rig.Calls);
        _queue = Sys.ActorOf(AcdQueueActor.Props(_rig.Campaign, _rig.Tenant, new QueuePolicy { MaxWait = TimeSpan.FromMinutes(10), AnnounceEvery = TimeSpan.Zero, WrapUp = TimeSpan.FromSeconds(60) }, services, null));
    }

    Task IAsyncLifetime.DisposeAsync() => _rig.DisposeAsync().AsTask();

    private (IActorRef Session, TestProbe Desk) ReadyAgent(string id)
    {
        var desk = CreateTestProbe();
        var session = Sys.ActorOf(AgentSessionActor.Props(id, _queue, desk, _rig.Dialer));
        session.Tell(new AgentCommands.Login(_rig.Campaign), desk);
        desk.FishForMessage(m => m is AgentStateReply, Patience);
        session.Tell(new AgentCommands.Ready());
        desk.FishForMessage(m => m is AgentEvents.StateChanged { State: AgentState.Ready }, Patience);
        return (session, desk);
    }

    private CallLegId CallerArrives(TestProbe desk)
    {
        var leg = _rig.Carrier.ArriveInbound(Caller, new ActorTelephonySink(_queue), null, TimeSpan.FromSeconds(3600));
        _queue.Tell(new AcdCommands.CallerArrived(_rig.Campaign, leg, Caller));
        desk.FishForMessage(m => m is AgentEvents.CallConnected, Patience);
        return leg;
    }

    private static void ExpectState(TestProbe desk, AgentState state) =>
        desk.FishForMessage(m => m is AgentEvents.StateChanged s && s.State == state, Patience);

    private static async Task Control(IActorRef session, CallControl.ICommand command, string? error = null) =>
        Assert.Equal(error, (await session.Ask<CallControlReply>(command, Patience)).Error);

    /// <summary>Inbound calls over (the row of a call in progress is written at its arrival).</summary>
    private Task<long> CountAsync() => _rig.CountCallsAsync("ended_at IS NOT NULL");

    /// <summary>The record as agent/disposition/outcome, once written.</summary>
    private async Task<string> RecordAsync()
    {
        await DialerFixture.Eventually(async () => await CountAsync() > 0, Patience, "the inbound call record");
        return await DialingSeed.ScalarAsync<string>(_rig.Db.DataSource, "SELECT agent || '/' || coalesce(disposition, '-') || '/' || outcome FROM inbound_calls");
    }

    [Fact]
    public async Task Hold_plays_music_to_the_caller_and_a_blind_transfer_to_a_colleague_leaves_one_record_with_the_colleague()
    {
        var (first, firstDesk) = ReadyAgent("in-1");
        var caller = CallerArrives(firstDesk);
        var firstLeg = _rig.Carrier.LegOf("in-1")!;
        Assert.Equal([firstLeg], _rig.Carrier.Hearing(caller).From);

        await Control(first, new CallControl.Hold("in-1"));
        Assert.True(_rig.Carrier.Hearing(caller).OnHold);
        Assert.Empty(_rig.Carrier.Hearing(firstLeg).From);
        firstDesk.FishForMessage(m => m is AgentEvents.CallStatusChanged { Status.Held: true }, Patience);
        await Control(first, new CallControl.Retrieve("in-1"));
        Assert.Equal([firstLeg], _rig.Carrier.Hearing(caller).From);
        await Control(first, new CallControl.Hold("someone-else"), CallControlReply.NotYourCall);

        // Ready too, but the queue has no other caller for it: only the transfer reaches it.
        var (second, secondDesk) = ReadyAgent("in-2");
        await Control(first, new CallControl.Transfer("in-1", new TransferTarget.Agent("in-2", second)));
        secondDesk.FishForMessage(m => m is AgentEvents.CallConnected, Patience);
        ExpectState(firstDesk, AgentState.AfterCallWork);
        await AwaitAssertAsync(() => Assert.Equal([_rig.Carrier.LegOf("in-2")!], _rig.Carrier.Hearing(caller).From), Patience);

        first.Tell(new AgentCommands.Disposition("first-agent"));   // the first agent's wrap-up does not close the call
        await Task.Delay(500);
        Assert.Equal(0L, await CountAsync());
        await _rig.Carrier.HangUpAsync(caller);
        ExpectState(secondDesk, AgentState.AfterCallWork);
        second.Tell(new AgentCommands.Disposition("solved"));

        Assert.Equal("in-2/solved/answered", await RecordAsync());
        Assert.Equal(1L, await CountAsync());
    }

    [Fact]
    public async Task A_blind_transfer_to_a_number_releases_the_agent_and_keeps_it_on_the_record_until_the_caller_hangs_up()
    {
        var (agent, desk) = ReadyAgent("in-1");
        var caller = CallerArrives(desk);

        await Control(agent, new CallControl.Transfer("in-1", new TransferTarget.External("+8602150009999")));
        ExpectState(desk, AgentState.AfterCallWork);
        var transferred = _rig.Carrier.Placed.Single(p => p.Request.Number == "+8602150009999");
        Assert.Equal(Caller, transferred.Request.CallerId);   // forwarded with the caller's own number
        await AwaitAssertAsync(() => Assert.Equal([transferred.Leg], _rig.Carrier.Hearing(caller).From), Patience);
        agent.Tell(new AgentCommands.Disposition("forwarded"));
        await Task.Delay(500);
        Assert.Equal(0L, await CountAsync());   // the caller still talks to the number

        await _rig.Carrier.HangUpAsync(caller);
        Assert.Equal("in-1/forwarded/answered", await RecordAsync());
        await AwaitAssertAsync(() => Assert.Equal(1, _rig.Carrier.LegsUp), Patience);   // the number was hung up with the caller: the agent's phone is left
    }

    [Fact]
    public async Task A_consult_with_a_colleague_becomes_a_conference_and_the_caller_hears_both()
    {
        var (first, firstDesk) = ReadyAgent("in-1");
        var caller = CallerArrives(firstDesk);
        var firstLeg = _rig.Carrier.LegOf("in-1")!;
        var (second, secondDesk) = ReadyAgent("in-2");

        await Control(first, new CallControl.Consult("in-1", new TransferTarget.Agent("in-2", second)));
        secondDesk.FishForMessage(m => m is AgentEvents.CallConnected, Patience);
        var secondLeg = _rig.Carrier.LegOf("in-2")!;
        await AwaitAssertAsync(() => Assert.Equal([secondLeg], _rig.Carrier.Hearing(firstLeg).From), Patience);
        Assert.True(_rig.Carrier.Hearing(caller).OnHold);

        await Control(first, new CallControl.Conference("in-1"));
        Assert.Equal([firstLeg, secondLeg], _rig.Carrier.Hearing(caller).From);

        await Control(first, new CallControl.CancelConsult("in-1"));
        ExpectState(secondDesk, AgentState.AfterCallWork);
        Assert.Equal([firstLeg], _rig.Carrier.Hearing(caller).From);
        second.Tell(new AgentCommands.Disposition("consulted"));   // the consultee's wrap-up does not close the call

        await _rig.Carrier.HangUpAsync(caller);
        ExpectState(firstDesk, AgentState.AfterCallWork);
        first.Tell(new AgentCommands.Disposition("solved"));
        Assert.Equal("in-1/solved/answered", await RecordAsync());
    }

    [Fact]
    public async Task A_supervisor_listens_to_an_inbound_call_and_intercepts_it_ending_up_as_its_agent()
    {
        var (agent, desk) = ReadyAgent("in-1");
        var caller = CallerArrives(desk);
        var agentLeg = _rig.Carrier.LegOf("in-1")!;

        await Control(agent, new CallControl.Monitor("sup", MonitorMode.Listen));
        var supervisor = _rig.Carrier.LegOf("sup")!;
        await AwaitAssertAsync(() => Assert.Equal([caller, agentLeg], _rig.Carrier.Hearing(supervisor).From), Patience);
        Assert.Equal([agentLeg], _rig.Carrier.Hearing(caller).From);

        await Control(agent, new CallControl.Intercept("sup"));
        ExpectState(desk, AgentState.AfterCallWork);
        await AwaitAssertAsync(() => Assert.Equal([supervisor], _rig.Carrier.Hearing(caller).From), Patience);
        agent.Tell(new AgentCommands.Disposition("handed-to-supervisor"));
        await Task.Delay(500);
        Assert.Equal(0L, await CountAsync());   // the caller still talks to the supervisor

        await _rig.Carrier.HangUpAsync(supervisor);
        Assert.Equal("sup/handed-to-supervisor/answered", await RecordAsync());
    }
}
