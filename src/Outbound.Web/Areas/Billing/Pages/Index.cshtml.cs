using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outbound.Core.Billing;
using Outbound.Core.Tenants;
using Outbound.Data.Billing;
using Outbound.Data.Tenants;
using Outbound.Web.Security;

namespace Outbound.Web.Areas.Billing.Pages;

/// <summary>Every client's contract, standing and renewal; the on-demand suspension check.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class IndexModel(TenantRepository tenants, BillingAccounts accounts, TenantSuspensions suspensions) : PageModel
{
    public sealed record Row(string Code, string Name, ContractTerms? Terms, Suspension? Suspension, AccountStanding? Standing, bool RenewalDue);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var rows = new List<Row>();
        var today = accounts.Today;
        foreach (var tenant in await tenants.ListAsync(TenantScope.AllTenants, ct))
        {
            var terms = await accounts.Terms.FindAsync(tenant.Id, ct);
            rows.Add(new Row(tenant.Code, tenant.Name, terms, await suspensions.CurrentAsync(tenant.Id, ct),
                terms is null ? null : await accounts.StandingAsync(tenant.Id, today, ct), terms?.RenewalReminderDue(today) ?? false));
        }
        Rows = rows;
    }

    public async Task<IActionResult> OnPostCheckAsync(CancellationToken ct)
    {
        Message = BillingTexts.Checked.Format(await suspensions.EvaluateAllAsync(ct));
        return RedirectToPage();
    }
}
