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
        [FieldLabel(typeof(BillingTexts), nameof(BillingTexts.ContractNo))]
        public string ContractNo { get; set; } = ""; // a blank one is ContractTerms' own problem (one message, not two)
        [FieldLabel(typeof(BillingTexts), nameof(BillingTexts.Seats))]
        public int Seats { get; set; } = 10;
        [FieldLabel(typeof(BillingTexts), nameof(BillingTexts.PricePerSeat))]
        public decimal PricePerSeatMonth { get; set; } = 2000m;
        [FieldLabel(typeof(BillingTexts), nameof(BillingTexts.RatePerMinute))]
        public decimal TelephonyRatePerMinute { get; set; } = 0.12m;
        [FieldLabel(typeof(BillingTexts), nameof(BillingTexts.StartDate))]
        public DateOnly StartDate { get; set; }
        [FieldLabel(typeof(BillingTexts), nameof(BillingTexts.EndDate))]
        public DateOnly EndDate { get; set; }
        [FieldLabel(typeof(BillingTexts), nameof(BillingTexts.DepositMonths))]
        public int DepositMonths { get; set; } = 1;
        [FieldLabel(typeof(BillingTexts), nameof(BillingTexts.AdvanceMonths))]
        public int AdvanceMonths { get; set; } = 1;
        [FieldLabel(typeof(BillingTexts), nameof(BillingTexts.GraceDays))]
        public int GraceDays { get; set; } = 15;
        [FieldLabel(typeof(BillingTexts), nameof(BillingTexts.MaintenanceDays))]
        public int MaintenanceDaysPerMonth { get; set; } = 2;
        [FieldLabel(typeof(BillingTexts), nameof(BillingTexts.RenewalNotice))]
        public int RenewalNoticeMonths { get; set; } = 1;

        public ContractTerms ToTerms(TenantId tenant) => new(tenant, ContractNo?.Trim() ?? "", Seats, PricePerSeatMonth, TelephonyRatePerMinute,
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
