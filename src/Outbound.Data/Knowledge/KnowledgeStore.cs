using System.Security.Cryptography;
using Dapper;
using Npgsql;
using Outbound.Core.WorkOrders;
using Outbound.Data.WorkOrders;

namespace Outbound.Data.Knowledge;

/// <summary>
/// The knowledge base's articles, categories, versions and attachments. Publishing sanitises the HTML, keeps the version,
/// makes it the article's content if its effective day has come (else it waits, see <see cref="PromoteDueAsync"/>), marks
/// the policy changes it carries as published and re-indexes the text, all in one transaction. Reads go through the
/// viewer's filter: a client sees only its tenant's articles, an agent those of its campaigns' tenants.
/// </summary>
public sealed partial class KnowledgeStore(NpgsqlDataSource dataSource, ChineseSegmenter segmenter)
{
    public const int MaxTitle = 200;

    /// <summary>The condition on an article aliased <c>a</c>, with <see cref="OrderViewer.SqlParameters"/>.</summary>
    public const string ArticleFilter = """
        (@v_all OR a.tenant_id = @v_tenant OR a.campaign_id = ANY(@v_campaigns)
         OR (a.campaign_id IS NULL AND a.tenant_id IN (SELECT tenant_id FROM campaigns WHERE id = ANY(@v_campaigns))))
        """;

    public const string VectorSql = "setweight(to_tsvector('simple', @title_words), 'A') || setweight(to_tsvector('simple', @body_words), 'B')";

    public async Task<IReadOnlyList<KbCategory>> CategoriesAsync(Guid tenant, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<KbCategory>(new CommandDefinition(
            "SELECT id, tenant_id AS TenantId, parent_id AS ParentId, name, sort FROM kb_categories WHERE tenant_id = @tenant ORDER BY sort, name",
            new { tenant }, cancellationToken: ct))).ToList();
    }

    public async Task<(Guid? Id, KbProblem? Problem)> CreateCategoryAsync(Guid tenant, Guid? parent, string name, int sort = 0, CancellationToken ct = default)
    {
        name = name.Trim();
        if (name.Length is 0 or > 100) return (null, KbProblem.NameRequired);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        if (parent is { } p && !await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "SELECT EXISTS (SELECT 1 FROM kb_categories WHERE id = @p AND tenant_id = @tenant)", new { p, tenant }, cancellationToken: ct)))
            return (null, KbProblem.CategoryNotFound);
        var id = Guid.CreateVersion7();
        var inserted = await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO kb_categories (id, tenant_id, parent_id, name, sort) VALUES (@id, @tenant, @parent, @name, @sort) ON CONFLICT DO NOTHING
            """, new { id, tenant, parent, name, sort }, cancellationToken: ct));
        return inserted == 1 ? (id, null) : (null, KbProblem.NameTaken);
    }

    public async Task<PublishResult> PublishAsync(OrderViewer editor, ArticleInput input, DateTimeOffset now, DateOnly today, CancellationToken ct = default)
    {
        now = now.ToUniversalTime();
        var problems = new List<KbProblem>();
        var title = input.Title?.Trim() ?? "";
        if (title.Length == 0) problems.Add(KbProblem.TitleRequired);
        if (title.Length > MaxTitle) problems.Add(KbProblem.TitleTooLong);
        var cleaned = ArticleHtml.Clean(input.Html);
        if (cleaned.Text.Length == 0) problems.Add(KbProblem.BodyRequired);
        if (input.ReviewBy is { } review && review < input.EffectiveFrom) problems.Add(KbProblem.ReviewBeforeEffective);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        problems.AddRange(await CheckPlaceAsync(connection, editor, input, ct));
        if (problems.Count > 0) return new PublishResult(null, 0, false, cleaned.Changed, problems);

        var inEffect = input.EffectiveFrom <= today;
        var (titleWords, bodyWords) = (segmenter.IndexText(title), segmenter.IndexText(cleaned.Text));
        await using var tx = await connection.BeginTransactionAsync(ct);
        var id = input.Id ?? Guid.CreateVersion7();
        int version;
        if (input.Id is null)
        {
            version = 1;
            await connection.ExecuteAsync(new CommandDefinition($"""
                INSERT INTO kb_articles (id, tenant_id, campaign_id, category_id, order_type_id, owner_id, version, title, body_html, body_text, effective_from,
                    review_by, search, updated_at)
                VALUES (@id, @tenant, @campaign, @category, @orderType, @owner, 1, @title, @html, @text, @effective, @review, {VectorSql}, @now)
                """, new
            {
                id, tenant = input.TenantId, campaign = input.CampaignId, category = input.CategoryId, orderType = input.OrderTypeId, owner = editor.UserId,
                title, html = cleaned.Html, text = cleaned.Text, effective = input.EffectiveFrom, review = input.ReviewBy, title_words = titleWords,
                body_words = bodyWords, now,
            }, tx, cancellationToken: ct));
        }
        else
        {
            version = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
                "SELECT coalesce(max(version), 0) + 1 FROM kb_article_versions WHERE article_id = @id", new { id }, tx, cancellationToken: ct));
            await connection.ExecuteAsync(new CommandDefinition($"""
                UPDATE kb_articles SET campaign_id = @campaign, category_id = @category, order_type_id = @orderType, updated_at = @now
                {(inEffect ? $", version = @version, title = @title, body_html = @html, body_text = @text, effective_from = @effective, review_by = @review, search = {VectorSql}" : "")}
                WHERE id = @id
                """, new
            {
                id, campaign = input.CampaignId, category = input.CategoryId, orderType = input.OrderTypeId, version, title, html = cleaned.Html, text = cleaned.Text,
                effective = input.EffectiveFrom, review = input.ReviewBy, title_words = titleWords, body_words = bodyWords, now,
            }, tx, cancellationToken: ct));
        }
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO kb_article_versions (article_id, version, title, body_html, effective_from, review_by, note, published_by, published_at, in_effect_at)
            VALUES (@id, @version, @title, @html, @effective, @review, @note, @editor, @now, @inEffectAt)
            """, new { id, version, title, html = cleaned.Html, effective = input.EffectiveFrom, review = input.ReviewBy, note = input.Note?.Trim(),
            editor = editor.UserId, now, inEffectAt = inEffect ? now : (DateTimeOffset?)null }, tx, cancellationToken: ct));
        if (input.PolicyChanges.Count > 0)
            await connection.ExecuteAsync(new CommandDefinition("""
                UPDATE kb_policy_changes SET published_at = @now, article_id = @id
                WHERE id = ANY(@changes) AND tenant_id = @tenant AND published_at IS NULL
                """, new { now, id, changes = input.PolicyChanges.ToArray(), tenant = input.TenantId }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return new PublishResult(id, version, inEffect, cleaned.Changed, []);
    }

    /// <summary>Versions whose effective day has come become their articles' content (the latest one per article).</summary>
    public async Task<int> PromoteDueAsync(DateOnly today, DateTimeOffset now, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var due = (await connection.QueryAsync<(Guid ArticleId, int Version, string Title, string Html, DateOnly Effective, DateOnly? Review)>(new CommandDefinition("""
            SELECT article_id, version, title, body_html, effective_from, review_by FROM kb_article_versions
            WHERE in_effect_at IS NULL AND effective_from <= @today FOR UPDATE
            """, new { today }, tx, cancellationToken: ct))).GroupBy(v => v.ArticleId).Select(g => g.MaxBy(v => v.Version)).ToList();
        foreach (var v in due)
        {
            var text = ArticleHtml.TextOf(v.Html);
            await connection.ExecuteAsync(new CommandDefinition($"""
                UPDATE kb_articles SET version = @Version, title = @Title, body_html = @Html, body_text = @text, effective_from = @Effective, review_by = @Review,
                    search = {VectorSql}, updated_at = @now
                WHERE id = @ArticleId AND version < @Version;
                UPDATE kb_article_versions SET in_effect_at = @now WHERE article_id = @ArticleId AND in_effect_at IS NULL AND effective_from <= @today;
                """, new { v.ArticleId, v.Version, v.Title, v.Html, text, v.Effective, v.Review, today, now = now.ToUniversalTime(),
                title_words = segmenter.IndexText(v.Title), body_words = segmenter.IndexText(text) }, tx, cancellationToken: ct));
        }
        await tx.CommitAsync(ct);
        return due.Count;
    }

    public async Task<ArticleView?> FindAsync(OrderViewer viewer, Guid id, CancellationToken ct = default)
    {
        var parameters = new DynamicParameters(new { id });
        viewer.AddTo(parameters);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<ArticleRow>(new CommandDefinition($"""
            SELECT a.id, a.tenant_id AS TenantId, t.name AS TenantName, a.campaign_id AS CampaignId, c.name AS CampaignName, a.category_id AS CategoryId,
                   k.name AS CategoryName, a.order_type_id AS OrderTypeId, ot.name AS OrderTypeName, a.owner_id AS OwnerId, u.display_name AS OwnerName, a.version,
                   a.title, a.body_html AS Html, a.effective_from AS EffectiveFrom, a.review_by AS ReviewBy, a.updated_at AS UpdatedAt,
                   (SELECT count(*)::int FROM kb_flags f WHERE f.article_id = a.id AND f.resolved_at IS NULL) AS OpenFlags
            FROM kb_articles a JOIN tenants t ON t.id = a.tenant_id LEFT JOIN campaigns c ON c.id = a.campaign_id JOIN kb_categories k ON k.id = a.category_id
            LEFT JOIN wo_types ot ON ot.id = a.order_type_id JOIN users u ON u.id = a.owner_id
            WHERE a.id = @id AND NOT a.archived AND {ArticleFilter}
            """, parameters, cancellationToken: ct));
        return row?.ToView();
    }

    public async Task<IReadOnlyList<ArticleVersion>> VersionsAsync(OrderViewer viewer, Guid id, CancellationToken ct = default)
    {
        var parameters = new DynamicParameters(new { id });
        viewer.AddTo(parameters);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<(int Version, string Title, DateOnly Effective, DateOnly? Review, string? Note, string By, DateTime At, DateTime? InEffect)>(
            new CommandDefinition($"""
            SELECT v.version, v.title, v.effective_from, v.review_by, v.note, u.display_name, v.published_at, v.in_effect_at
            FROM kb_article_versions v JOIN kb_articles a ON a.id = v.article_id JOIN users u ON u.id = v.published_by
            WHERE v.article_id = @id AND {ArticleFilter} ORDER BY v.version DESC
            """, parameters, cancellationToken: ct));
        return rows.Select(r => new ArticleVersion(r.Version, r.Title, r.Effective, r.Review, r.Note, r.By, WorkOrderStore.Utc(r.At), WorkOrderStore.Utc(r.InEffect)))
            .ToList();
    }

    /// <summary>One version's sanitised HTML (to compare with the one in effect).</summary>
    public async Task<string?> VersionHtmlAsync(OrderViewer viewer, Guid id, int version, CancellationToken ct = default)
    {
        var parameters = new DynamicParameters(new { id, version });
        viewer.AddTo(parameters);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition($"""
            SELECT v.body_html FROM kb_article_versions v JOIN kb_articles a ON a.id = v.article_id WHERE v.article_id = @id AND v.version = @version AND {ArticleFilter}
            """, parameters, cancellationToken: ct));
    }

    public async Task<(Guid? Id, KbProblem? Problem, AttachmentProblem? Why)> AttachAsync(OrderViewer editor, Guid article, string fileName, byte[] content,
        DateTimeOffset now, CancellationToken ct = default)
    {
        fileName = Path.GetFileName(fileName.Trim());
        var (contentType, refused) = AttachmentPolicy.Check(fileName, content);
        if (refused is { } why) return (null, KbProblem.Attachment, why);
        if (await FindAsync(editor, article, ct) is not { } found) return (null, KbProblem.NotFound, null);
        var id = Guid.CreateVersion7();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO kb_attachments (id, article_id, tenant_id, file_name, content_type, size_bytes, sha256, content, uploaded_by, uploaded_at)
            VALUES (@id, @article, @tenant, @fileName, @contentType, @size, @sha, @content, @user, @now)
            """, new { id, article, tenant = found.TenantId, fileName, contentType, size = content.Length, sha = Convert.ToHexStringLower(SHA256.HashData(content)),
            content, user = editor.UserId, now = now.ToUniversalTime() }, cancellationToken: ct));
        return (id, null, null);
    }

    public async Task<IReadOnlyList<KbAttachment>> AttachmentsAsync(OrderViewer viewer, Guid article, CancellationToken ct = default)
    {
        var parameters = new DynamicParameters(new { article });
        viewer.AddTo(parameters);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<(Guid Id, Guid ArticleId, string FileName, string ContentType, int Size, DateTime At)>(new CommandDefinition($"""
            SELECT f.id, f.article_id, f.file_name, f.content_type, f.size_bytes, f.uploaded_at FROM kb_attachments f JOIN kb_articles a ON a.id = f.article_id
            WHERE f.article_id = @article AND {ArticleFilter} ORDER BY f.uploaded_at
            """, parameters, cancellationToken: ct));
        return rows.Select(r => new KbAttachment(r.Id, r.ArticleId, r.FileName, r.ContentType, r.Size, WorkOrderStore.Utc(r.At))).ToList();
    }

    /// <summary>An attachment's bytes, only through an article the viewer sees.</summary>
    public async Task<(KbAttachment Info, byte[] Content)?> DownloadAsync(OrderViewer viewer, Guid attachment, CancellationToken ct = default)
    {
        var parameters = new DynamicParameters(new { attachment });
        viewer.AddTo(parameters);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<(Guid Id, Guid ArticleId, string FileName, string ContentType, int Size, DateTime At, byte[] Content)?>(
            new CommandDefinition($"""
            SELECT f.id, f.article_id, f.file_name, f.content_type, f.size_bytes, f.uploaded_at, f.content FROM kb_attachments f JOIN kb_articles a ON a.id = f.article_id
            WHERE f.id = @attachment AND NOT a.archived AND {ArticleFilter}
            """, parameters, cancellationToken: ct));
        return row is { } r ? (new KbAttachment(r.Id, r.ArticleId, r.FileName, r.ContentType, r.Size, WorkOrderStore.Utc(r.At)), r.Content) : null;
    }

    private static async Task<IReadOnlyList<KbProblem>> CheckPlaceAsync(NpgsqlConnection connection, OrderViewer editor, ArticleInput input, CancellationToken ct)
    {
        var problems = new List<KbProblem>();
        var parameters = new DynamicParameters(new { tenant = input.TenantId, category = input.CategoryId, campaign = input.CampaignId, type = input.OrderTypeId, id = input.Id });
        editor.AddTo(parameters);
        var found = await connection.QuerySingleAsync<(bool Category, bool Campaign, bool Type, bool Article, bool Allowed)>(new CommandDefinition($"""
            SELECT EXISTS (SELECT 1 FROM kb_categories WHERE id = @category AND tenant_id = @tenant),
                   @campaign::uuid IS NULL OR EXISTS (SELECT 1 FROM campaigns WHERE id = @campaign AND tenant_id = @tenant),
                   @type::uuid IS NULL OR EXISTS (SELECT 1 FROM wo_types WHERE id = @type AND tenant_id = @tenant),
                   @id::uuid IS NULL OR EXISTS (SELECT 1 FROM kb_articles WHERE id = @id AND tenant_id = @tenant),
                   EXISTS (SELECT 1 FROM (SELECT @tenant AS tenant_id, @campaign::uuid AS campaign_id) a WHERE {ArticleFilter})
            """, parameters, cancellationToken: ct));
        if (!found.Allowed || !found.Article) problems.Add(KbProblem.NotFound);
        if (!found.Category) problems.Add(KbProblem.CategoryNotFound);
        if (!found.Campaign) problems.Add(KbProblem.CampaignNotFound);
        if (!found.Type) problems.Add(KbProblem.OrderTypeNotFound);
        return problems;
    }

    private sealed record ArticleRow(Guid Id, Guid TenantId, string TenantName, Guid? CampaignId, string? CampaignName, Guid CategoryId, string CategoryName,
        Guid? OrderTypeId, string? OrderTypeName, Guid OwnerId, string OwnerName, int Version, string Title, string Html, DateOnly EffectiveFrom, DateOnly? ReviewBy,
        DateTime UpdatedAt, int OpenFlags)
    {
        public ArticleView ToView() => new(Id, TenantId, TenantName, CampaignId, CampaignName, CategoryId, CategoryName, OrderTypeId, OrderTypeName, OwnerId,
            OwnerName, Version, Title, Html, EffectiveFrom, ReviewBy, WorkOrderStore.Utc(UpdatedAt), OpenFlags);
    }
}
