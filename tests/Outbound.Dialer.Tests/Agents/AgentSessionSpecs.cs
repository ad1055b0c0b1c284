using Akka.Actor;
using Akka.TestKit;
using Akka.TestKit.Xunit2;
using Outbound.Core.Campaigns;
using Outbound.Core.Compliance;
using Outbound.Core.Desk;
using Outbound.Core.Leads;
using Outbound.Core.Tenants;
using Outbound.Data.Dialing;
using Outbound.Dialer.Agents;
using Outbound.Dialer.Campaigns;
using Outbound.Dialer.Tests.Support;
using Outbound.Testing;
using Outbound.Testing.Dialing;

namespace Outbound.Dialer.Tests.Agents;

/// <summary>The agent state machine, driven as the campaign, a call and the desk would drive it.</summary>
public sealed class AgentSessionSpecs : TestKit, IAsyncLifetime
{
    private readonly PgTestDatabase _db = new();
    private CampaignId _campaign = null!;

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        (_, _campaign) = await DialingSeed.CampaignAsync(_db.DataSource, DialerFixture.AlwaysCallable);
    }

    async Task IAsyncLifetime.DisposeAsync() => await _db.DisposeAsync();

    private static LeasedLead Lead(CampaignId campaign) =>
        new(new LeadId(1), TenantId.New(), campaign, "+8613800000001", null, "Asia/Shanghai", "Lead", "{}", 0, null, null, false, false, []);

    private (IActorRef Session, TestProbe Campaigns, TestProbe Desk) LoggedIn(string agent)
    {
        var (services, _) = DialerFixture.Services(_db);
        var campaigns = CreateTestProbe();
        var desk = CreateTestProbe();
        var session = Sys.ActorOf(AgentSessionActor.Props(agent, campaigns, desk, services));
        session.Tell(new AgentCommands.Login(_campaign));
        ExpectMsg<AgentStateReply>(r => Assert.Equal(AgentState.NotReady, r.State));
        campaigns.ExpectMsg<CampaignCommands.AgentJoined>(j => Assert.Equal(agent, j.AgentId));
        ExpectState(campaigns, AgentState.NotReady);
        return (session, campaigns, desk);
    }

    private static void ExpectState(TestProbe campaigns, AgentState state) =>
        campaigns.ExpectMsg<CampaignCommands.AgentStateChanged>(c => Assert.Equal(state, c.State));

    private void Command(IActorRef session, object command, DeskRefusal? refusal = null)
    {
        session.Tell(command);
        ExpectMsg<AgentCommandReply>(r => Assert.Equal(refusal, r.Refusal));
    }

    private TestProbe Talking(IActorRef session, TestProbe campaigns, bool ready = false)
    {
        if (!ready)
        {
            Command(session, new AgentCommands.Ready());
            ExpectState(campaigns, AgentState.Ready);
        }
        var call = CreateTestProbe();
        session.Tell(new AgentProtocol.Reserve(call, Lead(_campaign)), campaigns);
        ExpectState(campaigns, AgentState.Reserved);
        call.ExpectMsg<AgentProtocol.Reserved>();
        session.Tell(new AgentProtocol.Connected(call));
        ExpectState(campaigns, AgentState.OnCall);
        return call;
    }

    [Fact]
    public async Task A_call_takes_the_agent_through_reserved_on_call_and_after_call_work_back_to_ready()
    {
        var (session, campaigns, desk) = LoggedIn("a1");
        var call = Talking(session, campaigns);
        desk.FishForMessage(m => m is AgentEvents.CallConnected);

        session.Tell(new AgentProtocol.Ended(call, TimeSpan.FromSeconds(30)));
        ExpectState(campaigns, AgentState.AfterCallWork);
        Command(session, new AgentCommands.Disposition("ptp", new CallbackRequest(NodaTime.Instant.FromUtc(2026, 1, 1, 0, 0), true)));
        call.ExpectMsg<AgentProtocol.Dispositioned>(d => Assert.Equal("ptp", d.Code));
        ExpectState(campaigns, AgentState.Ready);

        await DialerFixture.Eventually(async () => await DialingSeed.ScalarAsync<long>(_db.DataSource,
            "SELECT count(*) FROM agent_state_events WHERE agent = 'a1'") == 6, TimeSpan.FromSeconds(5), "state events logged");
        Assert.Equal("not_ready,ready,reserved,on_call,after_call_work,ready", await DialingSeed.ScalarAsync<string>(_db.DataSource,
            "SELECT string_agg(state, ',' ORDER BY id) FROM agent_state_events WHERE agent = 'a1'"));
    }

    [Fact]
    public void An_agent_who_is_not_ready_refuses_a_reservation()
    {
        var (session, campaigns, _) = LoggedIn("a2");
        var call = CreateTestProbe();
        session.Tell(new AgentProtocol.Reserve(call, Lead(_campaign)), campaigns);
        campaigns.ExpectMsg<AgentProtocol.ReserveRefused>(r => Assert.Equal(call.Ref, r.Call));
        call.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void Not_ready_asked_for_during_a_call_applies_after_the_disposition()
    {
        var (session, campaigns, _) = LoggedIn("a3");
        var call = Talking(session, campaigns);
        Command(session, new AgentCommands.NotReady("break"));
        campaigns.ExpectNoMsg(TimeSpan.FromMilliseconds(200)); // still on the call
        session.Tell(new AgentProtocol.Ended(call, TimeSpan.FromSeconds(30)));
        ExpectState(campaigns, AgentState.AfterCallWork);
        Command(session, new AgentCommands.Disposition("done"));
        ExpectState(campaigns, AgentState.NotReady);
        session.Tell(new AgentCommands.GetState());
        ExpectMsg<AgentStateReply>(r => Assert.Equal("break", r.Reason));
    }

    [Fact]
    public void A_result_saved_during_the_call_goes_to_the_call_at_once_and_closes_it_when_the_agent_goes_ready()
    {
        var (session, campaigns, _) = LoggedIn("a8");
        var call = Talking(session, campaigns);
        var callback = new CallbackRequest(NodaTime.Instant.FromUtc(2026, 12, 24, 2, 0), true);
        Command(session, new AgentCommands.SaveResult("callback", callback));
        call.ExpectMsg<AgentProtocol.ResultSaved>(r => Assert.Equal(("callback", callback), (r.Code, r.Callback)));

        session.Tell(new AgentProtocol.Ended(call, TimeSpan.FromSeconds(30)));
        ExpectState(campaigns, AgentState.AfterCallWork);
        Command(session, new AgentCommands.Ready());
        call.ExpectMsg<AgentProtocol.Dispositioned>(d => Assert.Equal(("callback", callback), (d.Code, d.Callback)));
        ExpectState(campaigns, AgentState.Ready);
    }

    [Fact]
    public void Without_a_result_after_call_work_refuses_ready_and_the_wrap_up_time_does_not_close_it_with_one_it_does()
    {
        var (session, campaigns, _) = LoggedIn("a4");
        var call = Talking(session, campaigns);
        session.Tell(new AgentProtocol.Ended(call, TimeSpan.FromMilliseconds(200)));
        ExpectState(campaigns, AgentState.AfterCallWork);
        Command(session, new AgentCommands.Ready(), DeskRefusal.ResultRequired);
        call.ExpectNoMsg(TimeSpan.FromMilliseconds(500)); // the wrap-up time ran out: still waiting for the result
        session.Tell(new AgentCommands.GetState());
        ExpectMsg<AgentStateReply>(r => Assert.True(r.Desk.Call!.WrapUpOver));

        Command(session, new AgentCommands.SaveResult("no_contact"));
        Command(session, new AgentCommands.Ready());
        call.ExpectMsg<AgentProtocol.Dispositioned>(d => Assert.Equal("no_contact", d.Code));
        ExpectState(campaigns, AgentState.Ready);

        // Saved in time, the wrap-up time closes after-call work by itself.
        var next = Talking(session, campaigns, ready: true);
        session.Tell(new AgentProtocol.Ended(next, TimeSpan.FromMilliseconds(300)));
        ExpectState(campaigns, AgentState.AfterCallWork);
        Command(session, new AgentCommands.SaveResult("promise_to_pay"));
        next.ExpectMsg<AgentProtocol.Dispositioned>(d => Assert.Equal("promise_to_pay", d.Code), TimeSpan.FromSeconds(3));
        ExpectState(campaigns, AgentState.Ready);
    }

    [Fact]
    public void Hang_up_asks_the_call_to_hang_up_the_customer()
    {
        var (session, campaigns, _) = LoggedIn("a9");
        var call = Talking(session, campaigns);
        Command(session, new AgentCommands.HangUp());
        call.ExpectMsg<Outbound.Dialer.Calls.CallControl.HangUp>(h => Assert.Equal("a9", h.AgentId));
    }

    [Fact]
    public void A_preview_offer_with_a_countdown_is_dialled_when_the_agent_does_nothing()
    {
        var (session, campaigns, desk) = LoggedIn("a5");
        Command(session, new AgentCommands.Ready());
        ExpectState(campaigns, AgentState.Ready);
        var lead = Lead(_campaign);
        session.Tell(new AgentProtocol.OfferPreview(lead, CountdownSeconds: 1));
        ExpectState(campaigns, AgentState.Reserved);
        desk.FishForMessage(m => m is AgentEvents.PreviewOffered);
        campaigns.ExpectMsg<CampaignCommands.DialPreview>(d => Assert.Equal(lead.Id, d.LeadId), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public void A_skipped_preview_goes_back_to_the_campaign_and_the_agent_is_ready_again()
    {
        var (session, campaigns, _) = LoggedIn("a6");
        Command(session, new AgentCommands.Ready());
        ExpectState(campaigns, AgentState.Ready);
        var lead = Lead(_campaign);
        session.Tell(new AgentProtocol.OfferPreview(lead, CountdownSeconds: 0));
        ExpectState(campaigns, AgentState.Reserved);
        Command(session, new AgentCommands.SkipPreview());
        campaigns.ExpectMsg<CampaignCommands.SkipPreview>(s => Assert.Equal(lead.Id, s.LeadId));
        ExpectState(campaigns, AgentState.Ready);
        campaigns.ExpectNoMsg(TimeSpan.FromMilliseconds(300)); // no countdown dial follows
    }

    [Fact]
    public async Task Logout_ends_the_session_for_attendance()
    {
        var (session, campaigns, _) = LoggedIn("a7");
        Command(session, new AgentCommands.Logout("end_of_shift"));
        ExpectState(campaigns, AgentState.LoggedOut);
        // Written through the durable writer, which batches: soon, not at once.
        await DialerFixture.Eventually(async () => await DialingSeed.ScalarAsync<object?>(_db.DataSource,
            "SELECT logout_reason FROM agent_sessions WHERE agent = 'a7' AND logged_out_at IS NOT NULL") is "end_of_shift",
            TimeSpan.FromSeconds(5), "the session ended for attendance");
    }
}
