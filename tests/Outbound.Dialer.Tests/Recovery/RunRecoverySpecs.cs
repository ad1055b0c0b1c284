using Microsoft.Extensions.Logging.Abstractions;
using Outbound.Core.Campaigns;
using Outbound.Core.Leads;
using Outbound.Data.Desk;
using Outbound.Data.Dialing;
using Outbound.Data.Durable;
using Outbound.Dialer.Recovery;
using Outbound.Dialer.Tests.Support;
using Outbound.Testing;
using Outbound.Testing.Dialing;

namespace Outbound.Dialer.Tests.Recovery;

/// <summary>
/// A run that crashed with calls at every stage, an inbound caller, an agent logged in and leads in its buffer; the node's
/// next run registers and closes it all at the crash time, keeping what each call had reached.
/// </summary>
public sealed class RunRecoverySpecs : IAsyncLifetime
{
    private static readonly CampaignSettings Settings = DialerFixture.AlwaysCallable with
    {
        Dispositions = [new Disposition("ptp", "承诺还款", true, true, IsFinal: true), new Disposition("call_later", "稍后再联系", true, false, IsFinal: false)],
    };

    private readonly PgTestDatabase _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();
    public Task DisposeAsync() => _db.DisposeAsync();

    private Task<T> Scalar<T>(string sql) => DialingSeed.ScalarAsync<T>(_db.DataSource, sql);

    [Fact]
    public async Task The_next_run_closes_a_crashed_runs_calls_with_what_they_reached_and_its_sessions_inbound_calls_and_leases_at_the_crash_time()
    {
        var (tenant, campaign) = await DialingSeed.CampaignAsync(_db.DataSource, Settings, status: "running");
        var ids = (await DialingSeed.LeadsAsync(_db.DataSource, tenant, campaign, 6)).Select(i => new LeadId(i)).ToArray();
        var runs = new DialerRuns(_db.DataSource);
        var crashed = new DialerRun("crashed-run", "node-1");
        var started = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds());
        await runs.RegisterAsync(crashed, started);
        await runs.HeartbeatAsync(crashed, started.AddMinutes(1));
        var crashAt = started.AddMinutes(2); // its heartbeat file saw it alive later than the database did

        var owner = crashed.OwnerFor(campaign);
        var hopper = new LeadHopper(_db.DataSource);
        await hopper.LeaseAsync(campaign, owner, 6, started, TimeSpan.FromHours(1));
        for (var i = 0; i < 5; i++) await hopper.MarkDialingAsync(ids[i], owner, started); // the sixth stays in the buffer
        var session = Guid.CreateVersion7();
        var inbound = Guid.CreateVersion7();
        await using (var writer = new DurableWriter(_db.DataSource, NullLogger<DurableWriter>.Instance))
        {
            // ids[0] still rings; ids[1] a person answered and no agent took it yet; ids[2] talked to a1, who gave a final
            // disposition while the customer talked on; ids[3] talked to a2, who saved a callback on the desk; ids[4] a machine.
            writer.Append(new CallProgressed(ids[1], 1) { AnsweredAt = started.AddSeconds(20), AnsweredBy = "human" });
            writer.Append(new CallProgressed(ids[2], 1) { AnsweredAt = started.AddSeconds(20), AnsweredBy = "human" });
            writer.Append(new CallProgressed(ids[2], 1) { ConnectedAt = started.AddSeconds(21), Agent = "a1" });
            writer.Append(new CallProgressed(ids[2], 1) { Disposition = "ptp", WrapEndedAt = started.AddSeconds(80) });
            writer.Append(new CallProgressed(ids[3], 1) { AnsweredAt = started.AddSeconds(20), AnsweredBy = "human" });
            writer.Append(new CallProgressed(ids[3], 1) { ConnectedAt = started.AddSeconds(22), Agent = "a2" });
            writer.Append(new CallProgressed(ids[4], 1) { AnsweredAt = started.AddSeconds(20), AnsweredBy = "machine" });
            writer.Append(new AgentSessionStarted(session, "a1", campaign, started, crashed.Id));
            writer.Append(new AgentStateRecorded(Guid.CreateVersion7(), session, "a1", "on_call", null, started.AddSeconds(21)));
            writer.Append(new InboundCallArrived(inbound, tenant, campaign, "+8613900000000", null, 0, null, started.AddSeconds(30), crashed.Id));
            writer.Append(new InboundCallConnected(inbound, started.AddSeconds(35), "a3"));
            await writer.FlushAsync();
        }
        var callbackAt = started.AddDays(1);
        await using (var form = _db.DataSource.CreateCommand($"""
            INSERT INTO desk_call_forms (id, tenant_id, campaign_id, lead_id, agent, disposition, callback_at, callback_mine, saved_at)
            VALUES (gen_random_uuid(), '{tenant.Value}', '{campaign.Value}', {ids[3].Value}, 'a2', 'call_later', @callback, true, @saved)
            """))
        {
            form.Parameters.AddWithValue("callback", callbackAt.ToUniversalTime());
            form.Parameters.AddWithValue("saved", started.AddSeconds(90).ToUniversalTime());
            await form.ExecuteNonQueryAsync();
        }

        // The node starts again: its new run ends the crashed one at its last sign of life, and closes its work.
        var (services, _) = DialerFixture.Services(_db);
        services = services with { Run = new DialerRun("next-run", "node-1") };
        Assert.Equal(["crashed-run"], await runs.RegisterAsync(services.Run, DateTimeOffset.UtcNow, ("crashed-run", crashAt)));
        var recovered = Assert.Single(await new RunRecovery(services, runs, new InterruptedWork(_db.DataSource)).RecoverAsync());
        Assert.Equal(("crashed-run", 5, 1, 1, 1), (recovered.RunId, recovered.Calls, recovered.InboundCalls, recovered.Sessions, recovered.Leases));

        string Call(LeadId lead) => $"""
            SELECT c.outcome || '|' || coalesce(c.agent, '-') || '|' || coalesce(c.disposition, '-') || '|' || (c.answered_at IS NOT NULL)
                   || '|' || c.failure_reason || '|' || l.status || '|' || c.abandoned || '|' || (extract(epoch FROM c.ended_at)::bigint = {crashAt.ToUnixTimeSeconds()})
            FROM call_records c JOIN leads l ON l.id = c.lead_id WHERE c.lead_id = {lead.Value}
            """;
        Assert.Equal("Failed|-|-|false|interrupted|retry|false|true", await Scalar<string>(Call(ids[0])));
        Assert.Equal("Abandoned|-|-|true|interrupted|retry|true|true", await Scalar<string>(Call(ids[1])));
        Assert.Equal("Answered|a1|ptp|true|interrupted|done|false|true", await Scalar<string>(Call(ids[2])));
        Assert.Equal("Answered|a2|call_later|true|interrupted|callback|false|true", await Scalar<string>(Call(ids[3])));
        Assert.Equal("Machine|-|-|true|interrupted|retry|false|true", await Scalar<string>(Call(ids[4])));
        // The reached customer with a booked callback is called back as booked, by the agent who booked it.
        Assert.Equal("a2", await Scalar<string>($"SELECT callback_agent FROM leads WHERE id = {ids[3].Value}"));
        Assert.Equal(callbackAt.ToUnixTimeSeconds(), await Scalar<long>($"SELECT extract(epoch FROM next_call_at)::bigint FROM leads WHERE id = {ids[3].Value}"));
        Assert.Equal(0L, await Scalar<long>("SELECT count(*) FROM calls_in_flight"));
        Assert.Equal(0L, await Scalar<long>("SELECT count(*) FROM leads WHERE status = 'dialing' OR lease_owner IS NOT NULL"));

        Assert.Equal($"crash|{crashAt.ToUnixTimeSeconds()}", await Scalar<string>(
            "SELECT logout_reason || '|' || extract(epoch FROM logged_out_at)::bigint FROM agent_sessions"));
        Assert.Equal("logged_out", await Scalar<string>("SELECT state FROM agent_state_events ORDER BY at DESC LIMIT 1"));
        Assert.Equal("interrupted|a3|true", await Scalar<string>(
            "SELECT outcome || '|' || agent || '|' || (connected_at IS NOT NULL) FROM inbound_calls"));
        Assert.Equal("crashed|true", await Scalar<string>("SELECT end_reason || '|' || (recovered_at IS NOT NULL) FROM dialer_runs WHERE id = 'crashed-run'"));

        // Recovering again finds nothing more to close.
        Assert.Empty(await new RunRecovery(services, runs, new InterruptedWork(_db.DataSource)).RecoverAsync());
        Assert.Equal(5L, await Scalar<long>("SELECT count(*) FROM call_records"));
    }

    [Fact]
    public async Task A_run_of_another_node_silent_past_the_limit_is_declared_lost_and_a_living_one_is_left_alone()
    {
        var runs = new DialerRuns(_db.DataSource);
        var now = DateTimeOffset.UtcNow;
        await runs.RegisterAsync(new DialerRun("silent", "node-a"), now.AddMinutes(-10));
        await runs.RegisterAsync(new DialerRun("alive", "node-b"), now.AddMinutes(-10));
        await runs.HeartbeatAsync(new DialerRun("alive", "node-b"), now.AddSeconds(-5));

        Assert.Equal(["silent"], await runs.DeclareLostAsync(now, TimeSpan.FromMinutes(1)));
        var dead = Assert.Single(await runs.UnrecoveredAsync());
        Assert.Equal(("silent", "lost", now.AddMinutes(-10).ToUnixTimeSeconds()), (dead.Id, dead.Reason, dead.EndedAt.ToUnixTimeSeconds()));
    }
}
