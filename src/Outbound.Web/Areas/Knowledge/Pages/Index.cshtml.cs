using Microsoft.AspNetCore.Mvc;
using Outbound.Core.Identity;
using Outbound.Core.Tenants;
using Outbound.Data.Knowledge;
using Outbound.Data.Tenants;
using Outbound.Web.Areas.WorkOrders;

namespace Outbound.Web.Areas.Knowledge.Pages;

/// <summary>知识库 for operator staff: a client's category tree, its articles and search; editors add categories.</summary>
public sealed class IndexModel(CurrentViewer viewers, KnowledgeStore store, KnowledgeSearch search, TenantRepository tenants, TenantScope scope)
    : KnowledgeBrowsePage(viewers, store, search, tenants, scope)
{
    private readonly KnowledgeStore _store = store;

    public override string ArticlePath => "/Knowledge/Article";

    public bool CanEdit => User.IsInRole(Roles.Admin) || User.IsInRole(Roles.CampaignManager) || User.IsInRole(Roles.Supervisor);

    public async Task<IActionResult> OnPostCategoryAsync(Guid tenant, Guid? parent, string? name, CancellationToken ct)
    {
        if (!CanEdit) return Forbid();
        var (_, problem) = await _store.CreateCategoryAsync(tenant, parent, name ?? "", ct: ct);
        TempData["Flash"] = problem is { } p ? (string)KnowledgeTexts.Problem(p) : (string)Localization.CommonTexts.Saved;
        return Redirect($"/Knowledge?tenant={tenant}");
    }
}
