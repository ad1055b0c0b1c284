using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Outbound.Core.Campaigns;
using Outbound.Core.Tenants;
using Outbound.Data.Database;
using Outbound.Data.Desk;
using Outbound.Data.Dialing;
using Outbound.Data.Durable;
using Outbound.Data.Tests.Dialing;
using Outbound.Testing;
using Outbound.Testing.Dialing;

namespace Outbound.Data.Tests.Durable;

public sealed class DurableWriterTests : IAsyncLifetime
{
    private readonly PgTestDatabase _db = new();
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "outbox-test-" + Guid.NewGuid().ToString("N"));
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 4, 0, 0, TimeSpan.Zero);

    public Task InitializeAsync() => _db.InitializeAsync();

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    private DurableWriter Writer(Outbox? outbox = null, string? connectionString = null) => new(
        connectionString is null ? _db.DataSource : OutboundDataSource.Create(connectionString),
        NullLogger<DurableWriter>.Instance, new DatabaseHealth(), outbox, maxDelay: TimeSpan.FromMilliseconds(20));

    private Task<long> Count(string sql) => DialingSeed.ScalarAsync<long>(_db.DataSource, sql);

    [Fact]
    public async Task A_batch_writes_every_record_and_closes_its_leads_in_one_go()
    {
        var (tenant, campaign) = await DialingSeed.CampaignAsync(_db.DataSource);
        await DialingSeed.LeadsAsync(_db.DataSource, tenant, campaign, 1200);
        var hopper = new LeadHopper(_db.DataSource);
        var leads = await hopper.LeaseAsync(campaign, "run", 1200, Now, TimeSpan.FromMinutes(5));
        foreach (var lead in leads) await hopper.MarkDialingAsync(lead.Id, "run", Now);

        await using (var writer = new DurableWriter(_db.DataSource, NullLogger<DurableWriter>.Instance, maxBatch: 500))
        {
            foreach (var lead in leads)
                writer.Enqueue(LeadHopperTests.Completed(tenant, campaign, lead.Id, 1, lead.PhoneE164, CallOutcome.Busy,
                    new LeadUpdate("retry", Now + TimeSpan.FromMinutes(10), null, "Busy")));
            await writer.FlushAsync();
            Assert.Equal(1200, writer.Written);
        }
        Assert.Equal(1200L, await Count("SELECT count(*) FROM call_records WHERE outcome = 'Busy'"));
        Assert.Equal(1200L, await Count("SELECT count(*) FROM leads WHERE status = 'retry' AND lease_owner IS NULL"));
        Assert.Equal(0L, await Count("SELECT count(*) FROM calls_in_flight"));
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
        await using var writer = Writer();
        var done = new LeadUpdate("done", null, null, "Answered");
        writer.Enqueue(LeadHopperTests.Completed(tenant, campaign, lead.Id, 1, lead.PhoneE164, CallOutcome.Answered, done));
        writer.Enqueue(LeadHopperTests.Completed(tenant, campaign, lead.Id, 1, lead.PhoneE164, CallOutcome.Answered, done));
        await writer.FlushAsync();
        Assert.Equal(1L, await Count("SELECT count(*) FROM call_records"));
    }

    [Fact]
    public async Task A_recorded_call_can_be_neither_repointed_nor_cleared_nor_deleted()
    {
        var (tenant, campaign, lead) = await OneLeadDialingAsync();
        await using (var writer = Writer())
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

    /// <summary>A connection string to a port nobody listens on: PostgreSQL is away.</summary>
    private static string Unreachable()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Timeout=2";
    }

    /// <summary>Everything a session and its calls write during an outage, in the order it happened.</summary>
    private static IReadOnlyList<DurableRecord> AnOutagesRecords(TenantId tenant, CampaignId campaign, LeasedLead lead)
    {
        var session = Guid.CreateVersion7();
        var inbound = Guid.CreateVersion7();
        var at = Now;
        return
        [
            new AgentSessionStarted(session, "a1", campaign, at, "run"),
            new AgentStateRecorded(Guid.CreateVersion7(), session, "a1", "ready", null, at.AddSeconds(1)),
            new CallProgressed(lead.Id, 1) { AnsweredAt = at.AddSeconds(2), AnsweredBy = "human" },
            new CallProgressed(lead.Id, 1) { ConnectedAt = at.AddSeconds(3), Agent = "a1" },
            new AgentStateRecorded(Guid.CreateVersion7(), session, "a1", "on_call", null, at.AddSeconds(3)),
            new InboundCallArrived(inbound, tenant, campaign, "+8613900000000", null, 0, null, at.AddSeconds(4), "run"),
            new InboundCallEnded(new InboundCallRecord(inbound, tenant, campaign, "+8613900000000", null, 0, null, at.AddSeconds(4), null,
                at.AddSeconds(9), null, "abandoned", null, null, null), "run"),
            new CallFinished(LeadHopperTests.Completed(tenant, campaign, lead.Id, 1, lead.PhoneE164, CallOutcome.Answered,
                new LeadUpdate("done", null, null, "Answered"))),
            new AgentStateRecorded(Guid.CreateVersion7(), session, "a1", "ready", null, at.AddSeconds(40)),
            new InternalCallRecorded(Guid.CreateVersion7(), new InternalCallRecord("a1", "a2", at.AddSeconds(41), null, at.AddSeconds(50), "no_answer")),
            new AgentSessionEnded(session, at.AddSeconds(60), "logout"),
        ];
    }

    [Fact]
    public async Task Records_kept_in_the_outbox_while_the_database_is_away_are_replayed_in_order_by_the_next_start_and_applied_once()
    {
        var (tenant, campaign, lead) = await OneLeadDialingAsync();
        var records = AnOutagesRecords(tenant, campaign, lead);
        await using (var away = Writer(new Outbox(_folder), Unreachable()))
        {
            foreach (var record in records) away.Append(record);
            await away.FlushAsync();
            Assert.False(away.Health.IsUp);
            Assert.Equal(records.Count, away.Journaled);
            Assert.Equal(records.Count, away.Kept);
        }
        Assert.Equal(0L, await Count("SELECT count(*) FROM agent_sessions"));
        // A copy of the outbox as it was: replaying it again is what a crash between writing and forgetting would do.
        var copy = Path.Combine(_folder, "copy");
        Directory.CreateDirectory(copy);
        File.Copy(Path.Combine(_folder, "outbox.db"), Path.Combine(copy, "outbox.db"));

        foreach (var folder in new[] { _folder, copy })
        {
            await using var back = Writer(new Outbox(folder));
            await back.CaughtUpAsync();
            Assert.Equal(0, back.Kept);
            Assert.Equal(records.Count, back.Written);
        }

        // The state events after their session (the foreign key would refuse them otherwise), each once.
        Assert.Equal("ready,on_call,ready", await DialingSeed.ScalarAsync<string>(_db.DataSource,
            "SELECT string_agg(state, ',' ORDER BY at) FROM agent_state_events"));
        Assert.Equal("logout", await DialingSeed.ScalarAsync<string>(_db.DataSource, "SELECT logout_reason FROM agent_sessions"));
        Assert.Equal(1L, await Count("SELECT count(*) FROM call_records WHERE outcome = 'Answered'"));
        Assert.Equal(1L, await Count($"SELECT count(*) FROM leads WHERE id = {lead.Id.Value} AND status = 'done' AND lease_owner IS NULL"));
        Assert.Equal(0L, await Count("SELECT count(*) FROM calls_in_flight"));
        Assert.Equal(1L, await Count("SELECT count(*) FROM inbound_calls WHERE outcome = 'abandoned' AND ended_at IS NOT NULL"));
        Assert.Equal(1L, await Count("SELECT count(*) FROM internal_calls"));
    }

    [Fact]
    public async Task A_call_in_flight_keeps_what_it_learnt_until_its_record_is_written()
    {
        var (tenant, campaign, lead) = await OneLeadDialingAsync();
        await using var writer = Writer();
        writer.Append(new CallProgressed(lead.Id, 1) { AnsweredAt = Now.AddSeconds(5), AnsweredBy = "human" });
        writer.Append(new CallProgressed(lead.Id, 1) { ConnectedAt = Now.AddSeconds(6), Agent = "a1" });
        writer.Append(new CallProgressed(lead.Id, 1) { Disposition = "ptp", WrapEndedAt = Now.AddSeconds(70) });
        await writer.FlushAsync();

        var call = Assert.Single(await new InterruptedWork(_db.DataSource).CallsAsync("run"));
        Assert.Equal((Now.AddSeconds(5), "human", Now.AddSeconds(6), "a1", "ptp", true),
            (call.AnsweredAt, call.AnsweredBy, call.ConnectedAt, call.Agent, call.Disposition, call.StillDialing));

        writer.Enqueue(LeadHopperTests.Completed(tenant, campaign, lead.Id, 1, lead.PhoneE164, CallOutcome.Answered, new LeadUpdate("done", null, null, "Answered")));
        await writer.FlushAsync();
        Assert.Empty(await new InterruptedWork(_db.DataSource).CallsAsync("run"));
    }

    [Fact]
    public async Task A_fence_whose_answer_was_lost_is_taken_back_but_only_for_the_call_that_lost_it()
    {
        var (tenant, campaign) = await DialingSeed.CampaignAsync(_db.DataSource);
        var lead = new Core.Leads.LeadId(Assert.Single(await DialingSeed.LeadsAsync(_db.DataSource, tenant, campaign, 1)));
        var hopper = new LeadHopper(_db.DataSource);
        await hopper.LeaseAsync(campaign, "run/c", 1, Now, TimeSpan.FromMinutes(5));
        var lost = Guid.CreateVersion7();
        Assert.Equal(1, await hopper.MarkDialingAsync(lead, "run/c", Now, lost)); // held, but its answer never came back
        await using var writer = Writer();

        writer.Append(new CallNotPlaced(lead, lost));
        await writer.FlushAsync();
        Assert.Equal("new|0|true", await DialingSeed.ScalarAsync<string>(_db.DataSource,
            $"SELECT status || '|' || attempts || '|' || (lease_owner IS NULL) FROM leads WHERE id = {lead.Value}"));

        // Leased and fenced again by a later call: the first call's undo, replayed late, does not touch that attempt.
        await hopper.LeaseAsync(campaign, "run/c", 1, Now, TimeSpan.FromMinutes(5));
        Assert.Equal(1, await hopper.MarkDialingAsync(lead, "run/c", Now, Guid.CreateVersion7()));
        writer.Append(new CallNotPlaced(lead, lost));
        await writer.FlushAsync();
        Assert.Equal("dialing|1", await DialingSeed.ScalarAsync<string>(_db.DataSource, $"SELECT status || '|' || attempts FROM leads WHERE id = {lead.Value}"));
        Assert.Single(await new InterruptedWork(_db.DataSource).CallsAsync("run"));
    }

    [Fact]
    public async Task A_record_postgres_refuses_is_logged_and_skipped_and_the_rest_of_its_batch_is_written()
    {
        await using var writer = Writer(new Outbox(_folder));
        var session = Guid.CreateVersion7();
        writer.Append(new AgentStateRecorded(Guid.CreateVersion7(), Guid.CreateVersion7(), "ghost", "ready", null, Now)); // no such session
        writer.Append(new AgentSessionStarted(session, "a1", null, Now, "run"));
        writer.Append(new AgentStateRecorded(Guid.CreateVersion7(), session, "a1", "ready", null, Now));
        await writer.CaughtUpAsync();

        Assert.Equal(1, writer.Rejected);
        Assert.Equal(2, writer.Written);
        Assert.Equal(0, writer.Kept);
        Assert.True(writer.Health.IsUp);
        Assert.Equal(1L, await Count("SELECT count(*) FROM agent_state_events"));
    }

    [Fact]
    public void The_outbox_refuses_records_beyond_its_bound_and_keeps_what_it_holds_across_a_reopen()
    {
        var session = Guid.CreateVersion7();
        var records = Enumerable.Range(0, 1000)
            .Select(i => (DurableRecord)new AgentStateRecorded(Guid.CreateVersion7(), session, "a1", "ready", null, Now.AddSeconds(i))).ToList();
        using (var outbox = new Outbox(_folder, maxRecords: 1000))
        {
            Assert.True(outbox.Append(records));
            Assert.False(outbox.Append([records[0]]));
            Assert.Equal(1000, outbox.Count);
            var (first, through) = outbox.Peek(10);
            outbox.Remove(through);
            Assert.Equal(records.Take(10), first);
        }
        using var reopened = new Outbox(_folder, maxRecords: 1000);
        Assert.Equal(990, reopened.Count);
        Assert.Equal(records[10], reopened.Peek(1).Records.Single());
    }
}
