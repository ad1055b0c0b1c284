using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outbound.Core.Quality;
using Outbound.Data.Quality;

namespace Outbound.Web.Areas.Quality.Pages.Plans;

/// <summary>One plan: its rules and seed, progress per scorer, and every sampled call with why it was picked and who scores it.</summary>
public sealed class DetailsModel(QualityViewers viewers, SamplingPlans plans) : PageModel
{
    public PlanSummary Plan { get; private set; } = null!;
    public IReadOnlyList<PlanCall> Calls { get; private set; } = [];
    public IReadOnlyList<ScorerProgress> Progress { get; private set; } = [];
    public QualityViewer Viewer { get; private set; } = QualityViewer.Nobody;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Viewer = await viewers.OfAsync(User, ct);
        if (await plans.FindAsync(id, ct) is not { } plan || !Viewer.MayReadResults(plan.CampaignId)) return NotFound();
        Plan = plan;
        Calls = await plans.CallsAsync(id, ct);
        Progress = await plans.ProgressAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRerunAsync(Guid id, CancellationToken ct)
    {
        var viewer = await viewers.OfAsync(User, ct);
        if (await plans.FindAsync(id, ct) is not { } plan || !viewer.MayManage(plan.CampaignId)) return NotFound();
        var (_, added) = await plans.RerunAsync(id, ct);
        TempData["Flash"] = QualityTexts.Rerun0.Format(added);
        return RedirectToPage(new { id });
    }
}
