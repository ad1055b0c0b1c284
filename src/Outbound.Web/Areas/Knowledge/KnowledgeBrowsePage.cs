using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outbound.Core.Tenants;
using Outbound.Data.Knowledge;
using Outbound.Data.Tenants;
using Outbound.Web.Areas.WorkOrders;

namespace Outbound.Web.Areas.Knowledge;

/// <summary>
/// Browsing and searching the knowledge base: a client's category tree with its articles, or search results ranked by
/// relevance. Operator staff pick the client; a client user sees its own only (/Client/Knowledge).
/// </summary>
public abstract class KnowledgeBrowsePage(CurrentViewer viewers, KnowledgeStore store, KnowledgeSearch search, TenantRepository tenants, TenantScope scope)
    : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Tenant { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Category { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public IReadOnlyList<(Guid Id, string Name)> Tenants { get; private set; } = [];
    public IReadOnlyList<KbCategory> Categories { get; private set; } = [];
    public IReadOnlyList<ArticleHit> Articles { get; private set; } = [];
    public string? Problem { get; private set; }

    public abstract string ArticlePath { get; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var viewer = await viewers.GetAsync(ct);
        Tenants = (await tenants.ListAsync(scope, ct)).Select(t => (t.Id.Value, t.Name)).ToList();
        Tenant = Tenants.Any(t => t.Id == Tenant) ? Tenant : Tenants.FirstOrDefault().Id;
        if (Tenant is not { } tenant || tenant == Guid.Empty) return;
        Categories = await store.CategoriesAsync(tenant, ct);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var (hits, problem) = await search.SearchAsync(viewer, Q, tenant, null, 50, ct);
            Articles = hits;
            Problem = problem is { } p ? KnowledgeTexts.Problem(p).ToString() : hits.Count == 0 ? KnowledgeTexts.NoHits.ToString() : null;
        }
        else Articles = await search.ListAsync(viewer, tenant, Category, ct: ct);
    }
}
