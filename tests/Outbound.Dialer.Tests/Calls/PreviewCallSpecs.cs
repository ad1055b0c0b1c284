using Akka.Actor;
using Akka.TestKit.Xunit2;
using Outbound.Core.Campaigns;
using Outbound.Core.Desk;
using Outbound.Dialer.Agents;
using Outbound.Dialer.Campaigns;
using Outbound.Dialer.Tests.Support;
using Outbound.Testing;
using Outbound.Testing.Dialing;

namespace Outbound.Dialer.Tests.Calls;

/// <summary>A preview lead dialled by a real agent session, on a carrier where the customer's phone rings and rings.</summary>
public sealed class PreviewCallSpecs() : TestKit(CampaignSharding.Hocon), IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly PgTestDatabase _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();
    async Task IAsyncLifetime.DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task After_dialling_a_preview_the_desk_rings_and_the_agent_can_hang_up_the_ringing_call_and_be_ready_again()
    {
        var (tenant, campaign) = await DialingSeed.CampaignAsync(_db.DataSource, DialerFixture.AlwaysCallable, DialMode.Preview);
        await DialingSeed.LeadsAsync(_db.DataSource, tenant, campaign, 1);
        var (services, carrier) = DialerFixture.Services(_db, carrier: DialerFixture.FastCarrier with { UnansweredNumbers = ["+8613800000001"] });
        var region = CampaignSharding.Start(Sys, services);
        var desk = CreateTestProbe();
        var agent = Sys.ActorOf(AgentSessionActor.Props("a1", region, desk, services));
        await agent.Ask<AgentStateReply>(new AgentCommands.Login(campaign), Patience);
        await agent.Ask<AgentCommandReply>(new AgentCommands.Ready(), Patience);
        await region.Ask<CampaignReplies.CommandAccepted>(new CampaignCommands.Start(campaign), Patience);

        desk.FishForMessage(m => m is AgentEvents.PreviewOffered, Patience);
        Assert.Equal(AgentCommandReply.Done, await agent.Ask<AgentCommandReply>(new AgentCommands.DialPreview(), Patience));
        // Dialled, the desk shows the call ringing (呼叫中) with a hang-up button, not a reservation.
        var ringing = (AgentEvents.DeskChanged)desk.FishForMessage(m => m is AgentEvents.DeskChanged { Desk.State: DeskState.Ringing }, Patience);
        Assert.Contains(DeskAction.HangUp, ringing.Desk.Actions);
        await DialerFixture.Eventually(() => Task.FromResult(carrier.LegsUp == 2), Patience, "the customer's phone ringing");

        Assert.Equal(AgentCommandReply.Done, await agent.Ask<AgentCommandReply>(new AgentCommands.HangUp(), Patience));
        desk.FishForMessage(m => m is AgentEvents.DeskChanged { Desk.State: DeskState.Ready }, Patience);
        await DialerFixture.Eventually(async () => await DialingSeed.ScalarAsync<long>(_db.DataSource,
            "SELECT count(*) FROM call_records WHERE outcome = 'NoAnswer' AND connected_at IS NULL") == 1, Patience, "the cancelled dial recorded");
        Assert.Equal(1, carrier.LegsUp); // only the agent's phone
        Assert.Equal("retry", await DialingSeed.ScalarAsync<string>(_db.DataSource, "SELECT status FROM leads"));
    }

    [Fact]
    public async Task A_preview_on_the_desk_when_the_campaign_pauses_is_taken_off_it_and_dialling_it_later_does_not_leave_the_desk_ringing()
    {
        var (tenant, campaign) = await DialingSeed.CampaignAsync(_db.DataSource, DialerFixture.AlwaysCallable, DialMode.Preview);
        await DialingSeed.LeadsAsync(_db.DataSource, tenant, campaign, 3);
        var (services, _) = DialerFixture.Services(_db);
        var region = CampaignSharding.Start(Sys, services);
        var desk = CreateTestProbe();
        var agent = Sys.ActorOf(AgentSessionActor.Props("a1", region, desk, services));
        await agent.Ask<AgentStateReply>(new AgentCommands.Login(campaign), Patience);
        await agent.Ask<AgentCommandReply>(new AgentCommands.Ready(), Patience);
        await region.Ask<CampaignReplies.CommandAccepted>(new CampaignCommands.Start(campaign), Patience);
        desk.FishForMessage(m => m is AgentEvents.PreviewOffered, Patience);

        await region.Ask<CampaignReplies.CommandAccepted>(new CampaignCommands.Pause(campaign), Patience);
        desk.FishForMessage(m => m is AgentEvents.DeskChanged { Desk: { State: DeskState.Ready, Call: null } }, Patience);
        Assert.Equal(DeskRefusal.NoPreview, (await agent.Ask<AgentCommandReply>(new AgentCommands.DialPreview(), Patience)).Refusal);
        Assert.Equal(0L, await DialingSeed.ScalarAsync<long>(_db.DataSource, "SELECT count(*) FROM leads WHERE lease_owner IS NOT NULL"));
    }
}
