using Dapper;
using Outbound.Data.WorkOrders;

namespace Outbound.Data.Knowledge;

/// <summary>Client proposals, agents' flags, registered policy changes and timeliness.</summary>
public sealed partial class KnowledgeStore
{
    /// <summary>
    /// A client proposes a change (to an article of its tenant, or a new one in a category): the proposal and the policy change
    /// it registers are written together, so timeliness counts from this moment.
    /// </summary>
    public async Task<(Guid? Id, KbProblem? Problem)> ProposeAsync(OrderViewer client, Guid? article, Guid? category, string title, string html, string reason,
        DateTimeOffset now, CancellationToken ct = default)
    {
        if (client.TenantId is not { } tenant) return (null, KbProblem.NotAllowed);
        title = title?.Trim() ?? "";
        if (title.Length == 0) return (null, KbProblem.TitleRequired);
        if (title.Length > MaxTitle) return (null, KbProblem.TitleTooLong);
        if (string.IsNullOrWhiteSpace(reason)) return (null, KbProblem.ReasonRequired);
        var cleaned = ArticleHtml.Clean(html);
        if (cleaned.Text.Length == 0) return (null, KbProblem.BodyRequired);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var placed = await connection.ExecuteScalarAsync<bool>(new CommandDefinition("""
            SELECT CASE WHEN @article::uuid IS NOT NULL THEN EXISTS (SELECT 1 FROM kb_articles WHERE id = @article AND tenant_id = @tenant AND NOT archived)
                        ELSE EXISTS (SELECT 1 FROM kb_categories WHERE id = @category AND tenant_id = @tenant) END
            """, new { article, category, tenant }, cancellationToken: ct));
        if (!placed) return (null, article is null ? KbProblem.CategoryNotFound : KbProblem.NotFound);
        var id = Guid.CreateVersion7();
        var change = Guid.CreateVersion7();
        now = now.ToUniversalTime();
        await using var tx = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO kb_policy_changes (id, tenant_id, title, registered_at, registered_by, target_hours) VALUES (@change, @tenant, @title, @now, @user, 24);
            INSERT INTO kb_proposals (id, tenant_id, article_id, category_id, title, body_html, reason, proposed_by, proposed_at, policy_change_id)
            VALUES (@id, @tenant, @article, @category, @title, @html, @reason, @user, @now, @change);
            """, new { id, change, tenant, article, category = article is null ? category : null, title, html = cleaned.Html, reason = reason.Trim(),
            user = client.UserId, now }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return (id, null);
    }

    public async Task<IReadOnlyList<ProposalView>> ProposalsAsync(OrderViewer viewer, bool pendingOnly, CancellationToken ct = default)
    {
        var parameters = new DynamicParameters(new { pendingOnly });
        viewer.AddTo(parameters);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<(Guid Id, Guid TenantId, string TenantName, Guid? ArticleId, string? ArticleTitle, Guid? CategoryId, string Title,
            string Html, string Reason, string By, DateTime At, string Status, string? Note, DateTime? DecidedAt)>(new CommandDefinition($"""
            SELECT p.id, p.tenant_id, t.name, p.article_id, ar.title, p.category_id, p.title, p.body_html, p.reason, u.display_name, p.proposed_at, p.status,
                   p.decision_note, p.decided_at
            FROM kb_proposals p JOIN tenants t ON t.id = p.tenant_id JOIN users u ON u.id = p.proposed_by LEFT JOIN kb_articles ar ON ar.id = p.article_id
            CROSS JOIN LATERAL (SELECT p.tenant_id, NULL::uuid AS campaign_id) a
            WHERE (NOT @pendingOnly OR p.status = 'pending') AND {ArticleFilter}
            ORDER BY p.status = 'pending' DESC, p.proposed_at DESC LIMIT 200
            """, parameters, cancellationToken: ct));
        return rows.Select(r => new ProposalView(r.Id, r.TenantId, r.TenantName, r.ArticleId, r.ArticleTitle, r.CategoryId, r.Title, r.Html, r.Reason, r.By,
            WorkOrderStore.Utc(r.At), r.Status, r.Note, WorkOrderStore.Utc(r.DecidedAt))).ToList();
    }

    /// <summary>The operator publishes a pending proposal as the article's next version (or a new article), closing its policy change.</summary>
    public async Task<PublishResult> PublishProposalAsync(OrderViewer editor, Guid proposal, DateOnly effectiveFrom, DateOnly? reviewBy, DateTimeOffset now,
        DateOnly today, CancellationToken ct = default)
    {
        var found = (await ProposalsAsync(editor, pendingOnly: false, ct)).FirstOrDefault(p => p.Id == proposal);
        if (found is null) return new PublishResult(null, 0, false, false, [KbProblem.NotFound]);
        if (found.Status != "pending") return new PublishResult(null, 0, false, false, [KbProblem.ProposalDecided]);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var (category, campaign, orderType, change) = await connection.QuerySingleAsync<(Guid Category, Guid? Campaign, Guid? OrderType, Guid Change)>(
            new CommandDefinition("""
            SELECT coalesce(a.category_id, p.category_id), a.campaign_id, a.order_type_id, p.policy_change_id
            FROM kb_proposals p LEFT JOIN kb_articles a ON a.id = p.article_id WHERE p.id = @proposal
            """, new { proposal }, cancellationToken: ct));
        var result = await PublishAsync(editor, new ArticleInput(found.ArticleId, found.TenantId, campaign, category, orderType, found.Title, found.Html, effectiveFrom,
            reviewBy, $"客户提议 / client proposal: {found.Reason}", [change]), now, today, ct);
        if (result.Id is null) return result;
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE kb_proposals SET status = 'published', decided_by = @editor, decided_at = @now, article_id = @article WHERE id = @proposal AND status = 'pending'
            """, new { editor = editor.UserId, now = now.ToUniversalTime(), article = result.Id, proposal }, cancellationToken: ct));
        return result;
    }

    public async Task<KbProblem?> DeclineProposalAsync(OrderViewer editor, Guid proposal, string note, DateTimeOffset now, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(note)) return KbProblem.ReasonRequired;
        var found = (await ProposalsAsync(editor, pendingOnly: true, ct)).FirstOrDefault(p => p.Id == proposal);
        if (found is null) return KbProblem.NotFound;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE kb_proposals SET status = 'declined', decided_by = @editor, decided_at = @now, decision_note = @note WHERE id = @proposal AND status = 'pending'
            """, new { editor = editor.UserId, now = now.ToUniversalTime(), note = note.Trim(), proposal }, cancellationToken: ct));
        return null;
    }

    /// <summary>An agent flags an article as wrong or outdated; the flag waits on the owner's list until resolved.</summary>
    public async Task<KbProblem?> FlagAsync(OrderViewer agent, Guid article, string kind, string? note, DateTimeOffset now, CancellationToken ct = default)
    {
        if (kind is not ("wrong" or "outdated")) return KbProblem.NotAllowed;
        if ((note?.Length ?? 0) > 1000) return KbProblem.NoteTooLong;
        if (await FindAsync(agent, article, ct) is not { } found) return KbProblem.NotFound;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO kb_flags (id, article_id, tenant_id, kind, note, flagged_by, flagged_at) VALUES (@id, @article, @tenant, @kind, @note, @user, @now)
            """, new { id = Guid.CreateVersion7(), article, tenant = found.TenantId, kind, note = note?.Trim() ?? "", user = agent.UserId,
            now = now.ToUniversalTime() }, cancellationToken: ct));
        return null;
    }

    /// <summary>Open flags on the articles a user owns (or every open flag the viewer sees, for <paramref name="owner"/> null).</summary>
    public async Task<IReadOnlyList<FlagView>> FlagsAsync(OrderViewer viewer, Guid? owner, bool openOnly = true, CancellationToken ct = default)
    {
        var parameters = new DynamicParameters(new { owner, openOnly });
        viewer.AddTo(parameters);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<(Guid Id, Guid ArticleId, string Title, string Kind, string Note, string By, DateTime At, DateTime? Resolved, string? Resolution)>(
            new CommandDefinition($"""
            SELECT f.id, f.article_id, a.title, f.kind, f.note, u.display_name, f.flagged_at, f.resolved_at, f.resolution
            FROM kb_flags f JOIN kb_articles a ON a.id = f.article_id JOIN users u ON u.id = f.flagged_by
            WHERE (@owner::uuid IS NULL OR a.owner_id = @owner) AND (NOT @openOnly OR f.resolved_at IS NULL) AND {ArticleFilter}
            ORDER BY f.flagged_at DESC LIMIT 200
            """, parameters, cancellationToken: ct));
        return rows.Select(r => new FlagView(r.Id, r.ArticleId, r.Title, r.Kind, r.Note, r.By, WorkOrderStore.Utc(r.At), WorkOrderStore.Utc(r.Resolved), r.Resolution))
            .ToList();
    }

    public async Task<KbProblem?> ResolveFlagAsync(OrderViewer editor, Guid flag, string resolution, DateTimeOffset now, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(resolution)) return KbProblem.ReasonRequired;
        var parameters = new DynamicParameters(new { flag, editor = editor.UserId, resolution = resolution.Trim(), now = now.ToUniversalTime() });
        editor.AddTo(parameters);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var updated = await connection.ExecuteAsync(new CommandDefinition($"""
            UPDATE kb_flags f SET resolved_by = @editor, resolved_at = @now, resolution = @resolution FROM kb_articles a
            WHERE f.id = @flag AND a.id = f.article_id AND f.resolved_at IS NULL AND {ArticleFilter}
            """, parameters, cancellationToken: ct));
        return updated == 1 ? null : KbProblem.NotFound;
    }

    /// <summary>The operator registers a policy change the client announced (by phone, letter, e-mail), with its target time.</summary>
    public async Task<(Guid? Id, KbProblem? Problem)> RegisterChangeAsync(OrderViewer editor, Guid tenant, string title, int targetHours, DateTimeOffset registeredAt,
        CancellationToken ct = default)
    {
        title = title?.Trim() ?? "";
        if (title.Length == 0) return (null, KbProblem.TitleRequired);
        if (title.Length > MaxTitle) return (null, KbProblem.TitleTooLong);
        if (targetHours <= 0) return (null, KbProblem.TargetNotPositive);
        var id = Guid.CreateVersion7();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO kb_policy_changes (id, tenant_id, title, registered_at, registered_by, target_hours) VALUES (@id, @tenant, @title, @at, @user, @targetHours)
            """, new { id, tenant, title, at = registeredAt.ToUniversalTime(), user = editor.UserId, targetHours }, cancellationToken: ct));
        return (id, null);
    }

    /// <summary>Policy changes registered in [start, end), of one tenant or all.</summary>
    public async Task<IReadOnlyList<PolicyChangeView>> ChangesAsync(Guid? tenant, DateTimeOffset start, DateTimeOffset end, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<(Guid Id, Guid TenantId, string TenantName, string Title, DateTime At, int Target, DateTime? Published, Guid? Article)>(
            new CommandDefinition("""
            SELECT c.id, c.tenant_id, t.name, c.title, c.registered_at, c.target_hours, c.published_at, c.article_id
            FROM kb_policy_changes c JOIN tenants t ON t.id = c.tenant_id
            WHERE (@tenant::uuid IS NULL OR c.tenant_id = @tenant) AND c.registered_at >= @start AND c.registered_at < @end
            ORDER BY c.registered_at DESC
            """, new { tenant, start = start.ToUniversalTime(), end = end.ToUniversalTime() }, cancellationToken: ct));
        return rows.Select(r => new PolicyChangeView(r.Id, r.TenantId, r.TenantName, r.Title, WorkOrderStore.Utc(r.At), r.Target, WorkOrderStore.Utc(r.Published), r.Article))
            .ToList();
    }

    public async Task<IReadOnlyList<SynonymGroup>> SynonymsAsync(Guid tenant, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<(Guid Id, Guid Tenant, string[] Words)>(new CommandDefinition(
            "SELECT id, tenant_id, words FROM kb_synonyms WHERE tenant_id = @tenant ORDER BY words[1]", new { tenant }, cancellationToken: ct));
        return rows.Select(r => new SynonymGroup(r.Id, r.Tenant, r.Words)).ToList();
    }

    /// <summary>Saves a group of words meaning the same thing for a tenant (at least two distinct words).</summary>
    public async Task<(Guid? Id, KbProblem? Problem)> SaveSynonymsAsync(Guid tenant, Guid? id, IEnumerable<string> words, CancellationToken ct = default)
    {
        var distinct = words.Select(w => w.Trim()).Where(w => w.Length > 0).Distinct().ToArray();
        if (distinct.Length < 2) return (null, KbProblem.SynonymsTooFew);
        var groupId = id ?? Guid.CreateVersion7();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO kb_synonyms (id, tenant_id, words) VALUES (@groupId, @tenant, @distinct)
            ON CONFLICT (id) DO UPDATE SET words = excluded.words WHERE kb_synonyms.tenant_id = excluded.tenant_id
            """, new { groupId, tenant, distinct }, cancellationToken: ct));
        return (groupId, null);
    }

    public async Task DeleteSynonymsAsync(Guid tenant, Guid id, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM kb_synonyms WHERE id = @id AND tenant_id = @tenant", new { id, tenant }, cancellationToken: ct));
    }
}
