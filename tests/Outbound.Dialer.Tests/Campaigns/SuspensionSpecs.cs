using Akka.Actor;
using Akka.TestKit.Xunit2;
using Outbound.Core.Billing;
using Outbound.Core.Campaigns;
using Outbound.Core.Compliance;
using Outbound.Data.Billing;
using Outbound.Data.Dialing;
using Outbound.Dialer.Bots;
using Outbound.Dialer.Campaigns;
using Outbound.Dialer.Tests.Support;
using Outbound.Testing;
using Outbound.Testing.Dialing;

namespace Outbound.Dialer.Tests.Campaigns;

/// <summary>
/// Billing reaches the dialer: a client more than the grace days overdue is suspended and its campaigns
/// stop and refuse to start; paying lifts it; a maintenance window pauses dialing. Real PostgreSQL.
/// </summary>
public sealed class SuspensionSpecs() : TestKit(CampaignSharding.Hocon), IAsyncLifetime
{
    private static readonly TimeSpan Cn = TimeSpan.FromHours(8);
    private readonly PgTestDatabase _db = new();
    // The billing clock: 17 February, sixteen days after February's rent fell due.
    private readonly BillingClock _billingClock = new(new DateTimeOffset(2026, 2, 17, 9, 0, 0, Cn));

    public Task InitializeAsync() => _db.InitializeAsync();
    async Task IAsyncLifetime.DisposeAsync() => await _db.DisposeAsync();

    private async Task<(CampaignId Campaign, IActorRef Region, Telephony.Simulated.SimulatedTelephony Carrier, TenantSuspensions Suspensions, BillingAccounts Accounts)> SetUp()
    {
        var (tenant, campaign) = await DialingSeed.CampaignAsync(_db.DataSource, DialerFixture.AlwaysCallable);
        await DialingSeed.LeadsAsync(_db.DataSource, tenant, campaign, 400);
        var accounts = new BillingAccounts(_db.DataSource, _billingClock);
        await accounts.Terms.SaveAsync(ContractTerms.Sample(tenant, "HT-S", 2, new(2026, 1, 1), new(2026, 12, 31)), "admin");
        await accounts.Payments.RecordAsync(tenant, new DateOnly(2026, 1, 1), 8_000m, "押一付一", "admin");
        var suspensions = new TenantSuspensions(_db.DataSource, accounts, _billingClock);

        var (services, carrier) = DialerFixture.Services(_db, DialerFixture.FastOptions with { StandingCheckInterval = TimeSpan.FromMilliseconds(300) },
            DialerFixture.FastCarrier with { HumanAnswerRate = 0.4 });
        services = services with { Standing = new TenantStandingQuery(_db.DataSource) };
        var region = CampaignSharding.Start(Sys, services);
        for (var i = 1; i <= 3; i++) Sys.ActorOf(BotAgentActor.Props($"bot{i}", campaign, region, services, DialerFixture.FastBots));
        return (campaign, region, carrier, suspensions, accounts);
    }

    private Task<string> Status(CampaignId campaign) =>
        DialingSeed.ScalarAsync<string>(_db.DataSource, $"SELECT status FROM campaigns WHERE id = '{campaign}'");

    [Fact]
    public async Task Overdue_beyond_grace_stops_the_running_campaign_refuses_a_start_and_payment_lets_it_start_again()
    {
        var (campaign, region, carrier, suspensions, accounts) = await SetUp();
        var started = await region.Ask<CampaignReplies.CommandAccepted>(new CampaignCommands.Start(campaign), TimeSpan.FromSeconds(20));
        Assert.Equal(CampaignStatus.Running, started.Status);
        await DialerFixture.Eventually(() => Task.FromResult(carrier.Placed.Count >= 3), TimeSpan.FromSeconds(30), "first calls");

        var tenant = (await new CampaignStore(_db.DataSource).FindAsync(campaign))!.TenantId;
        Assert.NotNull(await suspensions.EvaluateAsync(tenant));                  // February unpaid 16 days: suspended
        await DialerFixture.Eventually(async () => await Status(campaign) == "paused", TimeSpan.FromSeconds(20), "the running campaign stops");
        await Task.Delay(TimeSpan.FromSeconds(1));                                // calls in flight finish
        var placedAtStop = carrier.Placed.Count;
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(placedAtStop, carrier.Placed.Count);

        var refused = await region.Ask<CampaignReplies.CommandRejected>(new CampaignCommands.Start(campaign), TimeSpan.FromSeconds(20));
        Assert.Equal(RefusalReason.TenantSuspended.Code(), refused.Reason);
        Assert.Equal("paused", await Status(campaign));

        await accounts.Payments.RecordAsync(tenant, new DateOnly(2026, 2, 17), 4_000m, "二月租金", "admin");
        Assert.Null(await suspensions.EvaluateAsync(tenant));
        var restarted = await region.Ask<CampaignReplies.CommandAccepted>(new CampaignCommands.Start(campaign), TimeSpan.FromSeconds(20));
        Assert.Equal(CampaignStatus.Running, restarted.Status);
        await DialerFixture.Eventually(() => Task.FromResult(carrier.Placed.Count > placedAtStop), TimeSpan.FromSeconds(30), "dialing again after payment");
    }

    [Fact]
    public async Task A_campaign_the_suspension_paused_resumes_on_its_own_after_payment_while_one_paused_by_hand_stays_paused()
    {
        var (campaign, region, carrier, suspensions, accounts) = await SetUp();
        var tenant = (await new CampaignStore(_db.DataSource).FindAsync(campaign))!.TenantId;
        var byHand = new CampaignId(Guid.NewGuid());
        await DialingSeed.ScalarAsync<int>(_db.DataSource, $"""
            INSERT INTO campaigns (id, tenant_id, code, name, kind, dial_mode, status, settings)
            SELECT '{byHand}', tenant_id, 'paused-by-hand', name, kind, dial_mode, 'draft', settings FROM campaigns WHERE id = '{campaign}'
            RETURNING 1
            """);
        await DialingSeed.LeadsAsync(_db.DataSource, tenant, byHand, 50, firstNumber: 5000);
        await region.Ask<CampaignReplies.CommandAccepted>(new CampaignCommands.Start(byHand), TimeSpan.FromSeconds(20));
        await region.Ask<CampaignReplies.CommandAccepted>(new CampaignCommands.Pause(byHand), TimeSpan.FromSeconds(20));
        await region.Ask<CampaignReplies.CommandAccepted>(new CampaignCommands.Start(campaign), TimeSpan.FromSeconds(20));
        await DialerFixture.Eventually(() => Task.FromResult(carrier.Placed.Count >= 3), TimeSpan.FromSeconds(30), "first calls");

        Assert.NotNull(await suspensions.EvaluateAsync(tenant));
        await DialerFixture.Eventually(async () => await Status(campaign) == "paused", TimeSpan.FromSeconds(20), "the running campaign pauses");
        Assert.True(await DialingSeed.ScalarAsync<bool>(_db.DataSource, $"SELECT paused_by_suspension FROM campaigns WHERE id = '{campaign}'"));
        await Task.Delay(TimeSpan.FromSeconds(1));                                // calls in flight finish
        var placedAtStop = carrier.Placed.Count;

        // The Admin records the payment on the billing pages: the payment, then the standing re-evaluated. No one starts anything.
        await accounts.Payments.RecordAsync(tenant, new DateOnly(2026, 2, 17), 4_000m, "二月租金", "admin");
        Assert.Null(await suspensions.EvaluateAsync(tenant));
        await DialerFixture.Eventually(async () => await Status(campaign) == "running", TimeSpan.FromSeconds(20), "the suspended campaign resumes");
        await DialerFixture.Eventually(() => Task.FromResult(carrier.Placed.Count > placedAtStop), TimeSpan.FromSeconds(30), "dialing again after payment");
        Assert.False(await DialingSeed.ScalarAsync<bool>(_db.DataSource, $"SELECT paused_by_suspension FROM campaigns WHERE id = '{campaign}'"));
        await Task.Delay(TimeSpan.FromSeconds(1));                                // several standing checks later
        Assert.Equal("paused", await Status(byHand));
    }

    [Fact]
    public async Task A_maintenance_window_pauses_dialing_without_stopping_the_campaign()
    {
        var (campaign, region, carrier, _, _) = await SetUp();
        var tenant = (await new CampaignStore(_db.DataSource).FindAsync(campaign))!.TenantId;
        var now = DateTimeOffset.UtcNow;
        await new MaintenanceWindows(_db.DataSource).AddAsync(tenant, new MaintenanceWindow(Guid.NewGuid(), now.AddMinutes(-1), now.AddSeconds(4), "系统维护"));

        await region.Ask<CampaignReplies.CommandAccepted>(new CampaignCommands.Start(campaign), TimeSpan.FromSeconds(20));
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Empty(carrier.Placed);
        Assert.Equal("running", await Status(campaign));
        await DialerFixture.Eventually(() => Task.FromResult(carrier.Placed.Count >= 3), TimeSpan.FromSeconds(30), "dialing after the window");
    }

    private sealed class BillingClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }
}
