using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outbound.Core.Workforce;
using Outbound.Data.Assessment;
using Outbound.Reports.Assessment;
using Outbound.Web.Localization;
using Outbound.Web.Pages;
using Outbound.Web.Security;

namespace Outbound.Web.Areas.Hr.Pages;

/// <summary>The month's overview: settled (locked) or provisional lines, the distribution of points, settle, CSV and statements.</summary>
[Authorize(Policy = Policies.Hr)]
public sealed class IndexModel(Settlements settlements, AssessmentStatementDataSource statements, TimeProvider clock) : PageModel
{
    public CalendarMonth Month { get; private set; }
    public Settlement Settlement { get; private set; } = null!;
    public bool Settled { get; private set; }
    /// <summary>Appeals of the month Hr has not decided; the month cannot be settled while there are any.</summary>
    public int OpenAppeals { get; private set; }
    public IReadOnlyList<PointsBucket> Buckets { get; private set; } = [];
    [TempData] public string? Message { get; set; }
    public string? Problem { get; private set; }

    public async Task OnGetAsync(string? month, CancellationToken ct) => await LoadAsync(MonthParameter.Resolve(month, clock, true), ct);

    public async Task<IActionResult> OnPostSettleAsync(string month, CancellationToken ct)
    {
        if (MonthParameter.Parse(month) is not { } m) return HttpContext.BadParameter(AssessmentTexts.UnknownMonth);
        try
        {
            await settlements.SettleAsync(m, User.ToAssessmentActor(), clock.GetLocalNow(), ct);
            Message = AssessmentTexts.SettledMessage.Format(m);
            return RedirectToPage(new { month = m.ToString() });
        }
        catch (AssessmentRefusedException e)
        {
            Problem = e.Text.ToText();
            await LoadAsync(m, ct);
            return Page();
        }
    }

    public async Task<IActionResult> OnGetCsvAsync(string month, CancellationToken ct)
    {
        if (await settlements.FindAsync(MonthParameter.Resolve(month, clock, true), ct) is not { } settled) return NotFound();
        var stream = new MemoryStream();
        await PayrollCsv.WriteAsync(settled, stream, ct);
        return File(stream.ToArray(), "text/csv; charset=utf-8", $"payroll-{settled.Summary.Month}.csv");
    }

    public async Task<IActionResult> OnGetStatementAsync(Guid agent, string month, CancellationToken ct)
    {
        var m = MonthParameter.Resolve(month, clock, true);
        try
        {
            var model = await statements.LoadAsync(new AgentId(agent), m, User.ToAssessmentActor(), ct);
            return File(new AssessmentStatementDocument(model).GeneratePdf(), "application/pdf", $"statement-{model.EmployeeNo}-{m}.pdf");
        }
        catch (AssessmentRefusedException)
        {
            return HttpContext.NotFoundWith(ParameterTexts.NoStaffRecord);
        }
    }

    private async Task LoadAsync(CalendarMonth month, CancellationToken ct)
    {
        Month = month;
        var stored = await settlements.FindAsync(month, ct);
        Settled = stored is not null;
        Settlement = stored ?? await settlements.PreviewAsync(month, clock.GetLocalNow(), ct);
        OpenAppeals = stored is null ? await settlements.OpenAppealsAsync(month, ct) : 0;
        Buckets = PointsBucket.Of(Settlement.Rows.Select(r => r.Line.Points));
    }
}
