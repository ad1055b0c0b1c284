using System.Collections.Concurrent;
using Akka.Actor;
using Outbound.Core.Acd;
using Outbound.Core.Campaigns;
using Outbound.Data.Desk;
using Outbound.Dialer.Calls;
using Outbound.Dialer.Campaigns;
using Outbound.Dialer.Inbound;
using Outbound.Dialer.Tests.Support;
using Outbound.Testing;
using Outbound.Testing.Dialing;

namespace Outbound.Dialer.Tests.Recovery;

/// <summary>
/// PostgreSQL stopped under a running campaign, with agents working and inbound callers arriving — on a cluster of the
/// test's own. While it is away the dialer finishes the calls in hand and dials nothing new; once it is back dialling
/// resumes by itself, no lead stays leased beyond its lease, and every call, inbound call and agent state change of
/// the outage is in the database exactly once.
/// </summary>
public sealed class DatabaseOutageSpecs(PrivatePgCluster cluster) : IClassFixture<PrivatePgCluster>
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    [Fact]
    public Task Ten_seconds_without_the_database_lose_nothing_and_dialling_resumes_at_its_normal_rate() =>
        OutageAsync(TimeSpan.FromSeconds(10), DialerFixture.FastOptions with { LeaseFor = TimeSpan.FromSeconds(30) });

    /// <summary>
    /// Longer than the leases and than the campaign's lease-renewal and recovery timers, which the issue's 60 s outage
    /// crossed (2 min in production; 20 s here), and than the watchdog's period.
    /// </summary>
    [Fact]
    public Task Seventy_seconds_without_the_database_across_the_lease_and_recovery_timers_lose_nothing_and_dialling_resumes() =>
        OutageAsync(TimeSpan.FromSeconds(70), DialerFixture.FastOptions with { LeaseFor = TimeSpan.FromSeconds(20) });

    private async Task OutageAsync(TimeSpan outage, DialerOptions options)
    {
        var db = PgTestDatabase.On(cluster.ServerConnectionString);
        await db.InitializeAsync();
        try
        {
            await RunOutageAsync(db, outage, options with
            {
                WatchdogInterval = TimeSpan.FromSeconds(5), HeartbeatInterval = TimeSpan.FromSeconds(1), RetryMax = TimeSpan.FromSeconds(4),
                AgentRejoinInterval = TimeSpan.FromSeconds(2),
            });
        }
        finally
        {
            if (!await CanConnectAsync()) await cluster.StartAsync(); // a failed assertion mid-outage must not leave the cluster down
            await db.DisposeAsync();
        }
    }

    private async Task<bool> CanConnectAsync()
    {
        try
        {
            await using var connection = new Npgsql.NpgsqlConnection(cluster.ServerConnectionString);
            await connection.OpenAsync();
            return true;
        }
        catch (Npgsql.NpgsqlException)
        {
            return false;
        }
    }

    private async Task RunOutageAsync(PgTestDatabase db, TimeSpan outage, DialerOptions options)
    {
        var (tenant, campaign) = await DialingSeed.CampaignAsync(db.DataSource, DialerFixture.AlwaysCallable);
        await DialingSeed.LeadsAsync(db.DataSource, tenant, campaign, 3000);
        var (hotlineTenant, hotline) = await DialingSeed.CampaignAsync(db.DataSource, DialerFixture.AlwaysCallable);
        await new InboundQueueSettings(db.DataSource).SaveAsync(hotlineTenant, hotline,
            new QueuePolicy { WrapUp = TimeSpan.FromMilliseconds(200), AnnounceEvery = TimeSpan.Zero, MaxWait = TimeSpan.FromMinutes(5) },
            null, new Dictionary<string, IReadOnlyDictionary<string, int>>(), "test", DateTimeOffset.UtcNow);

        await using var node = TestNode.Start(db, options);
        var stateChanges = new ConcurrentDictionary<string, int>();
        Assert.IsType<CampaignReplies.CommandAccepted>(await node.Region.Ask<object>(new CampaignCommands.Start(campaign), TimeSpan.FromSeconds(30)));
        for (var i = 1; i <= 4; i++)
            node.System.ActorOf(CountingDesk.Props($"out{i}", campaign, node.Region, node.Services, stateChanges));
        for (var i = 1; i <= 2; i++)
            node.System.ActorOf(CountingDesk.Props($"in{i}", hotline, node.Region, node.Services, stateChanges, node.Directory));
        var callers = new ConcurrentBag<string>();
        using var stopCallers = new CancellationTokenSource();
        var arrivals = ArriveAsync(node, hotline, callers, stopCallers.Token);

        await DialerFixture.Eventually(() => Task.FromResult(node.Carrier.Placed.Count >= 20), TimeSpan.FromSeconds(60), "the campaign dials");
        var before = await DialsInNextWindowAsync(node);

        await cluster.StopAsync();
        var stoppedAt = DateTimeOffset.UtcNow;
        await Task.Delay(outage);
        Assert.False(node.Services.Health.IsUp);
        // Nothing was dialled during the outage once it was noticed (a dial needs the fence in the database).
        Assert.DoesNotContain(node.Carrier.Placed, c => c.PlacedAt > stoppedAt + TimeSpan.FromSeconds(3));
        await cluster.StartAsync();
        var back = DateTimeOffset.UtcNow;

        await DialerFixture.Eventually(() => Task.FromResult(node.Carrier.Placed.Any(c => c.PlacedAt > back)), TimeSpan.FromSeconds(30),
            "dialling resumes within 30 s of the database's return");
        var after = await DialsInNextWindowAsync(node);
        Assert.True(after >= before / 2, $"{after} dials in {Window} after the outage against {before} before it");

        // Quiet the floor: no more callers, the campaign paused (its buffer given back), every call over and written.
        await stopCallers.CancelAsync();
        await arrivals;
        Assert.IsType<CampaignReplies.CommandAccepted>(await node.Region.Ask<object>(new CampaignCommands.Pause(campaign), TimeSpan.FromSeconds(30)));
        var paused = DateTimeOffset.UtcNow;
        await DialerFixture.Eventually(() => Task.FromResult(node.Services.Live.Count == 0), TimeSpan.FromSeconds(60),
            "every call ends", () => string.Join(", ", node.Services.Live.All.Select(c => c.Path.ToString())));
        await node.Records.CaughtUpAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(node.Records.Journaled > 0, "records went to the outbox during the outage");
        Assert.Equal(0, node.Records.Kept);

        // Every call placed has its record, once; no lead is left dialing or under a lease (the buffer went back at the pause).
        var placed = node.Carrier.Placed.Select(c => c.Request.Tag).Order().ToList();
        var recorded = await DialingSeed.ListAsync<string>(db.DataSource, $"SELECT lead_id || '/' || attempt FROM call_records WHERE campaign_id = '{campaign.Value}'");
        Assert.Equal(placed, recorded.Order());
        var held = await DialingSeed.ListAsync<string>(db.DataSource, $"""
            SELECT concat_ws(' ', id, status, attempts, leased_at, lease_expires_at, now()) FROM leads
            WHERE campaign_id = '{campaign.Value}' AND (status = 'dialing' OR lease_expires_at > now())
            """);
        Assert.True(held.Count == 0, $"paused at {paused:O}, back at {back:O}; still held:\n{string.Join("\n", held)}");
        Assert.Equal(0L, await DialingSeed.ScalarAsync<long>(db.DataSource, "SELECT count(*) FROM calls_in_flight"));

        // Every inbound caller has one row, completed.
        var rows = await DialingSeed.ListAsync<string>(db.DataSource, $"SELECT caller_number FROM inbound_calls WHERE campaign_id = '{hotline.Value}' AND ended_at IS NOT NULL");
        Assert.Equal(callers.Order(), rows.Order());
        Assert.True(callers.Count >= 10, $"only {callers.Count} callers");

        // Every state change each session told its desk is one event in the database.
        await DialerFixture.Eventually(async () =>
        {
            await node.Records.CaughtUpAsync();
            var events = (await DialingSeed.ListAsync<string>(db.DataSource, "SELECT agent FROM agent_state_events")).CountBy(a => a).ToDictionary();
            return stateChanges.All(s => events.GetValueOrDefault(s.Key) == s.Value) && events.Keys.All(stateChanges.ContainsKey);
        }, TimeSpan.FromSeconds(10), "agent state events equal the changes told to the desks");
        Assert.Equal(0L, await DialingSeed.ScalarAsync<long>(db.DataSource, "SELECT count(*) - count(DISTINCT event_id) FROM agent_state_events"));
        Assert.Equal(6L, await DialingSeed.ScalarAsync<long>(db.DataSource, "SELECT count(*) FROM agent_sessions WHERE logged_out_at IS NULL"));
    }

    /// <summary>Dials placed in the next <see cref="Window"/>.</summary>
    private static async Task<int> DialsInNextWindowAsync(TestNode node)
    {
        var from = DateTimeOffset.UtcNow;
        await Task.Delay(Window);
        return node.Carrier.Placed.Count(c => c.PlacedAt >= from && c.PlacedAt < from + Window);
    }

    /// <summary>A caller every 700 ms, who waits up to 20 s and talks for 1–2 s: their numbers are the tally to find in the database.</summary>
    private static async Task ArriveAsync(TestNode node, CampaignId hotline, ConcurrentBag<string> callers, CancellationToken stop)
    {
        var random = new Random(5);
        var sink = new ActorTelephonySink(node.Directory);
        while (!stop.IsCancellationRequested)
        {
            var number = "+86139" + random.Next(0, 100_000_000).ToString("D8");
            var leg = node.Carrier.ArriveInbound(number, sink, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(1 + random.NextDouble()));
            node.Directory.Tell(new AcdCommands.CallerArrived(hotline, leg, number));
            callers.Add(number);
            try { await Task.Delay(700, stop); }
            catch (OperationCanceledException) { }
        }
    }
}
