using Microsoft.Extensions.Logging.Abstractions;
using Outbound.Core.Campaigns;
using Outbound.Core.Leads;
using Outbound.Data.Dialing;
using Outbound.Data.Durable;
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
        await using (var writer = new DurableWriter(_db.DataSource, NullLogger<DurableWriter>.Instance))
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

    /// <summary>
    /// Fifteen leads of every kind the hopper meets: callbacks (due, future, owned by a7), retries (due, future, undated),
    /// new leads (undated, deferred to a due or a future time, held by another run's lease) and leads it never takes.
    /// </summary>
    private async Task<(CampaignId Campaign, long[] Ids)> MixedCampaignAsync()
    {
        var (tenant, campaign) = await DialingSeed.CampaignAsync(_db.DataSource);
        var ids = await DialingSeed.LeadsAsync(_db.DataSource, tenant, campaign, 15);
        await SetAsync(ids[1], "retry", "02:00");
        await SetAsync(ids[2], "callback", "03:30");
        await SetAsync(ids[3], "new", "01:00");
        await SetAsync(ids[4], "retry", "05:00");
        await SetAsync(ids[5], "callback", "03:00");
        await SetAsync(ids[6], "callback", "02:00", agent: "a7");
        await SetAsync(ids[7], "retry", null);
        await SetAsync(ids[8], "new", "06:00");
        await SetAsync(ids[9], "done", null);
        await SetAsync(ids[10], "manual", null);
        await SetAsync(ids[12], "retry", "02:00");
        await SetAsync(ids[13], "callback", "04:30");
        await using (var cmd = _db.DataSource.CreateCommand(
            $"UPDATE leads SET lease_owner = 'other', lease_expires_at = '2026-03-04T04:05Z' WHERE id = {ids[14]}"))
            await cmd.ExecuteNonQueryAsync();
        return (campaign, ids);
    }

    /// <summary>Sets a lead's status and next call time (UTC on <see cref="Now"/>'s day) and its callback owner.</summary>
    private async Task SetAsync(long id, string status, string? nextCallAt, string? agent = null)
    {
        await using var cmd = _db.DataSource.CreateCommand("UPDATE leads SET status = @status, next_call_at = @at, callback_agent = @agent WHERE id = @id");
        cmd.Parameters.AddWithValue("id", id);
        cmd.Parameters.AddWithValue("status", status);
        cmd.Parameters.AddWithValue("at", nextCallAt is null ? DBNull.Value : DateTimeOffset.Parse($"2026-03-04T{nextCallAt}Z", System.Globalization.CultureInfo.InvariantCulture));
        cmd.Parameters.AddWithValue("agent", (object?)agent ?? DBNull.Value);
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>Leases one lead at a time until none is left: the order in which the hopper hands them out.</summary>
    private async Task<List<long>> LeaseOneByOneAsync(CampaignId campaign, DateTimeOffset now, string? agent = null)
    {
        var order = new List<long>();
        while (await Hopper.LeaseAsync(campaign, "run", 1, now, Lease, agent) is [var lead]) order.Add(lead.Id.Value);
        return order;
    }

    [Fact]
    public async Task Due_callbacks_come_first_then_retries_and_new_leads_by_due_time_then_undated_leads_by_id()
    {
        var (campaign, ids) = await MixedCampaignAsync();

        var order = await LeaseOneByOneAsync(campaign, Now);

        // Not leased: the future retry, callback and deferred lead, a7's callback, done, manual and the one held by another run.
        Assert.Equal([ids[5], ids[2], ids[3], ids[1], ids[12], ids[0], ids[7], ids[11]], order);
    }

    [Fact]
    public async Task Later_the_future_leads_join_the_order_at_their_due_time_and_an_expired_lease_gives_its_lead_back()
    {
        var (campaign, ids) = await MixedCampaignAsync();

        var order = await LeaseOneByOneAsync(campaign, Now + TimeSpan.FromHours(3));

        Assert.Equal([ids[5], ids[2], ids[13], ids[3], ids[1], ids[12], ids[4], ids[8], ids[0], ids[7], ids[11], ids[14]], order);
    }

    [Fact]
    public async Task An_agents_own_callback_comes_in_the_callback_order_before_any_retry()
    {
        var (campaign, ids) = await MixedCampaignAsync();

        var order = await LeaseOneByOneAsync(campaign, Now, agent: "a7");

        Assert.Equal([ids[6], ids[5], ids[2], ids[3], ids[1], ids[12], ids[0], ids[7], ids[11]], order);
    }

    [Fact]
    public async Task A_lease_of_several_takes_exactly_the_first_ones_and_leaves_the_next_ones_leasable()
    {
        var (campaign, ids) = await MixedCampaignAsync();

        var first = await Hopper.LeaseAsync(campaign, "run", 4, Now, Lease);
        var second = await Hopper.LeaseAsync(campaign, "run", 3, Now, Lease);
        var rest = await Hopper.LeaseAsync(campaign, "run", 10, Now, Lease);

        Assert.Equal(new[] { ids[5], ids[2], ids[3], ids[1] }.Order(), first.Select(l => l.Id.Value));
        Assert.Equal(new[] { ids[12], ids[0], ids[7] }.Order(), second.Select(l => l.Id.Value));
        Assert.Equal([ids[11]], rest.Select(l => l.Id.Value));
    }

    [Fact]
    public async Task Concurrent_runs_on_a_large_mixed_campaign_lease_every_callable_lead_once_and_no_future_one()
    {
        var (tenant, campaign) = await DialingSeed.CampaignAsync(_db.DataSource);
        var ids = await DialingSeed.LeadsAsync(_db.DataSource, tenant, campaign, 20_000);
        // Per tenth: callbacks due, retries due, retries in the future, new leads deferred to a due time, undated new leads.
        await using (var cmd = _db.DataSource.CreateCommand("""
            UPDATE leads SET
                status = CASE id % 10 WHEN 0 THEN 'callback' WHEN 1 THEN 'retry' WHEN 2 THEN 'retry' ELSE 'new' END,
                next_call_at = CASE WHEN id % 10 IN (0, 1, 3) THEN @now - (id % 97) * interval '1 minute'
                                    WHEN id % 10 = 2 THEN @now + (1 + id % 97) * interval '1 minute' END
            WHERE campaign_id = @campaign
            """))
        {
            cmd.Parameters.AddWithValue("now", Now);
            cmd.Parameters.AddWithValue("campaign", campaign.Value);
            await cmd.ExecuteNonQueryAsync();
        }
        var runs = Enumerable.Range(0, 4).Select(async run =>
        {
            var mine = new List<LeasedLead>();
            while (await Hopper.LeaseAsync(campaign, "run" + run, 50, Now, Lease) is { Count: > 0 } leased) mine.AddRange(leased);
            return mine;
        });
        var all = (await Task.WhenAll(runs)).SelectMany(x => x).ToList();

        Assert.Equal(ids.Where(id => id % 10 != 2), all.Select(l => l.Id.Value).Order());
        Assert.All(all, l => Assert.True(l.NextCallAt is null || l.NextCallAt <= Now));
    }

    internal static CompletedCall Completed(Core.Tenants.TenantId tenant, CampaignId campaign, LeadId lead, int attempt, string phone,
        CallOutcome outcome, LeadUpdate update) =>
        new(new CallRecord(Guid.NewGuid(), tenant, campaign, lead, attempt, phone, "CN-11", 12, DialMode.Progressive, "+861095598", "a1",
            Now, Now, Now, null, Now + TimeSpan.FromSeconds(30), null, outcome, null, "human", outcome == CallOutcome.Abandoned, null, null, "run"),
            update);
}
