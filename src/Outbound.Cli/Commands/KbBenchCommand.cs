using System.Text.Json;
using Outbound.Cli.Bench;
using Outbound.Data.Knowledge;
using Outbound.Data.WorkOrders;

namespace Outbound.Cli.Commands;

/// <summary>
/// <c>kb bench --articles N [--queries Q] --json</c>: loads N articles (titles of two topics, bodies of eight sentences, all
/// segmented by the product's segmenter, with the tenant's synonyms) into a scratch tenant and times the product's
/// <see cref="KnowledgeSearch"/> for the questions agents type → <c>{"articles","search_ms_p99"}</c> (median on stderr).
/// </summary>
public static class KbBenchCommand
{
    public static async Task<int> RunAsync(CliArgs args)
    {
        var count = args.Int("articles", 10_000);
        var queries = args.Int("queries", 200);
        if (count is < 10 or > 1_000_000) throw new CliUsageException("--articles must be 10–1000000");
        if (queries is < 1 or > 100_000) throw new CliUsageException("--queries must be 1–100000");

        await using var dataSource = CliDatabase.Open();
        var segmenter = new ChineseSegmenter();
        var text = new ScratchText(segmenter);
        var scratch = await BenchScratch.CreateAsync(dataSource, "bench-kb");
        try
        {
            var store = new KnowledgeStore(dataSource, segmenter);
            var (category, _) = await store.CreateCategoryAsync(scratch.Tenant, null, "bench");
            await store.SaveSynonymsAsync(scratch.Tenant, null, ["信用卡", "贷记卡"]);
            await store.SaveSynonymsAsync(scratch.Tenant, null, ["停电", "断电", "没电"]);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            await CliDatabase.ExecuteAsync(dataSource, $"""
                INSERT INTO kb_articles (id, tenant_id, campaign_id, category_id, owner_id, version, title, body_html, body_text, effective_from, search, updated_at)
                SELECT gen_random_uuid(), '{scratch.Tenant}', NULL, '{category}', '{scratch.User}', 1, t, '<p>' || b || '</p>', b, current_date,
                       setweight(to_tsvector('simple', tw), 'A') || setweight(to_tsvector('simple', bw), 'B'), now() - n * interval '1 minute'
                FROM generate_series(1, {count}) AS n,
                     LATERAL (SELECT p[1 + n % 40] || '：' || p[1 + (n / 40) % 40] AS t, w[1 + n % 40] || ' ' || w[1 + (n / 40) % 40] AS tw,
                                     array_to_string(ARRAY(SELECT p[1 + (n * 7 + k * 13) % 40] FROM generate_series(1, 8) k), '。') AS b,
                                     array_to_string(ARRAY(SELECT w[1 + (n * 7 + k * 13) % 40] FROM generate_series(1, 8) k), ' ') AS bw
                              FROM (SELECT {Array(ScratchText.Phrases)} AS p, {Array(text.Words)} AS w) v) x;
                ANALYZE kb_articles;
                """);
            Console.Error.WriteLine($"kb bench: loaded {count} articles in {watch.Elapsed.TotalSeconds:F1} s");

            var search = new KnowledgeSearch(dataSource, segmenter);
            var agent = new OrderViewer(scratch.User, "bench", ViewerReach.Campaigns, null, [scratch.Campaign], []);
            var random = new Random(7);
            var times = await TicketsBenchCommand.TimeAsync(queries, () => search.SearchAsync(agent, ScratchText.Queries[random.Next(ScratchText.Queries.Length)],
                scratch.Tenant, null));
            var p99 = TicketsBenchCommand.P99(times);
            Console.Error.WriteLine($"kb bench: {queries} searches over {count} articles: median {TicketsBenchCommand.Median(times)} ms, p99 {p99} ms");
            if (args.Flag("json")) Console.WriteLine(JsonSerializer.Serialize(new { articles = count, search_ms_p99 = p99 }));
            return 0;
        }
        finally
        {
            await scratch.DropAsync();
        }
    }

    /// <summary>A SQL text[] literal of words that are letters, digits, spaces and CJK punctuation only (no quotes to escape).</summary>
    private static string Array(IEnumerable<string> items) => "ARRAY[" + string.Join(", ", items.Select(i => "'" + i.Replace("'", "''") + "'")) + "]";
}
