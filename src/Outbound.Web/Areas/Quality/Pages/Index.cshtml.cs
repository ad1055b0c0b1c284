using Microsoft.AspNetCore.Mvc.RazorPages;
using Outbound.Core.Quality;
using Outbound.Data.Quality;

namespace Outbound.Web.Areas.Quality.Pages;

/// <summary>质检工作台: this month's plans with scored / to score per scorer, the calls waiting for me, disputes I may decide, recent evaluations.</summary>
public sealed class IndexModel(QualityViewers viewers, SamplingPlans plans, Data.Quality.Evaluations evaluations, TimeProvider clock) : PageModel
{
    public QualityViewer Viewer { get; private set; } = QualityViewer.Nobody;
    public IReadOnlyList<(PlanSummary Plan, IReadOnlyList<ScorerProgress> Progress)> Plans { get; private set; } = [];
    public IReadOnlyList<PlanCall> MyQueue { get; private set; } = [];
    public IReadOnlyList<EvaluationView> Disputes { get; private set; } = [];
    public IReadOnlyList<EvaluationView> Recent { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Viewer = await viewers.OfAsync(User, ct);
        var now = clock.GetUtcNow();
        var list = new List<(PlanSummary, IReadOnlyList<ScorerProgress>)>();
        var queue = new List<PlanCall>();
        foreach (var plan in (await plans.ListAsync(Viewer, ct)).Where(p => p.Period.To >= DateOnly.FromDateTime(now.AddDays(-62).UtcDateTime)))
        {
            list.Add((plan, await plans.ProgressAsync(plan.Id, ct)));
            if (Viewer.Role == QualityRole.Qa)
                queue.AddRange((await plans.CallsAsync(plan.Id, ct)).Where(c => c.Scorer == Viewer.UserId && c.EvaluationId is null));
        }
        Plans = list;
        MyQueue = queue;
        Disputes = await evaluations.DisputesToDecideAsync(Viewer, ct);
        Recent = (await evaluations.ListAsync(Viewer, now.AddDays(-62), now.AddDays(1), ct)).Take(20).ToList();
    }
}
