using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Outbound.Data.Knowledge;
using Outbound.Web.Areas.Knowledge;
using Outbound.Web.Areas.WorkOrders;
using Outbound.Web.Security;

namespace Outbound.Web.Areas.Client.Pages.Knowledge;

/// <summary>An article of the client's; the client proposes changes here (the operator publishes them).</summary>
[Authorize(Policy = Policies.ClientPortal)]
public sealed class ArticleModel(CurrentViewer viewers, KnowledgeStore store, TimeProvider clock) : ArticlePage(viewers, store, clock)
{
    public override string PagePath => "/Client/Knowledge/Article";

    public async Task<IActionResult> OnPostProposeAsync(Guid id, string? title, string? html, string? reason, CancellationToken ct)
    {
        var (_, problem) = await Store.ProposeAsync(await Viewers.GetAsync(ct), id, null, title ?? "", html ?? "", reason ?? "", Clock.GetUtcNow(), ct);
        return await AfterAsync(id, problem, KnowledgeTexts.Proposed, ct);
    }
}
