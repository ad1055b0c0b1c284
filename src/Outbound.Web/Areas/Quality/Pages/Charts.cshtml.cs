using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outbound.Data.Quality;

namespace Outbound.Web.Areas.Quality.Pages;

/// <summary>控制图: XmR charts of the QA score or the handle time, per agent or per team, by week or month, over the campaigns the viewer reads.</summary>
public sealed class ChartsModel(QualityViewers viewers, QualityCharts charts, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public ChartMetric Metric { get; set; } = ChartMetric.QaScore;
    [BindProperty(SupportsGet = true)] public ChartPeriod Period { get; set; } = ChartPeriod.Week;
    [BindProperty(SupportsGet = true)] public string By { get; set; } = "agent";
    public IReadOnlyList<SubjectChart> Charts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var viewer = await viewers.OfAsync(User, ct);
        var now = clock.GetUtcNow();
        var from = Period == ChartPeriod.Week ? now.AddDays(-7 * 26) : now.AddMonths(-12);
        var campaigns = viewer.Campaigns?.ToList();
        Charts = By == "team"
            ? await charts.PerTeamAsync(Metric, Period, from, now.AddDays(1), campaigns, ct)
            : await charts.PerAgentAsync(Metric, Period, from, now.AddDays(1), campaigns, null, ct);
    }
}
