using Dapper;
using Npgsql;
using Outbound.Data.WorkOrders;

namespace Outbound.Data.Knowledge;

/// <summary>
/// Full-text search of the knowledge base: the query is segmented by jieba (stop and question words dropped), each word
/// widened with the tenant's synonyms, and matched against the articles' 'simple' tsvectors (title words weigh A, body
/// words B); an article sharing any word is a hit, ranked by <c>ts_rank_cd</c>, so articles sharing more of the words,
/// closer together, come first and a word in the title counts 2.5 times one in the body. Suggestions for the desk (a campaign's articles,
/// those for the order type being filled first) need no query.
/// </summary>
public sealed class KnowledgeSearch(NpgsqlDataSource dataSource, ChineseSegmenter segmenter)
{
    public const int MinQueryLength = 2;

    /// <summary>ts_rank_cd's weights of D, C, B, A: a title word (A) counts 2.5 times a body word (B).</summary>
    private static readonly float[] Weights = [0.1f, 0.2f, 0.4f, 1.0f];

    /// <param name="tenant">The tenant whose synonyms widen the query and whose articles are searched (the desk's campaign's; null: all the viewer sees).</param>
    /// <param name="campaign">Only articles for this campaign or for every campaign of its tenant.</param>
    public async Task<(IReadOnlyList<ArticleHit> Hits, KbProblem? Problem)> SearchAsync(OrderViewer viewer, string? query, Guid? tenant, Guid? campaign,
        int limit = 20, CancellationToken ct = default)
    {
        query = query?.Trim() ?? "";
        if (query.Length < MinQueryLength) return ([], KbProblem.QueryTooShort);
        var words = segmenter.QueryWords(query);
        if (words.Count == 0) return ([], null);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var synonyms = tenant is { } t ? await SynonymsAsync(connection, t, ct) : new Dictionary<string, List<IReadOnlyList<string>>>();
        var tsquery = TextQuery.Build(words, TextQuery.Join.Any, w => synonyms.GetValueOrDefault(w) ?? []);
        var parameters = new DynamicParameters(new { tsquery, tenant, campaign, limit, weights = Weights });
        viewer.AddTo(parameters);
        var rows = await connection.QueryAsync<HitRow>(new CommandDefinition($"""
            SELECT a.id, a.title, a.body_text AS Text, k.name AS CategoryName, (SELECT name FROM campaigns WHERE id = a.campaign_id) AS CampaignName,
                   a.effective_from AS EffectiveFrom, a.review_by AS ReviewBy, ts_rank_cd(@weights, a.search, q) AS Rank,
                   (SELECT count(*)::int FROM kb_flags f WHERE f.article_id = a.id AND f.resolved_at IS NULL) AS OpenFlags
            FROM kb_articles a JOIN kb_categories k ON k.id = a.category_id, to_tsquery('simple', @tsquery) q
            WHERE a.search @@ q AND NOT a.archived AND {KnowledgeStore.ArticleFilter}
              AND (@tenant::uuid IS NULL OR a.tenant_id = @tenant) AND (@campaign::uuid IS NULL OR a.campaign_id IS NULL OR a.campaign_id = @campaign)
            ORDER BY Rank DESC, a.updated_at DESC LIMIT @limit
            """,
            parameters, cancellationToken: ct));
        var highlight = words.Concat(synonyms.Where(s => words.Contains(s.Key)).SelectMany(s => s.Value.Select(v => string.Concat(v)))).ToList();
        return (rows.Select(r => r.ToHit(highlight)).ToList(), null);
    }

    /// <summary>Articles to offer before the agent types: those for the order type being filled, then the campaign's newest.</summary>
    public async Task<IReadOnlyList<ArticleHit>> SuggestAsync(OrderViewer viewer, Guid campaign, Guid? orderType, int limit = 8, CancellationToken ct = default)
    {
        var parameters = new DynamicParameters(new { campaign, orderType, limit });
        viewer.AddTo(parameters);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<HitRow>(new CommandDefinition($"""
            SELECT a.id, a.title, a.body_text AS Text, k.name AS CategoryName, (SELECT name FROM campaigns WHERE id = a.campaign_id) AS CampaignName,
                   a.effective_from AS EffectiveFrom, a.review_by AS ReviewBy, CASE WHEN a.order_type_id = @orderType THEN 1.0 ELSE 0.0 END::real AS Rank,
                   (SELECT count(*)::int FROM kb_flags f WHERE f.article_id = a.id AND f.resolved_at IS NULL) AS OpenFlags
            FROM kb_articles a JOIN kb_categories k ON k.id = a.category_id
            WHERE a.tenant_id = (SELECT tenant_id FROM campaigns WHERE id = @campaign) AND (a.campaign_id IS NULL OR a.campaign_id = @campaign)
              AND NOT a.archived AND {KnowledgeStore.ArticleFilter}
            ORDER BY (a.order_type_id = @orderType) IS TRUE DESC, a.campaign_id IS NULL, a.updated_at DESC LIMIT @limit
            """, parameters, cancellationToken: ct));
        return rows.Select(r => r.ToHit([])).ToList();
    }

    /// <summary>A tenant's articles the viewer sees, of one category or all, newest first (browsing the tree).</summary>
    public async Task<IReadOnlyList<ArticleHit>> ListAsync(OrderViewer viewer, Guid tenant, Guid? category, int limit = 200, CancellationToken ct = default)
    {
        var parameters = new DynamicParameters(new { tenant, category, limit });
        viewer.AddTo(parameters);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<HitRow>(new CommandDefinition($"""
            SELECT a.id, a.title, a.body_text AS Text, k.name AS CategoryName, (SELECT name FROM campaigns WHERE id = a.campaign_id) AS CampaignName,
                   a.effective_from AS EffectiveFrom, a.review_by AS ReviewBy, 0::real AS Rank,
                   (SELECT count(*)::int FROM kb_flags f WHERE f.article_id = a.id AND f.resolved_at IS NULL) AS OpenFlags
            FROM kb_articles a JOIN kb_categories k ON k.id = a.category_id
            WHERE a.tenant_id = @tenant AND (@category::uuid IS NULL OR a.category_id = @category) AND NOT a.archived AND {KnowledgeStore.ArticleFilter}
            ORDER BY a.updated_at DESC LIMIT @limit
            """, parameters, cancellationToken: ct));
        return rows.Select(r => r.ToHit([])).ToList();
    }

    /// <summary>The tenant's synonym groups as word → the other words of its groups, each segmented as queries are.</summary>
    private async Task<Dictionary<string, List<IReadOnlyList<string>>>> SynonymsAsync(NpgsqlConnection connection, Guid tenant, CancellationToken ct)
    {
        var groups = await connection.QueryAsync<string[]>(new CommandDefinition("SELECT words FROM kb_synonyms WHERE tenant_id = @tenant", new { tenant }, cancellationToken: ct));
        var map = new Dictionary<string, List<IReadOnlyList<string>>>();
        foreach (var group in groups)
        {
            var segmented = group.Select(w => (Key: string.Concat(segmenter.QueryWords(w)), Words: segmenter.QueryWords(w))).Where(w => w.Words.Count > 0).ToList();
            foreach (var word in segmented)
            {
                if (!map.TryGetValue(word.Key, out var others)) map[word.Key] = others = [];
                others.AddRange(segmented.Where(o => o.Key != word.Key).Select(o => o.Words));
            }
        }
        return map;
    }

    private sealed record HitRow(Guid Id, string Title, string Text, string CategoryName, string? CampaignName, DateOnly EffectiveFrom, DateOnly? ReviewBy, float Rank,
        int OpenFlags)
    {
        public ArticleHit ToHit(IReadOnlyList<string> words) => new(Id, Title, Snippet(Text, words), CategoryName, CampaignName, EffectiveFrom, ReviewBy, Rank, OpenFlags);
    }

    /// <summary>About 120 characters of the body around the first query word found (or its start).</summary>
    internal static string Snippet(string text, IReadOnlyList<string> words)
    {
        const int around = 50;
        var at = words.Select(w => text.IndexOf(w, StringComparison.OrdinalIgnoreCase)).Where(i => i >= 0).DefaultIfEmpty(0).Min();
        var start = Math.Max(0, at - around);
        var length = Math.Min(text.Length - start, 2 * around + 20);
        return (start > 0 ? "…" : "") + text.Substring(start, length) + (start + length < text.Length ? "…" : "");
    }
}
