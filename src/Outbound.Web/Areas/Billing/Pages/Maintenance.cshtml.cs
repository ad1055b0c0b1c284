using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outbound.Core.Billing;
using Outbound.Core.Tenants;
using Outbound.Data;
using Outbound.Data.Billing;
using Outbound.Data.Tenants;
using Outbound.Web.Security;

namespace Outbound.Web.Areas.Billing.Pages;

/// <summary>
/// Maintenance windows (甲方第五条): dialing pauses inside them. A client's window must fit the maintenance
/// days its contract allows per month; a window for all clients is the operator's own decision.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class MaintenanceModel(TenantRepository tenants, MaintenanceWindows windows, ContractTermsStore terms, TimeProvider clock) : PageModel
{
    public sealed record Row(string Client, MaintenanceWindow Window);

    [BindProperty] public string? Tenant { get; set; }
    [BindProperty] public DateTime StartsAt { get; set; }
    [BindProperty] public DateTime EndsAt { get; set; }
    [BindProperty] public string Reason { get; set; } = "";
    public IReadOnlyList<Outbound.Data.Tenants.Tenant> Clients { get; private set; } = [];
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public string? Problem { get; private set; }
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var start = CenterTime.China.ToLocal(clock.GetUtcNow()).Date.AddDays(1);
        (StartsAt, EndsAt) = (start.AddHours(1), start.AddHours(5));
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid || StartsAt.Year < 2000 || EndsAt.Year > 2099)
        {
            Problem = BillingTexts.WindowInvalid;
            await LoadAsync(ct);
            return Page();
        }
        var window = new MaintenanceWindow(Guid.CreateVersion7(), CenterTime.China.ToInstant(StartsAt), CenterTime.China.ToInstant(EndsAt), Reason ?? "");
        TenantId? tenant = null;
        if (!string.IsNullOrEmpty(Tenant))
        {
            if (await tenants.FindByCodeAsync(Tenant, ct) is not { } found) return NotFound();
            tenant = found.Id;
        }
        Problem = window.EndsAt <= window.StartsAt ? BillingTexts.WindowInvalid : await AllowanceProblemAsync(tenant, window, ct);
        if (Problem is not null)
        {
            await LoadAsync(ct);
            return Page();
        }
        await windows.AddAsync(tenant, window, ct);
        Message = BillingTexts.WindowAdded;
        return RedirectToPage();
    }

    private async Task<string?> AllowanceProblemAsync(TenantId? tenant, MaintenanceWindow window, CancellationToken ct)
    {
        if (tenant is null || await terms.FindAsync(tenant, ct) is not { } contract) return null;
        var existing = (await windows.ForTenantAsync(tenant, window.StartsAt.AddDays(-62), ct)).ToList();
        return MaintenanceWindow.FitsAllowance(existing, window, contract.MaintenanceDaysPerMonth, CenterTime.China.Offset(window.StartsAt))
            ? null : BillingTexts.OverAllowance.Format(contract.MaintenanceDaysPerMonth);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Clients = await tenants.ListAsync(TenantScope.AllTenants, ct);
        var names = Clients.ToDictionary(c => c.Id, c => c.Name);
        Rows = (await windows.UpcomingAsync(clock.GetUtcNow(), ct))
            .Select(w => new Row(w.Tenant is { } t ? names.GetValueOrDefault(t, t.ToString()) : BillingTexts.AllClients, w.Window)).ToList();
    }
}
