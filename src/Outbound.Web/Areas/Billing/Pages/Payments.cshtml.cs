using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outbound.Core.Billing;
using Outbound.Data.Billing;
using Outbound.Data.Tenants;
using Outbound.Web.Security;

namespace Outbound.Web.Areas.Billing.Pages;

/// <summary>An Admin records a client's payments; each one re-evaluates the suspension, so paying resumes service at once.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class PaymentsModel(TenantRepository tenants, BillingAccounts accounts, TenantSuspensions suspensions) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Tenant { get; set; } = "";
    [BindProperty] public DateOnly ReceivedOn { get; set; }
    [BindProperty] public decimal Amount { get; set; }
    [BindProperty] public string Reference { get; set; } = "";
    public string TenantName { get; private set; } = "";
    public IReadOnlyList<Payment> Payments { get; private set; } = [];
    public AccountStanding? Standing { get; private set; }
    public string? Problem { get; private set; }
    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ReceivedOn = accounts.Today;
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await tenants.FindByCodeAsync(Tenant, ct) is not { } tenant) return NotFound();
        if (Amount <= 0)
        {
            Problem = BillingTexts.AmountPositive;
            await LoadAsync(ct);
            return Page();
        }
        await accounts.Payments.RecordAsync(tenant.Id, ReceivedOn, Amount, Reference ?? "", User.Identity?.Name, ct);
        await suspensions.EvaluateAsync(tenant.Id, ct);
        Message = BillingTexts.PaymentRecorded;
        return RedirectToPage(new { tenant = Tenant });
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await tenants.FindByCodeAsync(Tenant, ct) is not { } tenant) return false;
        TenantName = tenant.Name;
        Payments = await accounts.Payments.ListAsync(tenant.Id, ct);
        Standing = await accounts.StandingAsync(tenant.Id, accounts.Today, ct);
        return true;
    }
}
