using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outbound.Core.Quality;
using Outbound.Data.Quality;
using Outbound.Web.Areas.Quality;
using Outbound.Web.Security;

namespace Outbound.Web.Areas.Agent.Pages.Quality;

/// <summary>我的质检: the signed-in agent's own evaluations, their weekly chart; acknowledge one, or dispute it once.</summary>
[Authorize(Policy = Policies.QualitySelf)]
public sealed class IndexModel(Evaluations evaluations, QualityCharts charts, TimeProvider clock) : PageModel
{
    public IReadOnlyList<EvaluationView> Items { get; private set; } = [];
    public SubjectChart? Chart { get; private set; }

    private Guid Me => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Items = await evaluations.ForAgentAsync(Me, ct);
        Chart = await MyChartAsync(charts, Me, clock.GetUtcNow(), ct);
    }

    /// <summary>The agent's weekly QA-score chart over the last year (their own calls only).</summary>
    public static async Task<SubjectChart?> MyChartAsync(QualityCharts charts, Guid me, DateTimeOffset now, CancellationToken ct) =>
        (await charts.PerAgentAsync(ChartMetric.QaScore, ChartPeriod.Week, now.AddDays(-364), now.AddDays(1), null, [me.ToString()], ct)).FirstOrDefault();
}
