using System.Diagnostics;
using System.Text.Json;
using Dapper;
using Npgsql;
using Outbound.Cli.Bench;
using Outbound.Core.WorkOrders;
using Outbound.Data.Knowledge;
using Outbound.Data.WorkOrders;

namespace Outbound.Cli.Commands;

/// <summary>
/// <c>tickets bench --orders N [--queries Q] --json</c>: loads N work orders into a scratch tenant (numbers shared by about
/// three orders each, Chinese subjects and descriptions segmented by the product's segmenter, custom fields, 30 % open with
/// SLA timers, 0.3 % of them due now), then times the product's own <see cref="WorkOrderSearch"/> as an agent of the
/// campaign — by number written as people type it, by order id, by free text — and one <see cref="SlaSweep"/> pass over
/// every order → <c>{"orders","search_number_ms_p99","search_text_ms_p99","sla_sweep_ms"}</c>; the order-id p99 and medians go
/// to stderr. The scratch rows are removed afterwards.
/// </summary>
public static class TicketsBenchCommand
{
    public static async Task<int> RunAsync(CliArgs args)
    {
        var count = args.Int("orders", 1_000_000);
        var queries = args.Int("queries", 200);
        if (count is < 10 or > 20_000_000) throw new CliUsageException("--orders must be 10–20000000");
        if (queries is < 1 or > 100_000) throw new CliUsageException("--queries must be 1–100000");

        await using var dataSource = CliDatabase.Open();
        var segmenter = new ChineseSegmenter();
        var text = new ScratchText(segmenter);
        var scratch = await BenchScratch.CreateAsync(dataSource, "bench-tickets");
        try
        {
            var types = new OrderTypes(dataSource);
            var calendars = new CalendarStore(dataSource);
            var department = (await new Departments(dataSource).CreateAsync(scratch.Tenant, "bench 后台")).Id!.Value;
            var sla = Enum.GetValues<WorkOrderPriority>().ToDictionary(p => p, _ => new SlaPolicy(TimeSpan.FromHours(2), TimeSpan.FromHours(4), TimeSpan.FromHours(16), TimeSpan.FromMinutes(30)));
            var (type, _) = await types.SaveAsync(null, new OrderTypeInput(scratch.Campaign, "bench", "bench 争议", [new WorkOrderField("card_last4", "卡号后四位")],
                WorkOrderPriority.Normal, department, [new EscalationStep(department, TimeSpan.FromHours(4))], false, true, sla));
            var load = Stopwatch.StartNew();
            var now = DateTimeOffset.UtcNow;
            await LoadAsync(dataSource, scratch, type!.Value, department, count, text, now);
            Console.Error.WriteLine($"tickets bench: loaded {count} orders in {load.Elapsed.TotalSeconds:F1} s");

            var search = new WorkOrderSearch(dataSource, segmenter);
            var agent = new OrderViewer(scratch.User, "bench", ViewerReach.Campaigns, null, [scratch.Campaign], []);
            var random = new Random(20);
            long first;
            await using (var connection = await dataSource.OpenConnectionAsync())
                first = await connection.ExecuteScalarAsync<long>("SELECT min(id) FROM work_orders WHERE tenant_id = @t", new { t = scratch.Tenant });
            string[] formats = ["+86139{0:D8}", "139{0:D8}", "139 {1} {2}", "0086-139-{0:D8}"];
            var byNumber = await TimeAsync(queries, () =>
            {
                var n = random.Next(Math.Max(1, count / 3));
                var number = string.Format(formats[random.Next(formats.Length)], n, (n / 10000).ToString("D4"), (n % 10000).ToString("D4"));
                return search.SearchAsync(agent, number, new OrderFilter());
            });
            var byId = await TimeAsync(queries, () => search.SearchAsync(agent, (first + random.NextInt64(count)).ToString(), new OrderFilter()));
            var byText = await TimeAsync(queries, () => search.SearchAsync(agent, ScratchText.Queries[random.Next(ScratchText.Queries.Length)], new OrderFilter()));
            Console.Error.WriteLine($"tickets bench: {queries} searches each — number median {Median(byNumber)} ms p99 {P99(byNumber)} ms; " +
                                    $"order id median {Median(byId)} ms p99 {P99(byId)} ms; free text median {Median(byText)} ms p99 {P99(byText)} ms");

            var sweep = new SlaSweep(dataSource, types, calendars);
            var watch = Stopwatch.StartNew();
            var result = await sweep.RunAsync(now);
            var sweepMs = Math.Round(watch.Elapsed.TotalMilliseconds, 1);
            Console.Error.WriteLine($"tickets bench: SLA sweep {sweepMs} ms: {result.Checked} due orders checked, {result.Warnings} warnings, {result.Escalations} escalations");

            if (args.Flag("json"))
                Console.WriteLine(JsonSerializer.Serialize(new { orders = count, search_number_ms_p99 = P99(byNumber), search_text_ms_p99 = P99(byText), sla_sweep_ms = sweepMs }));
            return 0;
        }
        finally
        {
            await scratch.DropAsync();
        }
    }

    /// <summary>
    /// Orders spread over the last 180 days; a number (+86139…) has about three orders; 70 % are resolved or closed, the open
    /// ones are next looked at over the coming days and one in 333 is due now (what a sweep finds after a quiet minute).
    /// </summary>
    private static async Task LoadAsync(NpgsqlDataSource dataSource, BenchScratch scratch, Guid type, Guid department, int count, ScratchText text, DateTimeOffset now)
    {
        await using var cmd = dataSource.CreateCommand("""
            INSERT INTO work_orders (tenant_id, campaign_id, type_id, status, priority, department_id, subject, description, customer_name, phone_e164,
                fields, created_by, created_via, created_at, updated_at, sla, sla_next_check_at, search)
            SELECT @tenant, @campaign, @type,
                   CASE WHEN n % 10 < 7 THEN (ARRAY['Resolved', 'Closed'])[1 + n % 2] ELSE (ARRAY['New', 'Assigned', 'InProgress'])[1 + n % 3] END,
                   'Normal', @department, p[1 + n % 40] || '，' || p[1 + (n / 40) % 40], p[1 + (n / 7) % 40] || '。' || p[1 + (n / 11) % 40] || '。',
                   s[1 + n % 20] || g[1 + (n / 20) % 20], '+86139' || lpad((n % (@count / 3 + 1))::text, 8, '0'),
                   jsonb_build_object('card_last4', lpad((n % 10000)::text, 4, '0')), @user, 'desk',
                   @now - (n % 180) * interval '1 day', @now - (n % 180) * interval '1 day',
                   CASE WHEN n % 10 >= 7 THEN jsonb_build_object('firstResponse', jsonb_build_object('due', @now, 'warned', true),
                       'nextUpdate', jsonb_build_object('warned', false), 'resolution', jsonb_build_object('due', @now + interval '2 days', 'warnAt', @now + interval '1 day', 'warned', false))
                        ELSE '{}'::jsonb END,
                   CASE WHEN n % 10 >= 7 THEN CASE WHEN n % 333 = 7 THEN @now - interval '1 minute' ELSE @now + (1 + n % 4000) * interval '1 minute' END END,
                   setweight(to_tsvector('simple', w[1 + n % 40] || ' ' || w[1 + (n / 40) % 40]), 'A')
                   || setweight(to_tsvector('simple', w[1 + (n / 7) % 40] || ' ' || w[1 + (n / 11) % 40] || ' ' || s[1 + n % 20] || g[1 + (n / 20) % 20]), 'B')
            FROM generate_series(1, @count) AS n, (SELECT @phrases::text[] AS p, @words::text[] AS w, @surnames::text[] AS s, @given::text[] AS g) AS v;
            ANALYZE work_orders;
            """);
        cmd.CommandTimeout = 0;
        cmd.Parameters.AddWithValue("tenant", scratch.Tenant);
        cmd.Parameters.AddWithValue("campaign", scratch.Campaign);
        cmd.Parameters.AddWithValue("type", type);
        cmd.Parameters.AddWithValue("department", department);
        cmd.Parameters.AddWithValue("user", scratch.User);
        cmd.Parameters.AddWithValue("count", count);
        cmd.Parameters.AddWithValue("now", now);
        cmd.Parameters.AddWithValue("phrases", ScratchText.Phrases);
        cmd.Parameters.AddWithValue("words", text.Words.ToArray());
        cmd.Parameters.AddWithValue("surnames", ScratchText.Surnames);
        cmd.Parameters.AddWithValue("given", ScratchText.Given);
        await cmd.ExecuteNonQueryAsync();
    }

    internal static async Task<double[]> TimeAsync<T>(int count, Func<Task<T>> query)
    {
        for (var i = 0; i < 5; i++) await query(); // warm-up: JIT, pool, plans
        var times = new double[count];
        for (var i = 0; i < count; i++)
        {
            var watch = Stopwatch.StartNew();
            await query();
            times[i] = watch.Elapsed.TotalMilliseconds;
        }
        Array.Sort(times);
        return times;
    }

    internal static double Median(double[] sorted) => Math.Round(sorted[sorted.Length / 2], 2);

    internal static double P99(double[] sorted) => Math.Round(sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(sorted.Length * 0.99) - 1)], 2);
}
