using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outbound.Core.Tenants;
using Outbound.Data.Performance;
using Outbound.Reports.Performance;
using Outbound.Web.Security;

namespace Outbound.Web.Areas.Billing.Pages;

/// <summary>Any campaign's performance report for the operator, as a page and a PDF.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class PerformanceModel(PerformanceQueries queries, PerformanceReportDataSource reports, ClientDocuments documents, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Campaign { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    public IReadOnlyList<ReportedCampaign> Campaigns { get; private set; } = [];
    public PerformanceReportModel? Report { get; private set; }
    public DateOnly FromDay { get; private set; }
    public DateOnly ToDay { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        (FromDay, ToDay) = PeriodParameters.Period(From, To, clock);
        Campaigns = await queries.CampaignsAsync(TenantScope.AllTenants, ct);
        Campaign ??= Campaigns.FirstOrDefault()?.Code;
        if (Campaign is null) return Page();
        Report = await reports.LoadAsync(Campaign, FromDay, ToDay, TenantScope.AllTenants, ct);
        return Report is null ? NotFound() : Page();
    }

    public Task<IActionResult> OnGetPdfAsync(CancellationToken ct)
    {
        var (from, to) = PeriodParameters.Period(From, To, clock);
        return documents.PerformanceAsync(Campaign ?? "", from, to, TenantScope.AllTenants, User.Identity?.Name ?? "", ct);
    }
}
