using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outbound.Core.Tenants;
using Outbound.Data;
using Outbound.Data.Knowledge;
using Outbound.Data.Performance;
using Outbound.Data.WorkOrders;
using Outbound.Web.Areas.WorkOrders;
using Outbound.Web.Security;

namespace Outbound.Web.Areas.Knowledge.Pages;

/// <summary>
/// Publishing an article or its next version: place (client, campaign, category, order type), title, body (sanitised on
/// save), effective and review dates, and the registered policy changes it carries (their timeliness clock stops now).
/// </summary>
[Authorize(Policy = Policies.KnowledgeEdit)]
public sealed class EditModel(CurrentViewer viewers, KnowledgeStore store, PerformanceQueries campaigns, OrderTypes types, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Tenant { get; set; }
    [BindProperty] public Guid? CampaignId { get; set; }
    [BindProperty] public Guid CategoryId { get; set; }
    [BindProperty] public Guid? OrderTypeId { get; set; }
    [BindProperty] public string Title { get; set; } = "";
    [BindProperty] public string Html { get; set; } = "";
    [BindProperty] public DateOnly EffectiveFrom { get; set; }
    [BindProperty] public DateOnly? ReviewBy { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public List<Guid> Changes { get; set; } = [];

    public IReadOnlyList<ReportedCampaign> Campaigns { get; private set; } = [];
    public IReadOnlyList<KbCategory> Categories { get; private set; } = [];
    public IReadOnlyList<OrderType> Types { get; private set; } = [];
    public IReadOnlyList<PolicyChangeView> OpenChanges { get; private set; } = [];
    public List<string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        EffectiveFrom = CenterTime.China.Day(clock.GetUtcNow());
        if (Id is { } id)
        {
            if (await store.FindAsync(await viewers.GetAsync(ct), id, ct) is not { } article) return NotFound();
            (Tenant, CampaignId, CategoryId, OrderTypeId, Title, Html, ReviewBy) =
                (article.TenantId, article.CampaignId, article.CategoryId, article.OrderTypeId, article.Title, article.Html, article.ReviewBy);
        }
        await LoadAsync(ct);
        return Tenant is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Tenant is not { } tenant) return NotFound();
        var now = clock.GetUtcNow();
        var result = await store.PublishAsync(await viewers.GetAsync(ct), new ArticleInput(Id, tenant, CampaignId, CategoryId, OrderTypeId, Title, Html,
            EffectiveFrom, ReviewBy, Note, Changes), now, CenterTime.China.Day(now), ct);
        if (result.Id is { } saved)
        {
            TempData["Flash"] = KnowledgeTexts.Published.Format(result.Version) + (result.HtmlCleaned ? " " + KnowledgeTexts.HtmlCleaned : "");
            return Redirect($"/Knowledge/Article?id={saved}");
        }
        Errors.AddRange(result.Problems.Select(p => (string)KnowledgeTexts.Problem(p)));
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        if (Tenant is not { } tenant) return;
        Campaigns = (await campaigns.CampaignsAsync(TenantScope.For(new TenantId(tenant)), ct));
        Categories = await store.CategoriesAsync(tenant, ct);
        Types = await types.ListAsync(tenant: tenant, ct: ct);
        var now = clock.GetUtcNow();
        OpenChanges = (await store.ChangesAsync(tenant, now.AddYears(-1), now.AddDays(1), ct)).Where(c => c.PublishedAt is null).ToList();
    }
}
