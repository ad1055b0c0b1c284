using System.Diagnostics;
using System.Text.Json;
using Npgsql;
using Outbound.Core.Quality;
using Outbound.Data;
using Outbound.Data.Database;
using Outbound.Data.Quality;
using Outbound.Web.Areas.Quality;

namespace Outbound.Cli.Commands;

/// <summary>
/// <c>bench qa --calls N --agents M --json</c> → <c>{"calls","agents","sample_ms","chart_ms"}</c>. Loads N recorded,
/// agent-connected call records of M agents into one month of a scratch campaign (five Qa scorers on it), and 52 weeks
/// of QA evaluations (two a week per agent). sample_ms: the median of three <see cref="SamplingPlans.CreateAsync"/> of
/// the month (10 calls per agent: query, stratified draw, balanced assignment, insert). chart_ms: the median of five
/// runs of the per-agent weekly QA-score series (<see cref="QualityCharts"/>, grouped in PostgreSQL) with an XmR chart
/// per agent drawn as SVG. The scratch data is removed afterwards.
/// </summary>
public static class BenchQaCommand
{
    private static readonly DateTimeOffset MonthStart = new(2026, 3, 1, 0, 0, 0, TimeSpan.FromHours(8));

    public static async Task<int> RunAsync(CliArgs args)
    {
        var calls = args.Int("calls", 1_000_000);
        var agents = args.Int("agents", 500);
        if (calls is < 1_000 or > 20_000_000) throw new CliUsageException("--calls must be 1000–20000000");
        if (agents is < 1 or > 10_000 || agents * 10 > calls) throw new CliUsageException("--agents must be 1–10000 with at least 10 calls each");

        await using var db = CliDatabase.Open();
        await new DatabaseMigrator(db).MigrateAsync();
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var (tenant, campaign) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var scorers = Enumerable.Range(0, 5).Select(_ => Guid.CreateVersion7()).ToArray();
        try
        {
            var load = Stopwatch.StartNew();
            await LoadAsync(db, tenant, campaign, scorers, suffix, calls, agents);
            Console.Error.WriteLine($"bench qa: loaded {calls} calls and {agents * 104} evaluations in {load.Elapsed.TotalSeconds:F1} s");

            var plans = new SamplingPlans(db, CenterTime.China);
            var period = PlanPeriod.Month(2026, 3);
            var settings = new SamplingSettings { PerAgent = 10, ComplaintDispositions = ["complaint"], LongCallMinutes = 20 };
            var sampleTimes = new List<double>();
            var sampled = 0;
            for (var run = 0; run < 4; run++)
            {
                var watch = Stopwatch.StartNew();
                var outcome = await plans.CreateAsync(QualityViewer.System, campaign, period, settings, 2026 + run, DateTimeOffset.UtcNow);
                if (run > 0) sampleTimes.Add(watch.Elapsed.TotalMilliseconds); // the first run warms JIT, pool and plans
                sampled = outcome.Plan?.Calls ?? throw new InvalidOperationException("the bench plan was refused");
                await CliDatabase.ExecuteAsync(db, $"DELETE FROM qa_plans WHERE id = '{outcome.Plan.Id}'");
            }

            var charts = new QualityCharts(db);
            var (from, to) = (MonthStart.AddDays(-7 * 52), MonthStart);
            var chartTimes = new List<double>();
            var drawn = 0;
            for (var run = 0; run < 6; run++)
            {
                var watch = Stopwatch.StartNew();
                var series = await charts.PerAgentAsync(ChartMetric.QaScore, ChartPeriod.Week, from, to, [campaign]);
                drawn = series.Sum(s => ControlChartSvg.Render(s.Chart, s.Name, signal => signal.ToString()).Length > 0 ? 1 : 0);
                if (run > 0) chartTimes.Add(watch.Elapsed.TotalMilliseconds);
            }
            Console.Error.WriteLine($"bench qa: plan of {sampled} calls, median {Median(sampleTimes)} ms; {drawn} agent charts, median {Median(chartTimes)} ms");
            if (args.Flag("json"))
                Console.WriteLine(JsonSerializer.Serialize(new { calls, agents, sample_ms = Median(sampleTimes), chart_ms = Median(chartTimes) }));
            return 0;
        }
        finally
        {
            var users = $"ARRAY['{string.Join("','", scorers)}']::uuid[]";
            // Recorded calls are undeletable by trigger (recordings are immutable); the scratch rows go with triggers off.
            await CliDatabase.ExecuteAsync(db, $"""
                SET session_replication_role = replica;
                DELETE FROM qa_evaluations WHERE campaign_id = '{campaign}';
                DELETE FROM qa_plans WHERE campaign_id = '{campaign}';
                DELETE FROM qa_form_versions WHERE form_id IN (SELECT id FROM qa_forms WHERE tenant_id = '{tenant}');
                DELETE FROM qa_forms WHERE tenant_id = '{tenant}';
                DELETE FROM call_records WHERE campaign_id = '{campaign}';
                DELETE FROM leads WHERE campaign_id = '{campaign}';
                DELETE FROM campaign_agents WHERE campaign_id = '{campaign}';
                DELETE FROM campaigns WHERE id = '{campaign}';
                DELETE FROM tenants WHERE id = '{tenant}';
                DELETE FROM user_roles WHERE user_id = ANY({users});
                DELETE FROM users WHERE id = ANY({users});
                SET session_replication_role = DEFAULT;
                """);
        }
    }

    /// <summary>
    /// N calls over the month (10 attempts per lead), agent i handling every M-th; talk 10 s–20 min, five dispositions of
    /// which one a complaint. Evaluations: two per agent per week over the 52 weeks before the month.
    /// </summary>
    private static async Task LoadAsync(NpgsqlDataSource db, Guid tenant, Guid campaign, Guid[] scorers, string suffix, int calls, int agents)
    {
        await using var cmd = db.CreateCommand("""
            INSERT INTO tenants (id, code, name) VALUES (@tenant, 'bench-qa-' || @suffix, 'bench');
            INSERT INTO campaigns (id, tenant_id, code, name, kind, dial_mode, settings)
            VALUES (@campaign, @tenant, 'bench-qa-' || @suffix, 'bench qa', 'Collections', 'Predictive', '{}');
            INSERT INTO users (id, display_name, user_name, normalized_user_name, email_confirmed, phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count)
            SELECT s, 'bench qa', 'bench-qa-' || s, upper('bench-qa-' || s), true, false, false, false, 0 FROM unnest(@scorers) s;
            INSERT INTO user_roles (user_id, role_id) SELECT s, (SELECT id FROM roles WHERE name = 'Qa') FROM unnest(@scorers) s;
            INSERT INTO campaign_agents (tenant_id, campaign_id, user_id) SELECT @tenant, @campaign, s FROM unnest(@scorers) s;
            INSERT INTO leads (tenant_id, campaign_id, phone_e164, phone_kind, time_zone, name)
            SELECT @tenant, @campaign, '+86137' || lpad(n::text, 8, '0'), 'mobile', 'Asia/Shanghai', 'bench' FROM generate_series(1, (@calls + 9) / 10) n;
            INSERT INTO call_records (id, tenant_id, campaign_id, lead_id, attempt, phone_e164, dial_mode, agent, started_at, connected_at, ended_at,
                outcome, disposition, recording_path, run_id)
            SELECT gen_random_uuid(), @tenant, @campaign, f.first + n / 10, n % 10 + 1, '+86137' || lpad((n / 10 + 1)::text, 8, '0'), 'Predictive',
                   'bench-agent-' || (n % @agents), t, t + interval '8 s', t + interval '8 s' + (10 + (n * 7919) % 1190) * interval '1 s', 'Answered',
                   CASE WHEN n % 250 = 0 THEN 'complaint' ELSE (ARRAY['ptp', 'refused', 'callback', 'wrong_party'])[1 + (n * 31) % 4] END,
                   'recordings/bench/' || n || '.wav', 'bench'
            FROM generate_series(0::bigint, @calls - 1) n
            CROSS JOIN (SELECT min(id) AS first FROM leads WHERE campaign_id = @campaign) f
            CROSS JOIN LATERAL (SELECT @month + (n % 2592000) * interval '1 s' AS t) x;
            INSERT INTO qa_forms (id, tenant_id, created_at) VALUES (@form, @tenant, now());
            INSERT INTO qa_form_versions (form_id, version, name, definition, saved_at) VALUES (@form, 1, 'bench', '{}', now());
            INSERT INTO qa_evaluations (id, tenant_id, campaign_id, call_id, call_at, agent, scorer, form_id, form_version, answers, score, band,
                critical_failed, state, submitted_at)
            SELECT gen_random_uuid(), @tenant, @campaign, gen_random_uuid(), @month - (w * 7 + k * 3 + 1) * interval '1 day', 'bench-agent-' || g,
                   @scorers[1], @form, 1, '[]', 60 + ((g * 13 + w * 7 + k) % 40), 'pass', false, 'submitted', now()
            FROM generate_series(0, @agents - 1) g, generate_series(0, 51) w, generate_series(0, 1) k;
            ANALYZE call_records; ANALYZE qa_evaluations;
            """);
        cmd.CommandTimeout = 0;
        cmd.Parameters.AddWithValue("tenant", tenant);
        cmd.Parameters.AddWithValue("campaign", campaign);
        cmd.Parameters.AddWithValue("scorers", scorers);
        cmd.Parameters.AddWithValue("suffix", suffix);
        cmd.Parameters.AddWithValue("calls", calls);
        cmd.Parameters.AddWithValue("agents", agents);
        cmd.Parameters.AddWithValue("form", Guid.CreateVersion7());
        cmd.Parameters.AddWithValue("month", MonthStart.UtcDateTime);
        await cmd.ExecuteNonQueryAsync();
    }

    private static double Median(List<double> times)
    {
        times.Sort();
        return Math.Round(times[times.Count / 2], 1);
    }
}
