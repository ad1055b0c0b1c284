using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outbound.Core.Tenants;
using Outbound.Core.Workforce;
using Outbound.Data.Billing;
using Outbound.Data.Tenants;
using Outbound.Reports.Billing;
using Outbound.Web.Security;

namespace Outbound.Web.Areas.Billing.Pages;

/// <summary>
/// A client's monthly statement for the operator, with its PDF and the contract PDF (downloads are logged). Viewing only
/// previews; the Admin issues the month with a POST, which records the figures with who and when.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class StatementModel(StatementDataSource statements, ClientDocuments documents, TenantRepository tenants, BillingAccounts accounts,
    TimeProvider clock) : PageModel
{
    [TempData] public string? Message { get; set; }

    [BindProperty(SupportsGet = true)] public string Tenant { get; set; } = "";
    public CalendarMonth Month { get; private set; }
    public Reports.Billing.StatementModel Statement { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string? month, CancellationToken ct)
    {
        Month = PeriodParameters.Month(month, clock);
        if (await statements.LoadAsync(Tenant, Month, TenantScope.AllTenants, ct) is not { } statement) return NotFound();
        Statement = statement;
        return Page();
    }

    public async Task<IActionResult> OnPostIssueAsync(string? month, CancellationToken ct)
    {
        Month = PeriodParameters.Month(month, clock);
        if (await tenants.FindByCodeAsync(Tenant, ct) is not { } tenant
            || await accounts.IssueStatementAsync(tenant.Id, Month, User.Identity?.Name, ct) is null) return NotFound();
        Message = BillingTexts.StatementIssued;
        return RedirectToPage(new { tenant = Tenant, month = Month.ToString() });
    }

    public Task<IActionResult> OnGetPdfAsync(string? month, CancellationToken ct) =>
        documents.StatementAsync(Tenant, PeriodParameters.Month(month, clock), TenantScope.AllTenants, User.Identity?.Name ?? "", ct);

    public Task<IActionResult> OnGetContractAsync(CancellationToken ct) =>
        documents.ContractAsync(Tenant, TenantScope.AllTenants, User.Identity?.Name ?? "", ct);
}
