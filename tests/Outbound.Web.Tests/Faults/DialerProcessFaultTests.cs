using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Outbound.Data;
using Outbound.Data.Demo;
using Outbound.Testing;
using Outbound.Web.Tests.Support;

namespace Outbound.Web.Tests.Faults;

/// <summary>
/// The demo (bots dialling both demo campaigns on the simulated carrier, simulated callers on the hotline) run as its own
/// process and killed with SIGKILL, or stopped with SIGTERM, mid-campaign — what the issue measured on the demo.
/// </summary>
[Collection(DialerFaults.Name)]
public sealed class DialerProcessFaultTests : IAsyncLifetime
{
    private readonly PgTestDatabase _db = new();
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dialer-process-" + Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration[$"ConnectionStrings:{DataServiceCollectionExtensions.ConnectionStringName}"] = _db.ConnectionString;
        builder.AddOutboundData();
        using var host = builder.Build();
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    /// <param name="timeScale">How much faster than life the simulated carrier plays calls out.</param>
    private Dictionary<string, string> Settings(double timeScale, TimeSpan drain) => new()
    {
        ["ConnectionStrings__Outbound"] = _db.ConnectionString,
        ["Outbound__Demo__Enabled"] = "true",
        ["Outbound__Demo__BotsPerCampaign"] = "4",
        ["Outbound__Demo__LeadsPerCampaign"] = "400",
        ["Outbound__Demo__Inbound__CallersPerMinute"] = "30",
        ["Outbound__Demo__Inbound__PatienceSecondsMin"] = "60",
        ["Outbound__Demo__Inbound__PatienceSecondsMax"] = "120",
        ["Outbound__Simulated__TimeScale"] = timeScale.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Outbound__Dialer__Node"] = "fault-test-node",
        ["Outbound__Dialer__StateFolder"] = _folder,
        ["Outbound__Dialer__RecordingFolder"] = Path.Combine(_folder, "recordings"),
        ["Outbound__Dialer__HeartbeatInterval"] = "00:00:01",
        ["Outbound__Dialer__DrainTimeout"] = drain.ToString("c"),
    };

    private async Task<T> Scalar<T>(string sql)
    {
        await using var cmd = _db.DataSource.CreateCommand(sql);
        return (T)(await cmd.ExecuteScalarAsync())!;
    }

    private async Task<List<string>> Rows(string sql)
    {
        await using var cmd = _db.DataSource.CreateCommand(sql);
        await using var reader = await cmd.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        return rows;
    }

    private static async Task Eventually(Func<Task<bool>> condition, TimeSpan timeout, string what, WebProcess? process = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out waiting for: {what}\n{process?.Output}");
            await Task.Delay(250);
        }
    }

    /// <summary>Until calls are connected to agents, a caller waits or talks on the hotline and the bots are logged in.</summary>
    private Task BusyFloorAsync(WebProcess process) => Eventually(async () =>
            await Scalar<long>("SELECT count(*) FROM calls_in_flight WHERE connected_at IS NOT NULL") >= 2
            && await Scalar<long>("SELECT count(*) FROM inbound_calls WHERE ended_at IS NULL") >= 1
            && await Scalar<long>("SELECT count(*) FROM agent_sessions WHERE logged_out_at IS NULL") >= 8,
        TimeSpan.FromMinutes(3), "calls connected, a caller in the hotline and the bots logged in", process);

    [Fact]
    public async Task A_dialer_killed_mid_campaign_is_restarted_and_within_10_s_its_calls_are_closed_with_what_they_knew_and_its_sessions_at_the_crash()
    {
        string crashed;
        DateTimeOffset killedAt;
        await using (var first = WebProcess.Start(Settings(timeScale: 2, TimeSpan.FromSeconds(30))))
        {
            await BusyFloorAsync(first);
            crashed = await Scalar<string>("SELECT id FROM dialer_runs WHERE ended_at IS NULL");
            await first.KillAsync();
            killedAt = DateTimeOffset.UtcNow;
        }
        // What the database knew of the killed run's calls when it died.
        var known = await Rows($"""
            SELECT lead_id || '|' || attempt || '|' || coalesce(answered_at::text, '-') || '|' || coalesce(connected_at::text, '-') || '|' || coalesce(agent, '-')
            FROM calls_in_flight f WHERE run_id = '{crashed}'
              AND EXISTS (SELECT 1 FROM leads l WHERE l.id = f.lead_id AND l.status = 'dialing' AND l.attempts = f.attempt)
            ORDER BY 1
            """);
        Assert.Contains(known, k => !k.EndsWith("|-", StringComparison.Ordinal)); // some had an agent
        Assert.True(await Scalar<long>($"SELECT count(*) FROM agent_sessions WHERE run_id = '{crashed}' AND logged_out_at IS NULL") >= 8);
        Assert.True(await Scalar<long>($"SELECT count(*) FROM inbound_calls WHERE run_id = '{crashed}' AND ended_at IS NULL") >= 1);

        var restarted = Stopwatch.StartNew();
        await using var second = WebProcess.Start(Settings(timeScale: 2, TimeSpan.FromSeconds(30)));
        await Eventually(async () =>
                await Scalar<long>($"SELECT count(*) FROM calls_in_flight WHERE run_id = '{crashed}'") == 0
                && await Scalar<long>($"SELECT count(*) FROM agent_sessions WHERE run_id = '{crashed}' AND logged_out_at IS NULL") == 0
                && await Scalar<long>($"SELECT count(*) FROM inbound_calls WHERE run_id = '{crashed}' AND ended_at IS NULL") == 0,
            TimeSpan.FromSeconds(90), "the killed run's calls, sessions and inbound calls closed", second);
        var closedAt = DateTimeOffset.UtcNow;
        // Timed from the new dialer run's start (the process's own start-up, JIT and all, varies with the machine's load).
        var dialerUp = await Scalar<DateTime>($"SELECT started_at FROM dialer_runs WHERE id <> '{crashed}'");
        var closedWithin = closedAt - new DateTimeOffset(dialerUp, TimeSpan.Zero);
        Assert.True(closedWithin <= TimeSpan.FromSeconds(10),
            $"closed {closedWithin.TotalSeconds:F1} s after the dialer started again ({restarted.Elapsed.TotalSeconds:F1} s after the process)\n{second.Output}");

        // Each interrupted call keeps its answer, connect time and agent; a connected one counts as answered, not as a failure to retry.
        var recorded = await Rows($"""
            SELECT c.lead_id || '|' || c.attempt || '|' || coalesce(c.answered_at::text, '-') || '|' || coalesce(c.connected_at::text, '-') || '|' || coalesce(c.agent, '-')
            FROM call_records c
            JOIN (VALUES {string.Join(", ", known.Select(k => k.Split('|')).Select(k => $"({k[0]}, {k[1]})"))}) AS w (lead_id, attempt)
                ON w.lead_id = c.lead_id AND w.attempt = c.attempt
            WHERE c.failure_reason = 'interrupted'
            ORDER BY 1
            """);
        Assert.Equal(known, recorded);
        Assert.Equal(0L, await Scalar<long>($"""
            SELECT count(*) FROM call_records WHERE run_id = '{crashed}' AND failure_reason = 'interrupted' AND connected_at IS NOT NULL AND outcome <> 'Answered'
            """));
        Assert.Equal(0L, await Scalar<long>($"""
            SELECT count(*) FROM leads l JOIN call_records c ON c.lead_id = l.id AND c.attempt = l.attempts
            WHERE c.run_id = '{crashed}' AND c.connected_at IS NOT NULL AND l.last_outcome = 'Failed'
            """));

        // The sessions end at the crash (within the heartbeat), marked as closed by it; the hotline's callers end as interrupted.
        var ends = await Rows($"SELECT logout_reason || '|' || extract(epoch FROM logged_out_at)::text FROM agent_sessions WHERE run_id = '{crashed}'");
        Assert.All(ends, e =>
        {
            var (reason, at) = (e.Split('|')[0], DateTimeOffset.FromUnixTimeMilliseconds((long)(double.Parse(e.Split('|')[1], System.Globalization.CultureInfo.InvariantCulture) * 1000)));
            Assert.Equal("crash", reason);
            Assert.InRange(at, killedAt - TimeSpan.FromSeconds(3), killedAt);
        });
        Assert.Equal(0L, await Scalar<long>($"SELECT count(*) FROM inbound_calls WHERE run_id = '{crashed}' AND outcome IN ('in_progress')"));
        Assert.True(await Scalar<long>($"SELECT count(*) FROM inbound_calls WHERE run_id = '{crashed}' AND outcome = 'interrupted'") >= 1);
        Assert.Equal("crashed", await Scalar<string>($"SELECT end_reason FROM dialer_runs WHERE id = '{crashed}'"));

        // And the demo dials again.
        var placed = await Scalar<long>("SELECT count(*) FROM call_records");
        await Eventually(async () => await Scalar<long>("SELECT count(*) FROM call_records") > placed + 3, TimeSpan.FromSeconds(60), "dialling resumes", second);
    }

    [Fact]
    public async Task Sigterm_lets_live_calls_run_to_the_drain_timeout_then_closes_them_as_interrupted_and_leaves_no_call_dialing()
    {
        var drain = TimeSpan.FromSeconds(5);
        await using var process = WebProcess.Start(Settings(timeScale: 1, drain)); // talks of about a minute: longer than the drain
        await BusyFloorAsync(process);
        var run = await Scalar<string>("SELECT id FROM dialer_runs WHERE ended_at IS NULL");
        var live = await Scalar<long>("SELECT count(*) FROM calls_in_flight WHERE connected_at IS NOT NULL");

        var stopping = Stopwatch.StartNew();
        await process.TerminateAsync(TimeSpan.FromSeconds(90));
        Assert.Equal(0, process.ExitCode);
        Assert.True(stopping.Elapsed >= drain, $"stopped in {stopping.Elapsed.TotalSeconds:F1} s: the calls had the drain time to finish\n{process.Output}");

        Assert.Equal(0L, await Scalar<long>("SELECT count(*) FROM leads WHERE status = 'dialing'"));
        Assert.Equal(0L, await Scalar<long>("SELECT count(*) FROM calls_in_flight"));
        Assert.Equal(0L, await Scalar<long>("SELECT count(*) FROM inbound_calls WHERE ended_at IS NULL"));
        Assert.Equal(0L, await Scalar<long>("SELECT count(*) FROM agent_sessions WHERE logged_out_at IS NULL"));
        Assert.True(await Scalar<long>($"""
            SELECT count(*) FROM call_records
            WHERE run_id = '{run}' AND failure_reason = 'interrupted' AND outcome = 'Answered' AND agent IS NOT NULL
            """) >= Math.Min(live, 2), process.Output);
        Assert.Equal("stopped", await Scalar<string>($"SELECT end_reason FROM dialer_runs WHERE id = '{run}'"));
        Assert.Equal("running", await Scalar<string>("SELECT status FROM campaigns WHERE code = 'bank-collect-1'")); // it resumes at the next start
    }
}

/// <summary>The fault tests run whole dialers (processes, a cluster of their own): one after the other, not side by side.</summary>
[CollectionDefinition(Name)]
public sealed class DialerFaults
{
    public const string Name = "dialer faults";
}
