using Akka.Actor;
using Akka.TestKit;
using Akka.TestKit.Xunit2;
using Outbound.Core.Campaigns;
using Outbound.Dialer.Agents;
using Outbound.Dialer.Calls;
using Outbound.Dialer.Campaigns;
using Outbound.Dialer.Tests.Support;
using Outbound.Telephony.Port;
using Outbound.Telephony.Simulated;
using Outbound.Testing;
using Outbound.Testing.Dialing;

namespace Outbound.Dialer.Tests.Calls;

/// <summary>
/// Call control and supervisor monitoring on a live outbound call: a campaign of one lead on a cluster of one, real agent
/// sessions (desk probes), the simulated carrier (whose customer talks for an hour) and real PostgreSQL. Who hears whom is
/// read from the carrier; the call record from the database.
/// </summary>
public sealed class CallControlSpecs() : TestKit(CampaignSharding.Hocon), IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    /// <summary>A number that rings and rings: the carrier never gives up on it by itself.</summary>
    private const string RingsOn = "+8613800138000";
    private readonly PgTestDatabase _db = new();
    private CampaignId _campaign = null!;
    private DialerServices _services = null!;
    private SimulatedTelephony _carrier = null!;
    private IActorRef _region = null!;

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        (var tenant, _campaign) = await DialingSeed.CampaignAsync(_db.DataSource, DialerFixture.AlwaysCallable with { WrapUpSeconds = 60 });
        await DialingSeed.LeadsAsync(_db.DataSource, tenant, _campaign, 1);
        (_services, _carrier) = DialerFixture.Services(_db, carrier: DialerFixture.FastCarrier with
        {
            HumanAnswerRate = 1, MachineRate = 0, BusyRate = 0, InvalidRate = 0, CongestionRate = 0, RejectedRate = 0, TalkSecondsMean = 3600, TalkSecondsSd = 0,
            UnansweredNumbers = [RingsOn],
        });
        _region = CampaignSharding.Start(Sys, _services);
    }

    async Task IAsyncLifetime.DisposeAsync() => await _db.DisposeAsync();

    private (IActorRef Session, TestProbe Desk) Agent(string id, bool ready)
    {
        var desk = CreateTestProbe();
        var session = Sys.ActorOf(AgentSessionActor.Props(id, _region, desk, _services));
        session.Ask<AgentStateReply>(new AgentCommands.Login(_campaign), Patience).Wait(Patience);
        if (ready) session.Tell(new AgentCommands.Ready());
        desk.FishForMessage(m => m is AgentEvents.StateChanged { State: var s } && s == (ready ? AgentState.Ready : AgentState.NotReady), Patience);
        return (session, desk);
    }

    private static void ExpectState(TestProbe desk, AgentState state) =>
        desk.FishForMessage(m => m is AgentEvents.StateChanged s && s.State == state, Patience);

    private async Task<CallLegId> ConnectedCallAsync(TestProbe desk)
    {
        await _region.Ask<object>(new CampaignCommands.Start(_campaign), Patience);
        desk.FishForMessage(m => m is AgentEvents.CallConnected, Patience);
        return _carrier.Placed.Single().Leg;
    }

    private static async Task Control(IActorRef session, CallControl.ICommand command, string? error = null) =>
        Assert.Equal(error, (await session.Ask<CallControlReply>(command, Patience)).Error);

    private Task<T> Scalar<T>(string sql) => DialingSeed.ScalarAsync<T>(_db.DataSource, sql);

    /// <summary>The call's record as agent/disposition/outcome/connected, once written.</summary>
    private async Task<string> RecordAsync()
    {
        await DialerFixture.Eventually(async () => await Scalar<long>("SELECT count(*) FROM call_records") > 0, Patience, "the call record");
        return await Scalar<string>("SELECT agent || '/' || coalesce(disposition, '-') || '/' || outcome || '/' || (connected_at IS NOT NULL) FROM call_records");
    }

    [Fact]
    public async Task Hold_plays_music_to_the_customer_and_a_blind_transfer_leaves_one_record_with_the_second_agent()
    {
        var (first, firstDesk) = Agent("a1", ready: true);
        var customer = await ConnectedCallAsync(firstDesk);
        var firstLeg = _carrier.LegOf("a1")!;
        Assert.Equal([firstLeg], _carrier.Hearing(customer).From);

        await Control(first, new CallControl.Hold("a1"));
        Assert.Equal("music-on-hold", _carrier.Hearing(customer).Music);
        Assert.Empty(_carrier.Hearing(firstLeg).From);
        firstDesk.FishForMessage(m => m is AgentEvents.CallStatusChanged { Status.Held: true }, Patience);
        await Control(first, new CallControl.Retrieve("a1"));
        Assert.Equal([firstLeg], _carrier.Hearing(customer).From);
        await Control(first, new CallControl.Hold("someone-else"), CallControlReply.NotYourCall);

        var (second, secondDesk) = Agent("a2", ready: true);
        await Control(first, new CallControl.Transfer("a1", new TransferTarget.Agent("a2", second)));
        secondDesk.FishForMessage(m => m is AgentEvents.CallConnected, Patience);
        ExpectState(firstDesk, AgentState.AfterCallWork);
        await AwaitAssertAsync(() => Assert.Equal([_carrier.LegOf("a2")!], _carrier.Hearing(customer).From), Patience);

        first.Tell(new AgentCommands.Disposition("first-agent"));   // the first agent's wrap-up does not close the call
        await _carrier.HangUpAsync(customer);
        ExpectState(secondDesk, AgentState.AfterCallWork);
        second.Tell(new AgentCommands.Disposition("sale"));

        Assert.Equal("a2/sale/Answered/true", await RecordAsync());
        Assert.Equal(1L, await Scalar<long>("SELECT count(*) FROM call_records"));
        Assert.Equal("normal", await Scalar<string>("SELECT hangup_cause FROM call_records")); // the test hangs up from our side
    }

    [Fact]
    public async Task Answered_call_whose_sip_session_expired_is_recorded_with_that_cause()
    {
        var (agent, desk) = Agent("a1", ready: true);
        var customer = await ConnectedCallAsync(desk);

        // What the Sip adapter reports when nobody refreshed the session in time (RFC 4028).
        await _carrier.HangUpAsync(customer, HangupCause.SessionExpired);
        ExpectState(desk, AgentState.AfterCallWork);
        agent.Tell(new AgentCommands.Disposition("no-contact"));

        await RecordAsync();
        Assert.Equal("session_expired", await Scalar<string>("SELECT hangup_cause FROM call_records"));
    }

    [Fact]
    public async Task A_supervisor_listens_whispers_barges_in_and_force_releases_the_call()
    {
        var (agent, desk) = Agent("a1", ready: true);
        var customer = await ConnectedCallAsync(desk);
        var agentLeg = _carrier.LegOf("a1")!;

        await Control(agent, new CallControl.Monitor("sup", MonitorMode.Listen));
        var supervisor = _carrier.LegOf("sup")!;
        await AwaitAssertAsync(() => Assert.Equal([customer, agentLeg], _carrier.Hearing(supervisor).From), Patience);
        Assert.Equal([agentLeg], _carrier.Hearing(customer).From);
        Assert.Equal([customer], _carrier.Hearing(agentLeg).From);
        await Control(agent, new CallControl.Monitor("other-supervisor", MonitorMode.Listen), CallControlReply.Busy);

        await Control(agent, new CallControl.Monitor("sup", MonitorMode.Whisper));
        Assert.Equal([customer, supervisor], _carrier.Hearing(agentLeg).From);
        Assert.Equal([agentLeg], _carrier.Hearing(customer).From);

        await Control(agent, new CallControl.Monitor("sup", MonitorMode.Barge));
        Assert.Equal([agentLeg, supervisor], _carrier.Hearing(customer).From);

        await Control(agent, new CallControl.ForceRelease("sup"));
        ExpectState(desk, AgentState.AfterCallWork);
        await AwaitAssertAsync(() => Assert.Null(_carrier.LegOf("sup")), Patience);   // the supervisor's phone left with the call
        agent.Tell(new AgentCommands.Disposition("released"));
        Assert.Equal("a1/released/Answered/true", await RecordAsync());
    }

    [Fact]
    public async Task A_consult_turns_into_a_conference_and_the_intercepting_supervisor_ends_up_with_the_call()
    {
        var (first, firstDesk) = Agent("a1", ready: true);
        var customer = await ConnectedCallAsync(firstDesk);
        var firstLeg = _carrier.LegOf("a1")!;
        var (second, secondDesk) = Agent("a2", ready: true);

        await Control(first, new CallControl.Consult("a1", new TransferTarget.Agent("a2", second)));
        secondDesk.FishForMessage(m => m is AgentEvents.CallConnected, Patience);
        var secondLeg = _carrier.LegOf("a2")!;
        await AwaitAssertAsync(() => Assert.Equal([secondLeg], _carrier.Hearing(firstLeg).From), Patience);
        Assert.True(_carrier.Hearing(customer).OnHold);

        await Control(first, new CallControl.Conference("a1"));
        Assert.Equal([firstLeg, secondLeg], _carrier.Hearing(customer).From);
        Assert.Equal([customer, secondLeg], _carrier.Hearing(firstLeg).From);

        await Control(first, new CallControl.Intercept("sup"));
        ExpectState(firstDesk, AgentState.AfterCallWork);
        ExpectState(secondDesk, AgentState.AfterCallWork);
        var supervisor = _carrier.LegOf("sup")!;
        await AwaitAssertAsync(() => Assert.Equal([supervisor], _carrier.Hearing(customer).From), Patience);

        first.Tell(new AgentCommands.Disposition("handed-to-supervisor"));
        await Task.Delay(500);
        Assert.Equal(0L, await Scalar<long>("SELECT count(*) FROM call_records"));   // the customer still talks to the supervisor
        await _carrier.HangUpAsync(supervisor);
        Assert.Equal("sup/handed-to-supervisor/Answered/true", await RecordAsync());
    }

    [Fact]
    public async Task A_consult_to_a_number_can_be_cancelled_and_a_blind_transfer_to_it_keeps_the_agent_on_the_record()
    {
        var (agent, desk) = Agent("a1", ready: true);
        var customer = await ConnectedCallAsync(desk);
        var agentLeg = _carrier.LegOf("a1")!;

        await Control(agent, new CallControl.Consult("a1", new TransferTarget.External("+8602150001234")));
        desk.FishForMessage(m => m is AgentEvents.CallStatusChanged { Status: { ConsultWith: "+8602150001234", ConsultUp: true } }, Patience);
        var number = _carrier.Placed.Single(p => p.Request.Number == "+8602150001234").Leg;
        Assert.Equal([number], _carrier.Hearing(agentLeg).From);
        Assert.True(_carrier.Hearing(customer).OnHold);
        await Control(agent, new CallControl.CancelConsult("a1"));
        Assert.Equal([agentLeg], _carrier.Hearing(customer).From);
        await AwaitAssertAsync(() => Assert.Equal(2, _carrier.LegsUp), Patience);   // the number was hung up: customer and agent phone left

        await Control(agent, new CallControl.Transfer("a1", new TransferTarget.External("+8602150009999")));
        ExpectState(desk, AgentState.AfterCallWork);
        var transferred = _carrier.Placed.Single(p => p.Request.Number == "+8602150009999").Leg;
        await AwaitAssertAsync(() => Assert.Equal([transferred], _carrier.Hearing(customer).From), Patience);
        agent.Tell(new AgentCommands.Disposition("transferred"));
        await Task.Delay(500);
        Assert.Equal(0L, await Scalar<long>("SELECT count(*) FROM call_records"));   // the customer still talks to the number

        await _carrier.HangUpAsync(customer);
        Assert.Equal("a1/transferred/Answered/true", await RecordAsync());
        await AwaitAssertAsync(() => Assert.Equal(1, _carrier.LegsUp), Patience);   // the number was hung up with the customer
    }

    [Fact]
    public async Task The_agent_hangs_up_the_customer_and_the_call_is_recorded_with_the_result_saved_during_it()
    {
        var (agent, desk) = Agent("a1", ready: true);
        var customer = await ConnectedCallAsync(desk);
        Assert.Equal(AgentCommandReply.Done, await agent.Ask<AgentCommandReply>(new AgentCommands.SaveResult("promise_to_pay"), Patience));
        Assert.Equal(AgentCommandReply.Done, await agent.Ask<AgentCommandReply>(new AgentCommands.HangUp(), Patience));
        ExpectState(desk, AgentState.AfterCallWork);
        await AwaitAssertAsync(() => Assert.Equal(1, _carrier.LegsUp), Patience); // only the agent's phone is left

        Assert.Equal(AgentCommandReply.Done, await agent.Ask<AgentCommandReply>(new AgentCommands.Ready(), Patience));
        Assert.Equal("a1/promise_to_pay/Answered/true", await RecordAsync());
    }

    [Fact]
    public async Task A_consult_to_a_number_that_keeps_ringing_is_given_up_after_the_ring_timeout_and_the_customer_is_taken_off_hold()
    {
        var (agent, desk) = Agent("a1", ready: true);
        var customer = await ConnectedCallAsync(desk);
        var agentLeg = _carrier.LegOf("a1")!;

        await Control(agent, new CallControl.Consult("a1", new TransferTarget.External(RingsOn)));
        desk.FishForMessage(m => m is AgentEvents.CallStatusChanged { Status: { ConsultWith: RingsOn, ConsultUp: false } }, Patience);
        Assert.True(_carrier.Hearing(customer).OnHold);
        // ConsultRingTimeout (2 s here) passes without an answer: given up by the dialer itself, customer back with the agent.
        desk.FishForMessage(m => m is AgentEvents.CallStatusChanged { Status: { ConsultWith: null, Held: false, Notice: CallControlStatus.TargetNoAnswer } },
            Patience);
        Assert.False(_carrier.Hearing(customer).OnHold);
        Assert.Equal([agentLeg], _carrier.Hearing(customer).From);
        await AwaitAssertAsync(() => Assert.Equal(2, _carrier.LegsUp), Patience); // the ringing number was hung up
        var state = await agent.Ask<AgentStateReply>(new AgentCommands.GetState(), Patience);
        Assert.Equal(Core.Desk.DeskState.Talking, state.Desk.State);
    }

    [Fact]
    public async Task A_ringing_consult_to_a_number_can_be_cancelled_by_the_agent()
    {
        var (agent, desk) = Agent("a1", ready: true);
        var customer = await ConnectedCallAsync(desk);
        await Control(agent, new CallControl.Transfer("a1", new TransferTarget.External(RingsOn)));
        desk.FishForMessage(m => m is AgentEvents.CallStatusChanged { Status: { ConsultWith: RingsOn, ConsultUp: false } }, Patience);
        await Control(agent, new CallControl.Hold("a1"), CallControlReply.Busy); // one thing at a time
        await Control(agent, new CallControl.CancelConsult("a1"));
        Assert.False(_carrier.Hearing(customer).OnHold);
        await AwaitAssertAsync(() => Assert.Equal(2, _carrier.LegsUp), Patience);
    }
}
