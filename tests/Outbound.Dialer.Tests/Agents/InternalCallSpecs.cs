using Akka.Actor;
using Akka.TestKit;
using Akka.TestKit.Xunit2;
using Outbound.Core.Campaigns;
using Outbound.Core.Leads;
using Outbound.Core.Tenants;
using Outbound.Data.Dialing;
using Outbound.Dialer.Agents;
using Outbound.Dialer.Campaigns;
using Outbound.Dialer.Tests.Support;
using Outbound.Telephony.Port;
using Outbound.Telephony.Simulated;
using Outbound.Testing;
using Outbound.Testing.Dialing;

namespace Outbound.Dialer.Tests.Agents;

/// <summary>
/// 内部呼叫 between two real agent sessions on the simulated carrier: who hears whom is read from the carrier, the
/// states from the desks, the call from internal_calls in PostgreSQL.
/// </summary>
public sealed class InternalCallSpecs : TestKit, IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly PgTestDatabase _db = new();
    private CampaignId _campaign = null!;
    private DialerServices _services = null!;
    private SimulatedTelephony _carrier = null!;

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        (_, _campaign) = await DialingSeed.CampaignAsync(_db.DataSource, DialerFixture.AlwaysCallable);
        (_services, _carrier) = DialerFixture.Services(_db, DialerFixture.FastOptions with { InternalRingTimeout = TimeSpan.FromSeconds(1) });
    }

    async Task IAsyncLifetime.DisposeAsync() => await _db.DisposeAsync();

    private (IActorRef Session, TestProbe Desk, TestProbe Campaigns) Agent(string id, string? notReady = null)
    {
        var desk = CreateTestProbe();
        var campaigns = CreateTestProbe();
        var session = Sys.ActorOf(AgentSessionActor.Props(id, campaigns, desk, _services));
        session.Ask<AgentStateReply>(new AgentCommands.Login(_campaign), Patience).Wait(Patience);
        session.Tell(notReady is null ? new AgentCommands.Ready() : new AgentCommands.NotReady(notReady));
        ExpectState(desk, notReady is null ? AgentState.Ready : AgentState.NotReady, notReady);
        return (session, desk, campaigns);
    }

    private static void ExpectState(TestProbe desk, AgentState state, string? reason = null) =>
        desk.FishForMessage(m => m is AgentEvents.StateChanged s && s.State == state && (reason is null || s.Reason == reason), Patience);

    private static InternalCallChanged ExpectPhase(TestProbe desk, InternalCallPhase phase) =>
        (InternalCallChanged)desk.FishForMessage(m => m is InternalCallChanged c && c.Phase == phase, Patience);

    private Task<string?> Call(IActorRef from, string toId, IActorRef to) =>
        from.Ask<InternalCallReply>(new InternalCallCommands.Call(toId, to), Patience).ContinueWith(t => t.Result.Error);

    private Task<(string Outcome, bool Answered)> RecordedAsync(string caller) =>
        DialerFixture.Eventually(async () => await DialingSeed.ScalarAsync<long>(_db.DataSource,
                $"SELECT count(*) FROM internal_calls WHERE caller_agent = '{caller}'") == 1, Patience, "internal call recorded")
            .ContinueWith(async _ => (await DialingSeed.ScalarAsync<string>(_db.DataSource, $"SELECT outcome FROM internal_calls WHERE caller_agent = '{caller}'"),
                await DialingSeed.ScalarAsync<bool>(_db.DataSource, $"SELECT answered_at IS NOT NULL FROM internal_calls WHERE caller_agent = '{caller}'"))).Unwrap();

    [Fact]
    public async Task An_answered_internal_call_joins_the_two_phones_and_each_agent_returns_to_its_state_after_the_hang_up()
    {
        var (a, aDesk, _) = Agent("ia1");
        var (b, bDesk, _) = Agent("ib1", notReady: "break");

        Assert.Null(await Call(a, "ib1", b));
        ExpectState(aDesk, AgentState.Reserved, AgentSessionActor.InternalReason);
        ExpectState(bDesk, AgentState.Reserved, AgentSessionActor.InternalReason);
        Assert.Equal("ia1", ExpectPhase(bDesk, InternalCallPhase.Ringing).PeerAgentId);

        b.Tell(new InternalCallCommands.Answer());
        ExpectState(aDesk, AgentState.OnCall, AgentSessionActor.InternalReason);
        ExpectState(bDesk, AgentState.OnCall, AgentSessionActor.InternalReason);
        Assert.Equal("ib1", ExpectPhase(aDesk, InternalCallPhase.Talking).PeerAgentId);
        var (aPhone, bPhone) = (_carrier.LegOf("ia1")!, _carrier.LegOf("ib1")!);
        Assert.Equal([bPhone], _carrier.Hearing(aPhone).From);
        Assert.Equal([aPhone], _carrier.Hearing(bPhone).From);

        b.Tell(new InternalCallCommands.HangUp());
        Assert.Equal(InternalCallOutcome.Completed, ExpectPhase(aDesk, InternalCallPhase.Ended).Outcome);
        ExpectState(aDesk, AgentState.Ready);
        ExpectState(bDesk, AgentState.NotReady, "break");
        await AwaitAssertAsync(() => Assert.Empty(_carrier.Hearing(aPhone).From), Patience);
        Assert.Empty(_carrier.Hearing(bPhone).From);
        Assert.Equal((InternalCallOutcome.Completed, true), await RecordedAsync("ia1"));
    }

    [Fact]
    public async Task While_an_internal_call_rings_no_campaign_can_reserve_either_agent()
    {
        var (a, _, aCampaigns) = Agent("ia2");
        var (b, bDesk, bCampaigns) = Agent("ib2");
        Assert.Null(await Call(a, "ib2", b));
        ExpectPhase(bDesk, InternalCallPhase.Ringing);

        var customerCall = CreateTestProbe();
        var lead = new LeasedLead(new LeadId(1), TenantId.New(), _campaign, "+8613800000001", null, "Asia/Shanghai", "Lead", "{}", 0, null, null, false, false, []);
        a.Tell(new AgentProtocol.Reserve(customerCall, lead), aCampaigns);
        aCampaigns.FishForMessage(m => m is AgentProtocol.ReserveRefused, Patience);
        b.Tell(new AgentProtocol.Reserve(customerCall, lead), bCampaigns);
        bCampaigns.FishForMessage(m => m is AgentProtocol.ReserveRefused, Patience);
        customerCall.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task An_internal_call_nobody_answers_ends_as_unanswered_and_frees_both_agents()
    {
        var (a, aDesk, _) = Agent("ia3");
        var (b, bDesk, _) = Agent("ib3");
        Assert.Null(await Call(a, "ib3", b));
        Assert.Equal(InternalCallOutcome.NoAnswer, ExpectPhase(bDesk, InternalCallPhase.Ended).Outcome);
        ExpectState(aDesk, AgentState.Ready);
        ExpectState(bDesk, AgentState.Ready);
        Assert.Equal((InternalCallOutcome.NoAnswer, false), await RecordedAsync("ia3"));
    }

    [Fact]
    public async Task A_declined_internal_call_ends_for_the_caller_with_the_decline()
    {
        var (a, aDesk, _) = Agent("ia4");
        var (b, bDesk, _) = Agent("ib4");
        Assert.Null(await Call(a, "ib4", b));
        ExpectPhase(bDesk, InternalCallPhase.Ringing);
        b.Tell(new InternalCallCommands.Decline());
        Assert.Equal(InternalCallOutcome.Declined, ExpectPhase(aDesk, InternalCallPhase.Ended).Outcome);
        Assert.Equal((InternalCallOutcome.Declined, false), await RecordedAsync("ia4"));
    }

    [Fact]
    public async Task A_colleague_on_a_customer_call_is_busy_and_is_not_rung()
    {
        var (a, aDesk, _) = Agent("ia5");
        var (b, bDesk, bCampaigns) = Agent("ib5");
        var customerCall = CreateTestProbe();
        var lead = new LeasedLead(new LeadId(1), TenantId.New(), _campaign, "+8613800000001", null, "Asia/Shanghai", "Lead", "{}", 0, null, null, false, false, []);
        b.Tell(new AgentProtocol.Reserve(customerCall, lead), bCampaigns);
        customerCall.ExpectMsg<AgentProtocol.Reserved>(Patience);

        Assert.Null(await Call(a, "ib5", b));
        Assert.Equal(InternalCallOutcome.Busy, ExpectPhase(aDesk, InternalCallPhase.Ended).Outcome);
        ExpectState(aDesk, AgentState.Ready);
        bDesk.FishForMessage(m => m is AgentEvents.StateChanged { State: AgentState.Reserved }, Patience);
        bDesk.ExpectNoMsg(TimeSpan.FromMilliseconds(300)); // neither rung nor moved
        Assert.Equal((InternalCallOutcome.Busy, false), await RecordedAsync("ia5"));
    }

    [Fact]
    public async Task Not_ready_asked_for_during_an_internal_call_applies_when_it_ends()
    {
        var (a, aDesk, _) = Agent("ia6");
        var (b, bDesk, _) = Agent("ib6");
        Assert.Null(await Call(a, "ib6", b));
        ExpectPhase(bDesk, InternalCallPhase.Ringing);
        b.Tell(new InternalCallCommands.Answer());
        ExpectState(aDesk, AgentState.OnCall);
        a.Tell(new AgentCommands.NotReady("meeting"));
        a.Tell(new InternalCallCommands.HangUp());
        ExpectState(aDesk, AgentState.NotReady, "meeting");
        ExpectState(bDesk, AgentState.Ready);
    }

    [Fact]
    public async Task An_agent_already_on_an_internal_call_cannot_place_another()
    {
        var (a, _, _) = Agent("ia7");
        var (b, bDesk, _) = Agent("ib7");
        var (c, _, _) = Agent("ic7");
        Assert.Null(await Call(a, "ib7", b));
        ExpectPhase(bDesk, InternalCallPhase.Ringing);
        Assert.Equal(InternalCallReply.NotIdle, await Call(a, "ic7", c));
        Assert.Equal(InternalCallReply.NotIdle, await Call(a, "ia7", a));
    }

    [Fact]
    public async Task The_caller_hears_ringback_while_the_colleague_is_rung_and_not_after_the_answer_or_a_decline()
    {
        var (a, aDesk, _) = Agent("ia8");
        var (b, bDesk, _) = Agent("ib8");
        var (c, cDesk, _) = Agent("ic8");
        var aPhone = _carrier.LegOf("ia8")!;

        Assert.Null(await Call(a, "ib8", b));
        ExpectPhase(bDesk, InternalCallPhase.Ringing);
        Assert.Equal(ProgressTones.Ringback, _carrier.Hearing(aPhone).Music);
        b.Tell(new InternalCallCommands.Answer());
        ExpectPhase(aDesk, InternalCallPhase.Talking);
        Assert.False(_carrier.Hearing(aPhone).OnHold);
        Assert.Equal([_carrier.LegOf("ib8")!], _carrier.Hearing(aPhone).From);
        a.Tell(new InternalCallCommands.HangUp());
        ExpectState(aDesk, AgentState.Ready);

        Assert.Null(await Call(a, "ic8", c));
        ExpectPhase(cDesk, InternalCallPhase.Ringing);
        Assert.Equal(ProgressTones.Ringback, _carrier.Hearing(aPhone).Music);
        c.Tell(new InternalCallCommands.Decline());
        ExpectPhase(aDesk, InternalCallPhase.Ended);
        await AwaitAssertAsync(() => Assert.False(_carrier.Hearing(aPhone).OnHold), Patience);
        Assert.Empty(_carrier.Hearing(aPhone).From);
    }
}
