using Microsoft.AspNetCore.Mvc;
using Outbound.Core.Identity;
using Outbound.Data.Knowledge;
using Outbound.Web.Areas.WorkOrders;
using Outbound.Web.Localization;

namespace Outbound.Web.Areas.Knowledge.Pages;

/// <summary>An article for operator staff; anyone may flag it as wrong or outdated for its owner.</summary>
public sealed class ArticleModel(CurrentViewer viewers, KnowledgeStore store, TimeProvider clock) : ArticlePage(viewers, store, clock)
{
    public override string PagePath => "/Knowledge/Article";

    public bool CanEdit => User.IsInRole(Roles.Admin) || User.IsInRole(Roles.CampaignManager) || User.IsInRole(Roles.Supervisor);

    public async Task<IActionResult> OnPostAttachAsync(Guid id, IFormFile? file, CancellationToken ct)
    {
        if (!CanEdit) return Forbid();
        if (file is null || file.Length == 0 || file.Length > Core.WorkOrders.AttachmentPolicy.MaxBytes)
            return await AfterAsync(id, KbProblem.Attachment, "", ct);
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var (_, problem, why) = await Store.AttachAsync(await Viewers.GetAsync(ct), id, file.FileName, buffer.ToArray(), Clock.GetUtcNow(), ct);
        if (why is { } refused) TempData["Flash"] = (string)Outbound.Web.Areas.WorkOrders.WorkOrderTexts.Attachment(refused);
        return await AfterAsync(id, why is null ? problem : null, why is null ? CommonTexts.Saved : (string)TempData["Flash"]!, ct);
    }

    public async Task<IActionResult> OnPostFlagAsync(Guid id, string kind, string? note, CancellationToken ct) =>
        await AfterAsync(id, await Store.FlagAsync(await Viewers.GetAsync(ct), id, kind, note, Clock.GetUtcNow(), ct), KnowledgeTexts.Flagged, ct);
}
