using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outbound.Core.Billing;
using Outbound.Core.Tenants;
using Outbound.Data;
using Outbound.Data.Billing;
using Outbound.Data.Tenants;
using Outbound.Web.Localization;
using Outbound.Web.Security;

namespace Outbound.Web.Areas.Billing.Pages;

/// <summary>An Admin edits one client's seat-lease terms; new terms start from the sample contract's figures.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class TermsModel(TenantRepository tenants, ContractTermsStore store, TenantSuspensions suspensions, TimeProvider clock) : PageModel
{
    public sealed class TermsInput
    {
        [Required] public string ContractNo { get; set; } = "";
        public int Seats { get; set; } = 10;
        public decimal PricePerSeatMonth { get; set; } = 2000m;
        public decimal TelephonyRatePerMinute { get; set; } = 0.12m;
        public DateOnly StartDate { get; set; }
        public DateOnly EndDate { get; set; }
        public int DepositMonths { get; set; } = 1;
        public int AdvanceMonths { get; set; } = 1;
        public int GraceDays { get; set; } = 15;
        public int MaintenanceDaysPerMonth { get; set; } = 2;
        public int RenewalNoticeMonths { get; set; } = 1;

        public ContractTerms ToTerms(TenantId tenant) => new(tenant, ContractNo.Trim(), Seats, PricePerSeatMonth, TelephonyRatePerMinute,
            StartDate, EndDate, DepositMonths, AdvanceMonths, GraceDays, MaintenanceDaysPerMonth, RenewalNoticeMonths);

        public static TermsInput From(ContractTerms t) => new()
        {
            ContractNo = t.ContractNo, Seats = t.Seats, PricePerSeatMonth = t.PricePerSeatMonth, TelephonyRatePerMinute = t.TelephonyRatePerMinute,
            StartDate = t.StartDate, EndDate = t.EndDate, DepositMonths = t.DepositMonths, AdvanceMonths = t.AdvanceMonths, GraceDays = t.GraceDays,
            MaintenanceDaysPerMonth = t.MaintenanceDaysPerMonth, RenewalNoticeMonths = t.RenewalNoticeMonths,
        };
    }

    [BindProperty(SupportsGet = true)] public string Tenant { get; set; } = "";
    [BindProperty] public TermsInput Input { get; set; } = new();
    public string TenantName { get; private set; } = "";
    public IReadOnlyList<string> Problems { get; private set; } = [];
    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await tenants.FindByCodeAsync(Tenant, ct) is not { } tenant) return NotFound();
        TenantName = tenant.Name;
        if (await store.FindAsync(tenant.Id, ct) is { } terms) Input = TermsInput.From(terms);
        else
        {
            var start = CenterTime.China.Day(clock.GetUtcNow());
            start = new DateOnly(start.Year, start.Month, 1);
            Input = new TermsInput { ContractNo = $"HT-{start:yyyy}-{tenant.Code}", StartDate = start, EndDate = start.AddYears(1).AddDays(-1) };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await tenants.FindByCodeAsync(Tenant, ct) is not { } tenant) return NotFound();
        TenantName = tenant.Name;
        var terms = Input.ToTerms(tenant.Id);
        Problems = terms.Problems().Select(p => BillingTexts.Problem(p).ToString()).ToList();
        if (!ModelState.IsValid) Problems = [.. Problems, .. ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage)];
        if (Problems.Count > 0) return Page();
        await store.SaveAsync(terms, User.Identity?.Name, ct);
        await suspensions.EvaluateAsync(tenant.Id, ct); // new grace days or dates may suspend or lift at once
        Message = CommonTexts.Saved;
        return RedirectToPage("Index");
    }
}
