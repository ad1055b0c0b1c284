using Npgsql;
using Outbound.Core.Billing;
using Outbound.Core.Tenants;
using Outbound.Core.Workforce;
using Outbound.Data.Billing;

namespace Outbound.Data.Demo;

/// <summary>
/// The demo clients' seat-lease terms (the sample contract: ¥2000 a seat a month, 押一付一, 15 grace
/// days, two maintenance days) and the payments that keep them in good standing up to today.
/// Idempotent: terms are overwritten, the demo payment is topped up rather than repeated.
/// </summary>
public static class DemoBilling
{
    private const string DemoReference = "演示数据：已付至本月";

    public static async Task EnsureAsync(NpgsqlDataSource dataSource, IReadOnlyDictionary<string, TenantId> tenants, TimeProvider clock, CancellationToken ct = default)
    {
        var today = CenterTime.China.Day(clock.GetUtcNow());
        var start = CalendarMonth.Of(today).Previous.Previous.FirstDay;
        var accounts = new BillingAccounts(dataSource, clock);
        (string Code, string ContractNo, int Seats)[] contracts =
        [
            (DemoCampaigns.BankTenant, "HT-DEMO-BANK-01", 20),
            (DemoCampaigns.PowerTenant, "HT-DEMO-POWER-01", 10),
        ];
        foreach (var (code, contractNo, seats) in contracts)
        {
            var tenant = tenants[code];
            var terms = ContractTerms.Sample(tenant, contractNo, seats, start, start.AddYears(1).AddDays(-1));
            await accounts.Terms.SaveAsync(terms, "demo seed", ct);
            var due = BillingLedger.ChargesDueBy(terms, await accounts.Usage.MinutesByMonthAsync(tenant, ct), today,
                await accounts.Usage.InboundMinutesByMonthAsync(tenant, ct)).Sum(c => c.Amount);
            var paid = (await accounts.Payments.ListAsync(tenant, ct)).Sum(p => p.Amount);
            if (due > paid) await accounts.Payments.RecordAsync(tenant, today, due - paid, DemoReference, "demo seed", ct);
            await new TenantSuspensions(dataSource, accounts, clock).EvaluateAsync(tenant, ct);
        }
    }
}
