using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outbound.Core.Tenants;
using Outbound.Reports.Performance;
using Outbound.Web.Areas.Billing;
using Outbound.Web.Localization;
using Outbound.Web.Pages;
using Outbound.Web.Security;

namespace Outbound.Web.Areas.Client.Pages;

/// <summary>The dashboard of one of the client's own campaigns, and its PDF; another client's campaign is not found.</summary>
[Authorize(Policy = Policies.ClientPortal)]
public sealed class PerformanceModel(TenantScope scope, PerformanceReportDataSource reports, ClientDocuments documents, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Campaign { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    public PerformanceReportModel Report { get; private set; } = null!;
    public DateOnly FromDay { get; private set; }
    public DateOnly ToDay { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Campaign)) return HttpContext.BadParameter(ParameterTexts.NoCampaign);
        (FromDay, ToDay) = PeriodParameters.Period(From, To, clock);
        if (await reports.LoadAsync(Campaign, FromDay, ToDay, scope, ct) is not { } report) return NotFound();
        Report = report;
        return Page();
    }

    public Task<IActionResult> OnGetPdfAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Campaign)) return Task.FromResult(HttpContext.BadParameter(ParameterTexts.NoCampaign));
        var (from, to) = PeriodParameters.Period(From, To, clock);
        return documents.PerformanceAsync(Campaign, from, to, scope, User.Identity?.Name ?? "", ct);
    }
}
