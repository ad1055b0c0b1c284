using System.Diagnostics;
using System.Text.Json;
using Npgsql;
using Outbound.Core.Campaigns;
using Outbound.Core.Leads;
using Outbound.Core.Tenants;
using Outbound.Data.Dialing;

namespace Outbound.Cli.Commands;

/// <summary>
/// <c>bench hopper --leads N [--leases M] --json</c>: loads N leads into a scratch campaign (callbacks, retries due and
/// in the future, finished and new leads), then times M leases of <see cref="LeaseSize"/> leads with <see cref="LeadHopper"/>
/// → <c>{"leads","leases","median_ms","p99_ms"}</c>. Each leased lead is then closed (untimed), as dialling would,
/// so that every lease reads the campaign as a running dialer leaves it. Leases that prefer a region are timed too
/// and reported on stderr. The scratch tenant, campaign and leads are removed afterwards.
/// </summary>
public static class BenchHopperCommand
{
    private const int LeaseSize = 50;
    private static readonly TimeSpan LeaseFor = TimeSpan.FromMinutes(5);

    public static async Task<int> RunAsync(CliArgs args)
    {
        var leads = args.Int("leads", 1_000_000);
        var leases = args.Int("leases", 200);
        if (leads is < 1 or > 50_000_000) throw new CliUsageException("--leads must be 1–50000000");
        if (leases is < 1 or > 100_000) throw new CliUsageException("--leases must be 1–100000");

        await using var dataSource = CliDatabase.Open();
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var tenant = new TenantId(Guid.CreateVersion7());
        var campaign = new CampaignId(Guid.CreateVersion7());
        var now = DateTimeOffset.UtcNow;
        try
        {
            var load = Stopwatch.StartNew();
            await LoadAsync(dataSource, tenant, campaign, suffix, leads, now);
            Console.Error.WriteLine($"bench hopper: loaded {leads} leads in {load.Elapsed.TotalSeconds:F1} s");

            var hopper = new LeadHopper(dataSource);
            await TimeLeasesAsync(dataSource, hopper, campaign, now, 5, preferred: null); // warm-up: JIT, pool, plans
            var plain = await TimeLeasesAsync(dataSource, hopper, campaign, now, leases, preferred: null);
            var preferred = await TimeLeasesAsync(dataSource, hopper, campaign, now, leases, [new RegionZone("CN-44", "Asia/Shanghai")]);
            Console.Error.WriteLine($"bench hopper: {leases} leases of {LeaseSize}: median {Median(plain)} ms, p99 {P99(plain)} ms; " +
                                    $"preferring a region: median {Median(preferred)} ms, p99 {P99(preferred)} ms");

            if (args.Flag("json"))
                Console.WriteLine(JsonSerializer.Serialize(new { leads, leases, median_ms = Median(plain), p99_ms = P99(plain) }));
            return 0;
        }
        finally
        {
            await CliDatabase.ExecuteAsync(dataSource, $"""
                DELETE FROM leads WHERE tenant_id = '{tenant}';
                DELETE FROM campaigns WHERE tenant_id = '{tenant}';
                DELETE FROM tenants WHERE id = '{tenant}';
                """);
        }
    }

    /// <summary>
    /// Per 10,000 leads: 5 callbacks due and 20 later today, 20 retries due and 980 later today, 1,000 finished leads and
    /// 7,975 new leads without a next call time (as an import leaves them), of four regions. On a million leads the timed
    /// leases take the due callbacks, then the due retries, then new leads: every step of the lease order.
    /// </summary>
    private static async Task LoadAsync(NpgsqlDataSource dataSource, TenantId tenant, CampaignId campaign, string suffix, int leads, DateTimeOffset now)
    {
        await using var cmd = dataSource.CreateCommand("""
            INSERT INTO tenants (id, code, name) VALUES (@tenant, 'bench-hopper-' || @suffix, 'bench');
            INSERT INTO campaigns (id, tenant_id, code, name, kind, dial_mode, settings)
            VALUES (@campaign, @tenant, 'bench-hopper-' || @suffix, 'bench hopper', 'Collections', 'Predictive', '{}');
            INSERT INTO leads (tenant_id, campaign_id, phone_e164, phone_kind, region, time_zone, name, status, next_call_at)
            SELECT @tenant, @campaign, '+86138' || lpad(n::text, 9, '0'), 'mobile', (ARRAY['CN-11', 'CN-31', 'CN-44', 'CN-51'])[1 + n % 4],
                   'Asia/Shanghai', 'bench ' || n,
                   CASE WHEN n % 10000 < 25 THEN 'callback' WHEN n % 10000 < 1025 THEN 'retry' WHEN n % 10000 < 2025 THEN 'done' ELSE 'new' END,
                   CASE WHEN n % 10000 < 5 OR n % 10000 BETWEEN 25 AND 44 THEN @now - (1 + n % 600) * interval '1 minute'
                        WHEN n % 10000 < 1025 THEN @now + (1 + n % 600) * interval '1 minute' END
            FROM generate_series(1, @leads) AS n;
            ANALYZE leads;
            """);
        cmd.CommandTimeout = 0; // a million leads outlast the default 30 s
        cmd.Parameters.AddWithValue("tenant", tenant.Value);
        cmd.Parameters.AddWithValue("campaign", campaign.Value);
        cmd.Parameters.AddWithValue("suffix", suffix);
        cmd.Parameters.AddWithValue("leads", leads);
        cmd.Parameters.AddWithValue("now", now.ToUniversalTime());
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>Times each lease alone; then closes its leads as finished, so the next lease meets the next ones.</summary>
    private static async Task<double[]> TimeLeasesAsync(NpgsqlDataSource dataSource, LeadHopper hopper, CampaignId campaign, DateTimeOffset now,
        int leases, IReadOnlyCollection<RegionZone>? preferred)
    {
        var times = new double[leases];
        for (var i = 0; i < leases; i++)
        {
            var watch = Stopwatch.StartNew();
            var leased = await hopper.LeaseAsync(campaign, "bench", LeaseSize, now, LeaseFor, preferred: preferred);
            times[i] = watch.Elapsed.TotalMilliseconds;
            await using var close = dataSource.CreateCommand(
                "UPDATE leads SET status = 'done', lease_owner = NULL, lease_expires_at = NULL WHERE id = ANY (@ids)");
            close.Parameters.AddWithValue("ids", leased.Select(l => l.Id.Value).ToArray());
            await close.ExecuteNonQueryAsync();
        }
        Array.Sort(times);
        return times;
    }

    private static double Median(double[] sorted) => Math.Round(sorted[sorted.Length / 2], 2);

    private static double P99(double[] sorted) => Math.Round(sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(sorted.Length * 0.99) - 1)], 2);
}
