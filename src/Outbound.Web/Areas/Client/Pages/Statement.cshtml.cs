using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outbound.Core.Tenants;
using Outbound.Core.Workforce;
using Outbound.Reports.Billing;
using Outbound.Web.Areas.Billing;
using Outbound.Web.Security;

namespace Outbound.Web.Areas.Client.Pages;

/// <summary>The client's own statement of a month; another client's code in the URL is not found.</summary>
[Authorize(Policy = Policies.ClientPortal)]
public sealed class StatementModel(TenantScope scope, StatementDataSource statements, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Tenant { get; set; } = "";
    public CalendarMonth Month { get; private set; }
    public Reports.Billing.StatementModel Statement { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string? month, CancellationToken ct)
    {
        Month = PeriodParameters.Month(month, clock);
        if (await statements.LoadAsync(Tenant, Month, scope, ct) is not { } statement) return NotFound();
        Statement = statement;
        return Page();
    }
}
