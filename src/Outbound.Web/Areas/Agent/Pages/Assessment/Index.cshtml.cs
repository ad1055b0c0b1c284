using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outbound.Core.Assessment;
using Outbound.Core.Workforce;
using Outbound.Data.Assessment;
using Outbound.Reports.Assessment;
using Outbound.Web.Areas.Hr;
using Outbound.Web.Localization;
using Outbound.Web.Security;

namespace Outbound.Web.Areas.Agent.Pages.Assessment;

/// <summary>我的考核: the signed-in agent's own points and deductions for a month, appeals and the statement PDF. Never anyone else's.</summary>
[Authorize(Policy = Policies.AssessmentSelf)]
public sealed class IndexModel(Deductions deductions, AssessmentStatementDataSource statements, Data.Quality.QualityCharts qualityCharts, TimeProvider clock) : PageModel
{
    public CalendarMonth Month { get; private set; }
    public IReadOnlyList<DeductionView> Items { get; private set; } = [];
    public PayrollLine Line { get; private set; } = null!;
    [TempData] public string? Message { get; set; }
    public string? Problem { get; private set; }
    /// <summary>The agent's own weekly QA-score control chart (质检).</summary>
    public Data.Quality.SubjectChart? QualityChart { get; private set; }

    public Task OnGetAsync(string? month, CancellationToken ct) => LoadAsync(MonthParameter.Resolve(month, clock, false), ct);

    public async Task<IActionResult> OnPostAppealAsync(Guid id, string? reason, string? month, CancellationToken ct)
    {
        try
        {
            await deductions.ApplyAsync(new DeductionId(id), DeductionAction.Appeal, User.ToAssessmentActor(), reason, ct);
            Message = AssessmentTexts.Appealed;
            return RedirectToPage(new { month });
        }
        catch (AssessmentRefusedException e)
        {
            Problem = e.Text.ToText();
            await LoadAsync(MonthParameter.Resolve(month, clock, false), ct);
            return Page();
        }
    }

    public async Task<IActionResult> OnGetStatementAsync(string? month, CancellationToken ct)
    {
        var actor = User.ToAssessmentActor();
        var m = MonthParameter.Resolve(month, clock, false);
        try
        {
            var model = await statements.LoadAsync(actor.Id, m, actor, ct);
            return File(new AssessmentStatementDocument(model).GeneratePdf(), "application/pdf", $"statement-{model.EmployeeNo}-{m}.pdf");
        }
        catch (AssessmentRefusedException)
        {
            return NotFound();
        }
    }

    private async Task LoadAsync(CalendarMonth month, CancellationToken ct)
    {
        var actor = User.ToAssessmentActor();
        Month = month;
        // Drafts are Hr's work in progress: an agent sees a deduction once Hr has confirmed it.
        Items = (await deductions.ForAgentAsync(actor.Id, actor, month, ct)).Where(d => d.State != DeductionState.Draft).ToList();
        QualityChart = await Quality.IndexModel.MyChartAsync(qualityCharts, actor.Id.Value, clock.GetUtcNow(), ct);
        Line = MonthlySettlement.SettleAgent(actor.Id, month, 0m, Items.Where(d => d.State.Counts()).Select(d => d.Charge).ToList());
    }
}
