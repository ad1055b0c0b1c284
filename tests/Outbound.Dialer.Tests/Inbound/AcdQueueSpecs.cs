using Outbound.Dialer.Calls;
using Akka.Actor;
using Akka.TestKit;
using Akka.TestKit.Xunit2;
using Outbound.Core.Acd;
using Outbound.Core.Campaigns;
using Outbound.Dialer.Agents;
using Outbound.Dialer.Campaigns;
using Outbound.Dialer.Inbound;
using Outbound.Dialer.Tests.Support;
using Outbound.Testing.Dialing;

namespace Outbound.Dialer.Tests.Inbound;

/// <summary>Inbound queues with real agent sessions (or probes standing in for unresponsive desks) on the simulated carrier.</summary>
public sealed class AcdQueueSpecs : TestKit, IAsyncLifetime
{
    private static readonly QueuePolicy Fast = new()
    {
        WrapUp = TimeSpan.FromSeconds(1.5),
        OfferTimeout = TimeSpan.FromMilliseconds(400),
        NoAnswerDelay = TimeSpan.FromSeconds(1.5),
        RejectDelay = TimeSpan.FromSeconds(1.5),
        MaxNoAnswer = 2,
        MaxWait = TimeSpan.Zero,
        AnnounceEvery = TimeSpan.Zero,
        TierEscalationStep = TimeSpan.Zero,
    };

    private InboundRig _rig = null!;
    private AcdServices _services = null!;

    public async Task InitializeAsync()
    {
        _rig = await InboundRig.StartAsync();
        _services = new AcdServices(_rig.Dialer, _rig.Calls);
    }

    Task IAsyncLifetime.DisposeAsync() => _rig.DisposeAsync().AsTask();

    private IActorRef Queue(QueuePolicy policy, CampaignId? campaign = null, IActorRef? overflowTo = null) =>
        Sys.ActorOf(AcdQueueActor.Props(campaign ?? _rig.Campaign, _rig.Tenant, policy, _services, overflowTo));

    /// <summary>A real agent session logged in to the queue and made ready; its desk is the returned probe.</summary>
    private TestProbe ReadyAgent(IActorRef queue, string agentId, CampaignId? campaign = null)
    {
        var desk = CreateTestProbe();
        var session = Sys.ActorOf(AgentSessionActor.Props(agentId, queue, desk, _services.Dialer));
        session.Tell(new AgentCommands.Login(campaign ?? _rig.Campaign), desk);
        desk.FishForMessage(m => m is AgentStateReply);
        session.Tell(new AgentCommands.Ready());
        desk.FishForMessage(m => m is AgentEvents.StateChanged { State: AgentState.Ready });
        return desk;
    }

    /// <summary>A probe standing in for a session that never answers offers (or answers as told).</summary>
    private TestProbe ProbeAgent(IActorRef queue, string agentId)
    {
        var session = CreateTestProbe();
        queue.Tell(new CampaignCommands.AgentJoined(_rig.Campaign, agentId, session));
        queue.Tell(new CampaignCommands.AgentStateChanged(_rig.Campaign, agentId, AgentState.Ready, DateTimeOffset.UtcNow));
        return session;
    }

    private void Call(IActorRef queue, string number, TimeSpan? patience = null, TimeSpan? talk = null, int priority = 0, CampaignId? campaign = null)
    {
        var leg = _rig.Carrier.ArriveInbound(number, new ActorTelephonySink(queue), patience, talk ?? TimeSpan.FromSeconds(20));
        queue.Tell(new AcdCommands.CallerArrived(campaign ?? _rig.Campaign, leg, number, priority));
    }

    private Task Eventually(string where, string what) =>
        DialerFixture.Eventually(async () => await _rig.CountCallsAsync(where) > 0, TimeSpan.FromSeconds(10), what);

    [Fact]
    public async Task A_caller_goes_to_the_longest_idle_agent_who_dispositions_and_the_call_is_recorded_answered()
    {
        var queue = Queue(Fast);
        var first = ReadyAgent(queue, "idle-longest");
        await Task.Delay(200);
        var second = ReadyAgent(queue, "idle-shorter");

        Call(queue, "+8613900000001", talk: TimeSpan.FromSeconds(10));

        first.FishForMessage(m => m is AgentEvents.CallConnected c && c.Lead.PhoneE164 == "+8613900000001", TimeSpan.FromSeconds(5));
        first.FishForMessage(m => m is AgentEvents.CallEnded, TimeSpan.FromSeconds(5)); // 10 s of talk at 20× speed
        Assert.DoesNotContain(second.ReceiveWhile<object>(TimeSpan.FromMilliseconds(300), m => m), m => m is AgentEvents.CallConnected);
        first.LastSender.Tell(new AgentCommands.Disposition("resolved"));
        await Eventually("outcome = 'answered' AND agent = 'idle-longest' AND disposition = 'resolved' AND connected_at IS NOT NULL", "answered record");
    }

    [Fact]
    public async Task An_agent_is_not_offered_a_new_caller_before_its_wrap_up_time_is_over()
    {
        var queue = Queue(Fast with { WrapUp = TimeSpan.FromSeconds(2) });
        var desk = ReadyAgent(queue, "wrapper");
        Call(queue, "+8613900000002", talk: TimeSpan.FromSeconds(4));
        desk.FishForMessage(m => m is AgentEvents.CallEnded, TimeSpan.FromSeconds(5));
        desk.LastSender.Tell(new AgentCommands.Disposition("resolved")); // ready again at once ...
        desk.FishForMessage(m => m is AgentEvents.StateChanged { State: AgentState.Ready });
        var readyAt = DateTimeOffset.UtcNow;

        Call(queue, "+8613900000003", talk: TimeSpan.FromSeconds(4));
        desk.FishForMessage(m => m is AgentEvents.CallConnected c && c.Lead.PhoneE164 == "+8613900000003", TimeSpan.FromSeconds(5));
        // ... but the queue holds it for the wrap-up, counted from the end of the first call.
        Assert.True(DateTimeOffset.UtcNow - readyAt > TimeSpan.FromSeconds(1.2), "offered during wrap-up");
        await Eventually("outcome = 'answered' AND disposition = 'resolved'", "first call recorded");
    }

    [Fact]
    public void An_agent_who_does_not_answer_is_held_for_the_no_answer_delay_before_the_next_offer()
    {
        var queue = Queue(Fast with { MaxNoAnswer = 0 });
        var silent = ProbeAgent(queue, "silent");
        Call(queue, "+8613900000004", patience: TimeSpan.FromSeconds(60));

        silent.ExpectMsg<AgentProtocol.Reserve>(TimeSpan.FromSeconds(3));
        silent.ExpectMsg<AgentProtocol.Unreserve>(TimeSpan.FromSeconds(2)); // offer timed out after 0.4 s
        var withdrawnAt = DateTimeOffset.UtcNow;
        silent.ExpectMsg<AgentProtocol.Reserve>(TimeSpan.FromSeconds(4));
        Assert.True(DateTimeOffset.UtcNow - withdrawnAt > TimeSpan.FromSeconds(1.2), "offered again within the no-answer delay");
    }

    [Fact]
    public void An_agent_who_misses_max_no_answer_offers_in_a_row_is_put_not_ready_and_offered_nothing_more()
    {
        var queue = Queue(Fast with { NoAnswerDelay = TimeSpan.FromMilliseconds(200) });
        var silent = ProbeAgent(queue, "sleepy");
        Call(queue, "+8613900000005", patience: TimeSpan.FromSeconds(60));

        silent.ExpectMsg<AgentProtocol.Reserve>(TimeSpan.FromSeconds(3));
        silent.ExpectMsg<AgentProtocol.Unreserve>(TimeSpan.FromSeconds(2));
        silent.ExpectMsg<AgentProtocol.Reserve>(TimeSpan.FromSeconds(3));
        silent.ExpectMsg<AgentCommands.NotReady>(n => Assert.Equal(OfferOutcome.MaxNoAnswerReason, n.Reason), TimeSpan.FromSeconds(2));
        silent.ExpectMsg<AgentProtocol.Unreserve>();
        silent.ExpectNoMsg(TimeSpan.FromSeconds(1));

        queue.Tell(new AcdCommands.GetStatus(_rig.Campaign));
        var status = ExpectMsg<AcdStatusReply>();
        Assert.Equal(AgentState.NotReady, status.Agents.Single().State);
        Assert.Equal(1, status.Waiting);
    }

    [Fact]
    public void An_agent_who_rejects_is_held_for_the_reject_delay_while_another_agent_takes_the_caller()
    {
        var queue = Queue(Fast with { Strategy = RoutingStrategy.TopDown });
        var rejecting = ProbeAgent(queue, "rejecting");
        var other = ProbeAgent(queue, "other");
        Call(queue, "+8613900000006", patience: TimeSpan.FromSeconds(60));

        var reserve = rejecting.ExpectMsg<AgentProtocol.Reserve>(TimeSpan.FromSeconds(3));
        rejecting.Reply(new AgentProtocol.ReserveRefused("rejecting", reserve.Call));
        queue.Tell(new CampaignCommands.AgentStateChanged(_rig.Campaign, "rejecting", AgentState.Ready, DateTimeOffset.UtcNow));
        other.ExpectMsg<AgentProtocol.Reserve>(TimeSpan.FromSeconds(2));
        rejecting.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public async Task A_caller_who_hangs_up_while_waiting_is_recorded_abandoned_for_call_back()
    {
        var queue = Queue(Fast);
        Call(queue, "+8613900000007", patience: TimeSpan.FromSeconds(6)); // 0.3 s at 20×
        await Eventually("outcome = 'abandoned' AND caller_number = '+8613900000007' AND connected_at IS NULL", "abandoned record");
        queue.Tell(new AcdCommands.GetStatus(_rig.Campaign));
        var status = ExpectMsg<AcdStatusReply>();
        Assert.Equal(1, status.Abandoned);
        Assert.Equal(0, status.Waiting);
    }

    [Fact]
    public async Task A_caller_who_waits_the_maximum_goes_to_the_overflow_queue_and_its_agent()
    {
        var (_, overflowCampaign) = await DialingSeed.CampaignAsync(_rig.Db.DataSource, DialerFixture.AlwaysCallable, code: "overflow-queue");
        await using (var cmd = _rig.Db.DataSource.CreateCommand("UPDATE campaigns SET tenant_id = @t WHERE id = @c"))
        {
            cmd.Parameters.AddWithValue("t", _rig.Tenant.Value);
            cmd.Parameters.AddWithValue("c", overflowCampaign.Value);
            await cmd.ExecuteNonQueryAsync();
        }
        var overflow = Queue(Fast, overflowCampaign);
        var main = Queue(Fast with { MaxWait = TimeSpan.FromMilliseconds(500), Overflow = OverflowAction.OverflowQueue }, overflowTo: overflow);
        var backup = ReadyAgent(overflow, "backup", overflowCampaign);

        Call(main, "+8613900000008", patience: TimeSpan.FromSeconds(60), talk: TimeSpan.FromSeconds(2));

        backup.FishForMessage(m => m is AgentEvents.CallConnected c && c.Lead.PhoneE164 == "+8613900000008", TimeSpan.FromSeconds(5));
        backup.FishForMessage(m => m is AgentEvents.CallEnded, TimeSpan.FromSeconds(5));
        backup.LastSender.Tell(new AgentCommands.Disposition("resolved"));
        await Eventually($"campaign_id = '{_rig.Campaign.Value}' AND outcome = 'overflowed'", "overflowed record");
        await Eventually($"campaign_id = '{overflowCampaign.Value}' AND outcome = 'answered' AND agent = 'backup'", "answered in the overflow queue");
    }

    [Fact]
    public async Task A_caller_who_waits_the_maximum_is_offered_a_callback_and_recorded_for_it()
    {
        var queue = Queue(Fast with { MaxWait = TimeSpan.FromMilliseconds(500), Overflow = OverflowAction.CallbackOffer });
        Call(queue, "+8613900000009", patience: TimeSpan.FromSeconds(60));
        await Eventually("outcome = 'callback' AND caller_number = '+8613900000009'", "callback record");
    }
}
