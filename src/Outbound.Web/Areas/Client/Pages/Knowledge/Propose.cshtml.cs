using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outbound.Data.Knowledge;
using Outbound.Web.Areas.Knowledge;
using Outbound.Web.Areas.WorkOrders;
using Outbound.Web.Security;

namespace Outbound.Web.Areas.Client.Pages.Knowledge;

/// <summary>The client proposes a new article in one of its categories (a policy change registered now, for timeliness).</summary>
[Authorize(Policy = Policies.ClientPortal)]
public sealed class ProposeModel(CurrentViewer viewers, KnowledgeStore store, TimeProvider clock) : PageModel
{
    public IReadOnlyList<KbCategory> Categories { get; private set; } = [];
    public string? Error { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(Guid? category, string? title, string? html, string? reason, CancellationToken ct)
    {
        var (_, problem) = await store.ProposeAsync(await viewers.GetAsync(ct), null, category, title ?? "", html ?? "", reason ?? "", clock.GetUtcNow(), ct);
        if (problem is null)
        {
            TempData["Flash"] = (string)KnowledgeTexts.Proposed;
            return Redirect("/Client/Knowledge");
        }
        Error = KnowledgeTexts.Problem(problem.Value);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var viewer = await viewers.GetAsync(ct);
        Categories = viewer.TenantId is { } tenant ? await store.CategoriesAsync(tenant, ct) : [];
    }
}
