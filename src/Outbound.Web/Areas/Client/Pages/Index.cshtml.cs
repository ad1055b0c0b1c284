using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outbound.Core.Billing;
using Outbound.Core.Performance;
using Outbound.Core.Tenants;
using Outbound.Core.Workforce;
using Outbound.Data.Billing;
using Outbound.Data.Performance;
using Outbound.Data.Tenants;
using Outbound.Reports.Performance;
using Outbound.Web.Areas.Billing;
using Outbound.Web.Security;

namespace Outbound.Web.Areas.Client.Pages;

/// <summary>
/// The client's home: its own campaigns with this month's figures, its contract, statements and
/// downloads, and — when suspended — why. Everything is read within the user's tenant scope.
/// </summary>
[Authorize(Policy = Policies.ClientPortal)]
public sealed class IndexModel(TenantScope scope, TenantRepository tenants, BillingAccounts accounts, TenantSuspensions suspensions,
    PerformanceQueries queries, PerformanceReportDataSource reports, DownloadLog downloads, ClientDocuments documents, TimeProvider clock) : PageModel
{
    public sealed record CampaignSummary(ReportedCampaign Campaign, PerformanceFigures Figures);

    public string TenantCode { get; private set; } = "";
    public string TenantName { get; private set; } = "";
    public ContractTerms? Terms { get; private set; }
    public Suspension? Suspension { get; private set; }
    public bool RenewalDue { get; private set; }
    public IReadOnlyList<CampaignSummary> Campaigns { get; private set; } = [];
    public IReadOnlyList<CalendarMonth> Months { get; private set; } = [];
    public IReadOnlyList<Download> Downloads { get; private set; } = [];
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (scope.Only is not { } own || await tenants.FindAsync(own, ct) is not { } tenant) return NotFound();
        TenantCode = tenant.Code;
        TenantName = tenant.Name;
        Terms = await accounts.Terms.FindAsync(own, ct);
        Suspension = await suspensions.CurrentAsync(own, ct);
        var today = accounts.Today;
        RenewalDue = Terms?.RenewalReminderDue(today) ?? false;
        (From, To) = (new DateOnly(today.Year, today.Month, 1), today);
        var summaries = new List<CampaignSummary>();
        foreach (var campaign in await queries.CampaignsAsync(scope, ct))
            if (await reports.LoadAsync(campaign.Code, From, To, scope, ct) is { } report) summaries.Add(new CampaignSummary(campaign, report.Figures));
        Campaigns = summaries;
        if (Terms is not null)
        {
            var months = new List<CalendarMonth>();
            for (var m = CalendarMonth.Of(today); m >= Terms.FirstMonth && months.Count < 24; m = m.Previous) months.Add(m);
            Months = months;
        }
        Downloads = await downloads.ForTenantAsync(own, 20, ct);
        return Page();
    }

    /// <summary>The contract PDF; <paramref name="tenant"/> names the client and must be the user's own (another → 404).</summary>
    public Task<IActionResult> OnGetContractAsync(string tenant, CancellationToken ct) =>
        documents.ContractAsync(tenant, scope, User.Identity?.Name ?? "", ct);

    public Task<IActionResult> OnGetStatementPdfAsync(string tenant, string? month, CancellationToken ct) =>
        documents.StatementAsync(tenant, PeriodParameters.Month(month, clock), scope, User.Identity?.Name ?? "", ct);
}
