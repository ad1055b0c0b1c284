using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outbound.Data;
using Outbound.Data.Knowledge;
using Outbound.Web.Areas.WorkOrders;
using Outbound.Web.Security;

namespace Outbound.Web.Areas.Knowledge.Pages;

/// <summary>What waits for the operator's editors: clients' proposals to publish or decline, and agents' flags on the articles one owns.</summary>
[Authorize(Policy = Policies.KnowledgeEdit)]
public sealed class ReviewModel(CurrentViewer viewers, KnowledgeStore store, TimeProvider clock) : PageModel
{
    public IReadOnlyList<ProposalView> Proposals { get; private set; } = [];
    public IReadOnlyList<FlagView> Flags { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public string? Error { get; private set; }
    [BindProperty(SupportsGet = true)] public bool AllFlags { get; set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostPublishAsync(Guid proposal, DateOnly? effective, DateOnly? review, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = CenterTime.China.Day(now);
        var result = await store.PublishProposalAsync(await viewers.GetAsync(ct), proposal, effective ?? today, review, now, today, ct);
        return await AfterAsync(result.Problems.Cast<KbProblem?>().FirstOrDefault(), ct);
    }

    public async Task<IActionResult> OnPostDeclineAsync(Guid proposal, string? note, CancellationToken ct) =>
        await AfterAsync(await store.DeclineProposalAsync(await viewers.GetAsync(ct), proposal, note ?? "", clock.GetUtcNow(), ct), ct);

    public async Task<IActionResult> OnPostResolveFlagAsync(Guid flag, string? resolution, CancellationToken ct) =>
        await AfterAsync(await store.ResolveFlagAsync(await viewers.GetAsync(ct), flag, resolution ?? "", clock.GetUtcNow(), ct), ct);

    private async Task<IActionResult> AfterAsync(KbProblem? problem, CancellationToken ct)
    {
        if (problem is null)
        {
            TempData["Flash"] = (string)Localization.CommonTexts.Saved;
            return RedirectToPage();
        }
        Error = KnowledgeTexts.Problem(problem.Value);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var viewer = await viewers.GetAsync(ct);
        Today = CenterTime.China.Day(clock.GetUtcNow());
        Proposals = await store.ProposalsAsync(viewer, pendingOnly: true, ct);
        Flags = await store.FlagsAsync(viewer, AllFlags ? null : viewer.UserId, ct: ct);
    }
}
