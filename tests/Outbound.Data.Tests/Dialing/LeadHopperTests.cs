using Microsoft.Extensions.Logging.Abstractions;
using Outbound.Core.Campaigns;
using Outbound.Core.Leads;
using Outbound.Data.Dialing;
using Outbound.Testing;
using Outbound.Testing.Dialing;

namespace Outbound.Data.Tests.Dialing;

public sealed class LeadHopperTests : IAsyncLifetime
{
    private readonly PgTestDatabase _db = new();
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 4, 0, 0, TimeSpan.Zero);

    public Task InitializeAsync() => _db.InitializeAsync();
    public Task DisposeAsync() => _db.DisposeAsync();

    private LeadHopper Hopper => new(_db.DataSource);

    [Fact]
    public async Task Concurrent_runs_never_lease_the_same_lead()
    {
        var (tenant, campaign) = await DialingSeed.CampaignAsync(_db.DataSource);
        var ids = await DialingSeed.LeadsAsync(_db.DataSource, tenant, campaign, 300);
        var runs = Enumerable.Range(0, 6).Select(async run =>
        {
            var mine = new List<long>();
            while (true)
            {
                var leased = await Hopper.LeaseAsync(campaign, "run" + run, 7, Now, Lease);
                if (leased.Count == 0) return mine;
                mine.AddRange(leased.Select(l => l.Id.Value));
            }
        });
        var all = (await Task.WhenAll(runs)).SelectMany(x => x).ToList();
        Assert.Equal(ids, all.Order());
    }

    [Fact]
    public async Task A_lease_that_expired_is_leased_again_and_the_old_owner_can_no_longer_dial()
    {
        var (tenant, campaign) = await DialingSeed.CampaignAsync(_db.DataSource);
        await DialingSeed.LeadsAsync(_db.DataSource, tenant, campaign, 1);
        var first = Assert.Single(await Hopper.LeaseAsync(campaign, "crashed", 5, Now, Lease));
        Assert.Empty(await Hopper.LeaseAsync(campaign, "other", 5, Now + TimeSpan.FromMinutes(1), Lease));

        var later = Now + Lease + TimeSpan.FromSeconds(1);
        var again = Assert.Single(await Hopper.LeaseAsync(campaign, "other", 5, later, Lease));
        Assert.Equal(first.Id, again.Id);
        Assert.Null(await Hopper.MarkDialingAsync(first.Id, "crashed", later));
        Assert.Equal(1, await Hopper.MarkDialingAsync(first.Id, "other", later));
    }

    [Fact]
    public async Task A_dialing_lead_is_not_leased_even_after_its_lease_expires_until_recovery_closes_the_attempt()
    {
        var (tenant, campaign) = await DialingSeed.CampaignAsync(_db.DataSource);
        await DialingSeed.LeadsAsync(_db.DataSource, tenant, campaign, 1);
        var lead = Assert.Single(await Hopper.LeaseAsync(campaign, "crashed", 5, Now, Lease));
        Assert.Equal(1, await Hopper.MarkDialingAsync(lead.Id, "crashed", Now));

        var later = Now + Lease + TimeSpan.FromSeconds(1);
        Assert.Empty(await Hopper.LeaseAsync(campaign, "next", 5, later, Lease));
        Assert.Equal(1, await Hopper.RecoverInterruptedAsync(campaign, later, TimeSpan.FromMinutes(30), maxAttempts: 6, "Progressive"));
        Assert.Equal("interrupted", await DialingSeed.ScalarAsync<string>(_db.DataSource, "SELECT failure_reason FROM call_records"));
        Assert.Empty(await Hopper.LeaseAsync(campaign, "next", 5, later, Lease)); // waits for the retry delay
        var retried = Assert.Single(await Hopper.LeaseAsync(campaign, "next", 5, later + TimeSpan.FromMinutes(31), Lease));
        Assert.Equal(1, retried.Attempts);
        Assert.Equal(2, await Hopper.MarkDialingAsync(retried.Id, "next", later + TimeSpan.FromMinutes(31)));
    }

    [Fact]
    public async Task Leased_leads_carry_dnc_and_the_numbers_recent_history()
    {
        var (tenant, campaign) = await DialingSeed.CampaignAsync(_db.DataSource);
        var ids = await DialingSeed.LeadsAsync(_db.DataSource, tenant, campaign, 2);
        await using (var cmd = _db.DataSource.CreateCommand("INSERT INTO dnc_numbers (tenant_id, phone_e164) VALUES (NULL, '+8613800000001')"))
            await cmd.ExecuteNonQueryAsync();
        var first = Assert.Single(await Hopper.LeaseAsync(campaign, "run", 1, Now, Lease));
        Assert.True(first.IsDnc);
        await Hopper.MarkDialingAsync(first.Id, "run", Now);
        await using (var writer = new CallRecordWriter(_db.DataSource, NullLogger<CallRecordWriter>.Instance))
        {
            writer.Enqueue(Completed(tenant, campaign, first.Id, 1, "+8613800000001", CallOutcome.Abandoned, new LeadUpdate("retry", Now, null, "Abandoned")));
            await writer.FlushAsync();
        }
        var again = await Hopper.LeaseAsync(campaign, "run", 5, Now + TimeSpan.FromMinutes(1), Lease);
        var sameNumber = again.Single(l => l.Id == first.Id);
        Assert.Equal(CallOutcome.Abandoned, Assert.Single(sameNumber.History).Outcome);
        Assert.False(again.Single(l => l.Id.Value == ids[1]).IsDnc);
    }

    [Fact]
    public async Task A_deferred_lead_waits_and_a_closed_lead_never_returns()
    {
        var (tenant, campaign) = await DialingSeed.CampaignAsync(_db.DataSource);
        await DialingSeed.LeadsAsync(_db.DataSource, tenant, campaign, 2);
        var leased = await Hopper.LeaseAsync(campaign, "run", 5, Now, Lease);
        await Hopper.ReleaseAsync(leased[0].Id, "run", new LeadRelease.Deferred(Now + TimeSpan.FromHours(2)));
        await Hopper.ReleaseAsync(leased[1].Id, "run", new LeadRelease.Closed("dnc", "dnc"));
        Assert.Empty(await Hopper.LeaseAsync(campaign, "run", 5, Now + TimeSpan.FromHours(1), Lease));
        Assert.Equal(leased[0].Id, Assert.Single(await Hopper.LeaseAsync(campaign, "run", 5, Now + TimeSpan.FromHours(3), Lease)).Id);
    }

    [Fact]
    public async Task An_owned_callback_is_leased_only_for_its_agent()
    {
        var (tenant, campaign) = await DialingSeed.CampaignAsync(_db.DataSource);
        var id = Assert.Single(await DialingSeed.LeadsAsync(_db.DataSource, tenant, campaign, 1));
        await using (var cmd = _db.DataSource.CreateCommand($"UPDATE leads SET status = 'callback', callback_agent = 'a7', next_call_at = '2026-03-01' WHERE id = {id}"))
            await cmd.ExecuteNonQueryAsync();
        Assert.Empty(await Hopper.LeaseAsync(campaign, "run", 5, Now, Lease));
        Assert.Empty(await Hopper.LeaseAsync(campaign, "run", 5, Now, Lease, agent: "a8"));
        Assert.Equal("a7", Assert.Single(await Hopper.LeaseAsync(campaign, "run", 5, Now, Lease, agent: "a7")).CallbackAgent);
    }

    internal static CompletedCall Completed(Core.Tenants.TenantId tenant, CampaignId campaign, LeadId lead, int attempt, string phone,
        CallOutcome outcome, LeadUpdate update) =>
        new(new CallRecord(Guid.NewGuid(), tenant, campaign, lead, attempt, phone, "CN-11", 12, DialMode.Progressive, "+861095598", "a1",
            Now, Now, Now, null, Now + TimeSpan.FromSeconds(30), null, outcome, null, "human", outcome == CallOutcome.Abandoned, null, null, "run"),
            update);
}
