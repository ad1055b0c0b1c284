using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outbound.Data;
using Outbound.Data.Knowledge;
using Outbound.Web.Areas.WorkOrders;

namespace Outbound.Web.Areas.Knowledge;

/// <summary>
/// One article (the version in effect), its versions and attachments. Operator staff may flag it as wrong or outdated (it
/// reaches the owner); a client user may propose a change (registered as a policy change, timed for timeliness).
/// </summary>
public abstract class ArticlePage(CurrentViewer viewers, KnowledgeStore store, TimeProvider clock) : PageModel
{
    protected CurrentViewer Viewers => viewers;
    protected KnowledgeStore Store => store;
    protected TimeProvider Clock => clock;

    public ArticleView Article { get; private set; } = null!;
    public IReadOnlyList<ArticleVersion> Versions { get; private set; } = [];
    public IReadOnlyList<KbAttachment> Attachments { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public string? Error { get; private set; }

    public abstract string PagePath { get; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetDownloadAsync(Guid attachment, CancellationToken ct) =>
        await store.DownloadAsync(await viewers.GetAsync(ct), attachment, ct) is { } found
            ? File(found.Content, found.Info.ContentType, found.Info.FileName)
            : NotFound();

    protected async Task<IActionResult> AfterAsync(Guid id, KbProblem? problem, string done, CancellationToken ct)
    {
        if (problem is null)
        {
            TempData["Flash"] = done;
            return Redirect($"{PagePath}?id={id}");
        }
        Error = KnowledgeTexts.Problem(problem.Value);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    protected async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var viewer = await viewers.GetAsync(ct);
        if (await store.FindAsync(viewer, id, ct) is not { } article) return false;
        Article = article;
        Versions = await store.VersionsAsync(viewer, id, ct);
        Attachments = await store.AttachmentsAsync(viewer, id, ct);
        Today = CenterTime.China.Day(clock.GetUtcNow());
        return true;
    }
}
