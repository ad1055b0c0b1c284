using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outbound.Data.Desk;
using Outbound.Data.Knowledge;
using Outbound.Web.Areas.WorkOrders;

namespace Outbound.Web.Areas.Knowledge.Pages.Desk;

/// <summary>
/// The desk's knowledge panel (JSON): suggestions for the campaign on screen and the order type being filled, search as the
/// agent types (the campaign's client's articles and synonyms), and flagging an article as wrong or outdated for its owner.
/// </summary>
public sealed class ApiModel(CurrentViewer viewers, KnowledgeSearch search, KnowledgeStore store, DeskQueries desk, TimeProvider clock) : PageModel
{
    public sealed record FlagInput(Guid Article, string Kind, string? Note);

    public IActionResult OnGet() => NotFound();

    public async Task<IActionResult> OnGetSuggestAsync(Guid campaign, Guid? type, CancellationToken ct) =>
        new JsonResult(Hits(await search.SuggestAsync(await viewers.GetAsync(ct), campaign, type, ct: ct)));

    public async Task<IActionResult> OnGetSearchAsync(string? q, Guid? campaign, CancellationToken ct)
    {
        var viewer = await viewers.GetAsync(ct);
        Guid? tenant = null;
        if (campaign is { } c)
            tenant = (await desk.AssignedCampaignsAsync(viewer.UserId, ct)).FirstOrDefault(a => a.Id == c)?.TenantId;
        var (hits, problem) = await search.SearchAsync(viewer, q, tenant, tenant is null ? null : campaign, 10, ct);
        return new JsonResult(new { hits = Hits(hits), problem = problem is { } p ? (string)KnowledgeTexts.Problem(p) : null });
    }

    public async Task<IActionResult> OnPostFlagAsync([FromBody] FlagInput input, CancellationToken ct)
    {
        var problem = await store.FlagAsync(await viewers.GetAsync(ct), input.Article, input.Kind, input.Note, clock.GetUtcNow(), ct);
        return new JsonResult(new { message = problem is { } p ? (string)KnowledgeTexts.Problem(p) : (string)KnowledgeTexts.Flagged, ok = problem is null });
    }

    private static IEnumerable<object> Hits(IEnumerable<ArticleHit> hits) => hits.Select(h => new
    {
        h.Id, h.Title, h.Snippet, h.CategoryName, h.OpenFlags, effective = h.EffectiveFrom.ToString("yyyy-MM-dd"),
        reviewDue = h.ReviewBy is { } r && r < Outbound.Data.CenterTime.China.Day(DateTimeOffset.UtcNow),
    });
}
