using Microsoft.Extensions.Logging.Abstractions;
using Outbound.Core.Campaigns;
using Outbound.Core.Tenants;
using Outbound.Data.Dialing;
using Outbound.Testing;
using Outbound.Testing.Dialing;

namespace Outbound.Data.Tests.Dialing;

public sealed class CallRecordWriterTests : IAsyncLifetime
{
    private readonly PgTestDatabase _db = new();
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 4, 0, 0, TimeSpan.Zero);

    public Task InitializeAsync() => _db.InitializeAsync();
    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task A_batch_writes_every_record_and_closes_its_leads_in_one_go()
    {
        var (tenant, campaign) = await DialingSeed.CampaignAsync(_db.DataSource);
        await DialingSeed.LeadsAsync(_db.DataSource, tenant, campaign, 1200);
        var hopper = new LeadHopper(_db.DataSource);
        var leads = await hopper.LeaseAsync(campaign, "run", 1200, Now, TimeSpan.FromMinutes(5));
        foreach (var lead in leads) await hopper.MarkDialingAsync(lead.Id, "run", Now);

        await using (var writer = new CallRecordWriter(_db.DataSource, NullLogger<CallRecordWriter>.Instance, maxBatch: 500))
        {
            foreach (var lead in leads)
                writer.Enqueue(LeadHopperTests.Completed(tenant, campaign, lead.Id, 1, lead.PhoneE164, CallOutcome.Busy,
                    new LeadUpdate("retry", Now + TimeSpan.FromMinutes(10), null, "Busy")));
            await writer.FlushAsync();
            Assert.Equal(1200, writer.Written);
        }
        Assert.Equal(1200L, await DialingSeed.ScalarAsync<long>(_db.DataSource, "SELECT count(*) FROM call_records WHERE outcome = 'Busy'"));
        Assert.Equal(1200L, await DialingSeed.ScalarAsync<long>(_db.DataSource, "SELECT count(*) FROM leads WHERE status = 'retry' AND lease_owner IS NULL"));
    }

    private async Task<(TenantId Tenant, CampaignId Campaign, LeasedLead Lead)> OneLeadDialingAsync()
    {
        var (tenant, campaign) = await DialingSeed.CampaignAsync(_db.DataSource);
        await DialingSeed.LeadsAsync(_db.DataSource, tenant, campaign, 1);
        var hopper = new LeadHopper(_db.DataSource);
        var lead = Assert.Single(await hopper.LeaseAsync(campaign, "run", 1, Now, TimeSpan.FromMinutes(5)));
        await hopper.MarkDialingAsync(lead.Id, "run", Now);
        return (tenant, campaign, lead);
    }

    [Fact]
    public async Task A_record_written_twice_for_the_same_attempt_is_kept_once()
    {
        var (tenant, campaign, lead) = await OneLeadDialingAsync();
        await using var writer = new CallRecordWriter(_db.DataSource, NullLogger<CallRecordWriter>.Instance);
        var done = new LeadUpdate("done", null, null, "Answered");
        writer.Enqueue(LeadHopperTests.Completed(tenant, campaign, lead.Id, 1, lead.PhoneE164, CallOutcome.Answered, done));
        writer.Enqueue(LeadHopperTests.Completed(tenant, campaign, lead.Id, 1, lead.PhoneE164, CallOutcome.Answered, done));
        await writer.FlushAsync();
        Assert.Equal(1L, await DialingSeed.ScalarAsync<long>(_db.DataSource, "SELECT count(*) FROM call_records"));
    }

    [Fact]
    public async Task A_recorded_call_can_be_neither_repointed_nor_cleared_nor_deleted()
    {
        var (tenant, campaign, lead) = await OneLeadDialingAsync();
        await using (var writer = new CallRecordWriter(_db.DataSource, NullLogger<CallRecordWriter>.Instance))
        {
            writer.Enqueue(LeadHopperTests.Completed(tenant, campaign, lead.Id, 1, lead.PhoneE164, CallOutcome.Answered, new LeadUpdate("done", null, null, "Answered")));
            await writer.FlushAsync();
        }
        // Naming the recording once is allowed (it is written after the call ends), and so is editing other columns.
        await DialingSeed.ScalarAsync<int>(_db.DataSource, "WITH u AS (UPDATE call_records SET recording_path = '/rec/a.wav' RETURNING 1) SELECT count(*)::int FROM u");
        await DialingSeed.ScalarAsync<int>(_db.DataSource, "WITH u AS (UPDATE call_records SET disposition = 'paid' RETURNING 1) SELECT count(*)::int FROM u");

        foreach (var sql in new[]
        {
            "UPDATE call_records SET recording_path = '/rec/b.wav'",
            "UPDATE call_records SET recording_path = NULL",
            "DELETE FROM call_records",
        })
        {
            var refused = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => DialingSeed.ScalarAsync<object>(_db.DataSource, sql));
            Assert.Equal("23000", refused.SqlState);
        }
        Assert.Equal("/rec/a.wav", await DialingSeed.ScalarAsync<string>(_db.DataSource, "SELECT recording_path FROM call_records"));
    }
}
