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

/// <summary>A campaign's set-up edited while it runs (or while it is stopped) is what its next dials follow.</summary>
public sealed class SettingsChangeSpecs() : TestKit(CampaignSharding.Hocon), IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly PgTestDatabase _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();
    async Task IAsyncLifetime.DisposeAsync() => await _db.DisposeAsync();

    private Task<long> Count(string sql) => DialingSeed.ScalarAsync<long>(_db.DataSource, sql);

    private async Task<(CampaignId Campaign, IActorRef Region)> RunningPredictiveAsync(int leads)
    {
        var (tenant, campaign) = await DialingSeed.CampaignAsync(_db.DataSource, DialerFixture.AlwaysCallable, DialMode.Predictive);
        await DialingSeed.LeadsAsync(_db.DataSource, tenant, campaign, leads);
        var (services, _) = DialerFixture.Services(_db, carrier: DialerFixture.FastCarrier with { HumanAnswerRate = 0.6, MachineRate = 0, BusyRate = 0.2 });
        var region = CampaignSharding.Start(Sys, services);
        for (var i = 1; i <= 2; i++) Sys.ActorOf(BotAgentActor.Props($"bot{i}", campaign, region, services, DialerFixture.FastBots));
        await region.Ask<CampaignReplies.CommandAccepted>(new CampaignCommands.Start(campaign), Patience);
        await DialerFixture.Eventually(async () => await Count("SELECT count(*) FROM call_records WHERE dial_mode = 'Predictive'") >= 3, Patience,
            "predictive calls");
        return (campaign, region);
    }

    private Task EditAsync(CampaignId campaign, string sql) => DialingSeed.ScalarAsync<long>(_db.DataSource,
        $"WITH edited AS (UPDATE campaigns SET {sql} WHERE id = '{campaign}' RETURNING 1) SELECT count(*) FROM edited");

    [Fact]
    public async Task A_running_predictive_campaign_switched_to_preview_offers_its_next_leads_as_previews_and_says_what_changed()
    {
        var (campaign, region) = await RunningPredictiveAsync(40);

        await EditAsync(campaign, "dial_mode = 'Preview', settings = jsonb_set(settings, '{maxAttempts}', '3')");
        var applied = await region.Ask<CampaignReplies.SettingsApplied>(new CampaignCommands.ApplySettings(campaign), Patience);
        var switchedAt = DateTimeOffset.UtcNow;
        Assert.Equal(CampaignStatus.Running, applied.Status);
        Assert.Equal((DialMode.Predictive, DialMode.Preview), (applied.Changed!.Change.From, applied.Changed.Change.To));
        Assert.Equal(new HashSet<CampaignSettingArea> { CampaignSettingArea.DialMode, CampaignSettingArea.AttemptLimits }, applied.Changed.Change.Areas.ToHashSet());

        await DialerFixture.Eventually(async () => await Count("SELECT count(*) FROM call_records WHERE dial_mode = 'Preview'") >= 3, Patience,
            "the next calls are previews");
        // Calls placed before the switch finish as they started; none is placed predictively after it.
        Assert.Equal(0L, await Count($"SELECT count(*) FROM call_records WHERE dial_mode = 'Predictive' AND started_at > '{switchedAt.AddSeconds(1):O}'"));
        Assert.Equal(0L, await Count("SELECT count(*) FROM call_records WHERE dial_mode = 'Preview' AND abandoned"));
        var status = await region.Ask<CampaignStatusReply>(new CampaignCommands.GetStatus(campaign), Patience);
        Assert.Equal(DialMode.Preview, status.DialMode);
        Assert.True(status.SettingsChanged!.Change.Has(CampaignSettingArea.DialMode));
    }

    [Fact]
    public async Task A_campaign_edited_while_stopped_dials_by_the_new_mode_once_started_again()
    {
        var (campaign, region) = await RunningPredictiveAsync(40);
        await region.Ask<CampaignReplies.CommandAccepted>(new CampaignCommands.Stop(campaign), Patience);
        await EditAsync(campaign, "dial_mode = 'Preview'");

        await region.Ask<CampaignReplies.CommandAccepted>(new CampaignCommands.Start(campaign), Patience);
        var startedAt = DateTimeOffset.UtcNow;
        await DialerFixture.Eventually(async () => await Count("SELECT count(*) FROM call_records WHERE dial_mode = 'Preview'") >= 3, Patience,
            "previews after the restart");
        Assert.Equal(0L, await Count($"SELECT count(*) FROM call_records WHERE dial_mode = 'Predictive' AND started_at > '{startedAt.AddSeconds(1):O}'"));
        var status = await region.Ask<CampaignStatusReply>(new CampaignCommands.GetStatus(campaign), Patience);
        Assert.Equal(DialMode.Preview, status.DialMode);
    }
}
