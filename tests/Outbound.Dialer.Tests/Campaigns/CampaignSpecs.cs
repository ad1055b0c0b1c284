using Akka.Actor;
using Akka.TestKit.Xunit2;
using Outbound.Core.Campaigns;
using Outbound.Data.Dialing;
using Outbound.Dialer.Bots;
using Outbound.Dialer.Campaigns;
using Outbound.Dialer.Tests.Support;
using Outbound.Testing;
using Outbound.Testing.Dialing;

namespace Outbound.Dialer.Tests.Campaigns;

/// <summary>Campaigns as shard entities on a cluster of one, with bot agents, the simulated carrier and real PostgreSQL.</summary>
public sealed class CampaignSpecs() : TestKit(CampaignSharding.Hocon), IAsyncLifetime
{
    private readonly PgTestDatabase _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();
    async Task IAsyncLifetime.DisposeAsync() => await _db.DisposeAsync();

    private static readonly Telephony.Simulated.SimulatedCarrierOptions Carrier =
        DialerFixture.FastCarrier with { HumanAnswerRate = 0.5, MachineRate = 0.1, BusyRate = 0.1 };

    private void Bots(IActorRef region, CampaignId campaign, DialerServices services, int count)
    {
        for (var i = 1; i <= count; i++)
            Sys.ActorOf(BotAgentActor.Props($"bot{i}", campaign, region, services, DialerFixture.FastBots));
    }

    private Task<long> Count(string sql) => DialingSeed.ScalarAsync<long>(_db.DataSource, sql);

    [Fact]
    public async Task A_progressive_campaign_dials_every_lead_once_and_records_every_call()
    {
        var (tenant, campaign) = await DialingSeed.CampaignAsync(_db.DataSource, DialerFixture.AlwaysCallable);
        await DialingSeed.LeadsAsync(_db.DataSource, tenant, campaign, 25);
        var (services, carrier) = DialerFixture.Services(_db, carrier: Carrier);
        var region = CampaignSharding.Start(Sys, services);
        Bots(region, campaign, services, 4);

        var accepted = await region.Ask<CampaignReplies.CommandAccepted>(new CampaignCommands.Start(campaign), TimeSpan.FromSeconds(20));
        Assert.Equal(CampaignStatus.Running, accepted.Status);
        await DialerFixture.Eventually(async () => await Count("SELECT count(*) FROM call_records") == 25,
            TimeSpan.FromSeconds(60), "a call record per lead");

        Assert.Equal(25, carrier.Placed.Count);
        Assert.Equal(25, carrier.Placed.Select(c => c.Request.Number).Distinct().Count());
        Assert.Equal(0L, await Count("SELECT count(*) FROM call_records WHERE attempt <> 1"));
        Assert.Equal(0L, await Count("SELECT count(*) FROM leads WHERE status IN ('new', 'dialing') OR attempts <> 1"));
        Assert.True(await Count("SELECT count(*) FROM call_records WHERE outcome = 'Answered'") > 0);
        Assert.Equal(0L, await Count("SELECT count(*) FROM call_records WHERE outcome = 'Answered' AND (agent IS NULL OR connected_at IS NULL OR disposition IS NULL)"));
        var status = await region.Ask<CampaignStatusReply>(new CampaignCommands.GetStatus(campaign), TimeSpan.FromSeconds(5));
        Assert.Equal(25, status.CallsCompleted);
        Assert.Equal(4, status.AgentsByState.Where(a => a.Key != Dialer.Agents.AgentState.LoggedOut).Sum(a => a.Value));
    }

    [Fact]
    public async Task Pause_stops_new_dials_and_start_resumes_until_the_list_is_done()
    {
        var (tenant, campaign) = await DialingSeed.CampaignAsync(_db.DataSource, DialerFixture.AlwaysCallable);
        await DialingSeed.LeadsAsync(_db.DataSource, tenant, campaign, 30);
        var (services, carrier) = DialerFixture.Services(_db, carrier: Carrier);
        var region = CampaignSharding.Start(Sys, services);
        Bots(region, campaign, services, 4);
        await region.Ask<CampaignReplies.CommandAccepted>(new CampaignCommands.Start(campaign), TimeSpan.FromSeconds(20));
        await DialerFixture.Eventually(() => Task.FromResult(carrier.Placed.Count >= 4), TimeSpan.FromSeconds(30), "first calls");

        var paused = await region.Ask<CampaignReplies.CommandAccepted>(new CampaignCommands.Pause(campaign), TimeSpan.FromSeconds(20));
        Assert.Equal(CampaignStatus.Paused, paused.Status);
        var placedAtPause = carrier.Placed.Count;
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(placedAtPause, carrier.Placed.Count);
        Assert.Equal("paused", await DialingSeed.ScalarAsync<string>(_db.DataSource, $"SELECT status FROM campaigns WHERE id = '{campaign}'"));
        Assert.Equal(0L, await Count("SELECT count(*) FROM leads WHERE lease_owner IS NOT NULL AND status <> 'dialing'")); // buffer given back

        await region.Ask<CampaignReplies.CommandAccepted>(new CampaignCommands.Start(campaign), TimeSpan.FromSeconds(20));
        await DialerFixture.Eventually(async () => await Count("SELECT count(*) FROM call_records") == 30,
            TimeSpan.FromSeconds(90), "every lead dialled after resuming");
        Assert.Equal(30, carrier.Placed.Select(c => c.Request.Number).Distinct().Count());
        Assert.Equal(30, carrier.Placed.Count);

        var stopped = await region.Ask<CampaignReplies.CommandAccepted>(new CampaignCommands.Stop(campaign), TimeSpan.FromSeconds(20));
        Assert.Equal(CampaignStatus.Stopped, stopped.Status);
        Assert.Equal("stopped", await DialingSeed.ScalarAsync<string>(_db.DataSource, $"SELECT status FROM campaigns WHERE id = '{campaign}'"));
    }

    [Fact]
    public async Task Leads_outside_the_calling_window_are_not_dialled_and_the_refusal_is_counted()
    {
        // 03:00–04:00 on no day at all: every lead is refused as outside the window, with a retry time.
        var closed = DialerFixture.AlwaysCallable with
        {
            CallingWindows = [new CallingWindow(NodaTime.IsoDayOfWeek.Monday, new NodaTime.LocalTime(3, 0), new NodaTime.LocalTime(3, 1))],
        };
        var (tenant, campaign) = await DialingSeed.CampaignAsync(_db.DataSource, closed);
        await DialingSeed.LeadsAsync(_db.DataSource, tenant, campaign, 5, timeZone: "Pacific/Chatham");
        var (services, carrier) = DialerFixture.Services(_db, carrier: Carrier);
        var region = CampaignSharding.Start(Sys, services);
        Bots(region, campaign, services, 2);
        await region.Ask<CampaignReplies.CommandAccepted>(new CampaignCommands.Start(campaign), TimeSpan.FromSeconds(20));

        await DialerFixture.Eventually(async () => await Count("SELECT count(*) FROM leads WHERE next_call_at > now()") == 5,
            TimeSpan.FromSeconds(20), "every lead deferred to the window's next opening");
        var status = await region.Ask<CampaignStatusReply>(new CampaignCommands.GetStatus(campaign), TimeSpan.FromSeconds(5));
        Assert.Equal(5, status.Refusals[Core.Compliance.RefusalReason.OutsideWindow]);
        Assert.Empty(carrier.Placed);
        await region.Ask<CampaignReplies.CommandAccepted>(new CampaignCommands.Pause(campaign), TimeSpan.FromSeconds(20));
        await DialerFixture.Eventually(async () => await Count("SELECT coalesce(sum(count), 0) FROM compliance_refusals WHERE reason = 'outside_window'") == 5,
            TimeSpan.FromSeconds(20), "refusals counted in the database");
    }

    [Fact]
    public async Task In_preview_mode_each_lead_is_offered_to_an_agent_who_dials_it_and_the_call_is_theirs()
    {
        var (tenant, campaign) = await DialingSeed.CampaignAsync(_db.DataSource, DialerFixture.AlwaysCallable, DialMode.Preview);
        await DialingSeed.LeadsAsync(_db.DataSource, tenant, campaign, 8);
        var (services, carrier) = DialerFixture.Services(_db, carrier: Carrier);
        var region = CampaignSharding.Start(Sys, services);
        Bots(region, campaign, services, 2);
        await region.Ask<CampaignReplies.CommandAccepted>(new CampaignCommands.Start(campaign), TimeSpan.FromSeconds(20));

        await DialerFixture.Eventually(async () => await Count("SELECT count(*) FROM call_records") == 8,
            TimeSpan.FromSeconds(60), "every previewed lead dialled");
        Assert.Equal(8, carrier.Placed.Select(c => c.Request.Number).Distinct().Count());
        // Preview calls belong to the agent who previewed them: none is abandoned waiting for an agent.
        Assert.Equal(0L, await Count("SELECT count(*) FROM call_records WHERE abandoned"));
        Assert.Equal(0L, await Count("SELECT count(*) FROM call_records WHERE outcome = 'Answered' AND agent IS NULL"));
    }
}
