using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outbound.Core.Tenants;
using Outbound.Core.Workforce;
using Outbound.Reports.Billing;
using Outbound.Web.Security;

namespace Outbound.Web.Areas.Billing.Pages;

/// <summary>A client's monthly statement for the operator, with its PDF and the contract PDF (downloads are logged).</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class StatementModel(StatementDataSource statements, ClientDocuments documents, TimeProvider clock) : PageModel
{
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

    public Task<IActionResult> OnGetPdfAsync(string? month, CancellationToken ct) =>
        documents.StatementAsync(Tenant, PeriodParameters.Month(month, clock), TenantScope.AllTenants, User.Identity?.Name ?? "", ct);

    public Task<IActionResult> OnGetContractAsync(CancellationToken ct) =>
        documents.ContractAsync(Tenant, TenantScope.AllTenants, User.Identity?.Name ?? "", ct);
}
