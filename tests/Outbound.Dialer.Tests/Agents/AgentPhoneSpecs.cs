using Akka.Actor;
using Akka.TestKit.Xunit2;
using Outbound.Core.Campaigns;
using Outbound.Core.Desk;
using Outbound.Core.Pacing;
using Outbound.Data.Dialing;
using Outbound.Dialer.Agents;
using Outbound.Dialer.Campaigns;
using Outbound.Dialer.Tests.Support;
using Outbound.Telephony.SipAdapter;
using Outbound.Testing;
using Outbound.Testing.Dialing;

namespace Outbound.Dialer.Tests.Agents;

/// <summary>An agent session on the Sip adapter: a phone leg that cannot be nailed up keeps the agent out of the calls.</summary>
public sealed class AgentPhoneSpecs : TestKit, IAsyncLifetime
{
    private readonly PgTestDatabase _db = new();
    private SipTelephony _telephony = null!;
    private CampaignId _campaign = null!;

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        (_, _campaign) = await DialingSeed.CampaignAsync(_db.DataSource, DialerFixture.AlwaysCallable);
        _telephony = new SipTelephony(new SipTelephonyOptions { SipPort = 0 }, new SipAgentDirectory(), TimeProvider.System);
        await _telephony.StartAsync(trunk: null);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await _telephony.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public void Agent_whose_phone_leg_fails_is_not_ready_and_cannot_become_ready()
    {
        var services = DialerFixture.ServicesOn(_db, _telephony, DialerFixture.FastOptions);
        var campaigns = CreateTestProbe();
        var session = Sys.ActorOf(AgentSessionActor.Props("no-sip-account", campaigns, CreateTestProbe(), services));

        session.Tell(new AgentCommands.Login(_campaign));
        ExpectMsg<AgentStateReply>(r => Assert.Equal(AgentState.NotReady, r.State));
        campaigns.ExpectMsg<CampaignCommands.AgentJoined>();
        campaigns.ExpectMsg<CampaignCommands.AgentStateChanged>(c => Assert.Equal(AgentState.NotReady, c.State));
        // The adapter reports the failed leg (no SIP account): the session notes why it is not ready.
        AwaitAssert(() =>
        {
            session.Tell(new AgentCommands.GetState());
            ExpectMsg<AgentStateReply>(r => Assert.Equal("phone", r.Reason));
        }, TimeSpan.FromSeconds(5));

        session.Tell(new AgentCommands.Ready());
        ExpectMsg<AgentCommandReply>(r => Assert.Equal(DeskRefusal.NoPhone, r.Refusal)); // says why
        session.Tell(new AgentCommands.GetState());
        ExpectMsg<AgentStateReply>(r => Assert.Equal((AgentState.NotReady, "phone"), (r.State, r.Reason)));
        campaigns.FishForMessage<CampaignCommands.AgentStateChanged>(c => c.State == AgentState.NotReady);
        campaigns.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
    }
}
