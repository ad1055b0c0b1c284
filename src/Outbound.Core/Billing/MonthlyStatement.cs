using Outbound.Core.Workforce;

namespace Outbound.Core.Billing;

/// <summary>
/// A client's monthly statement (对账单): what was owed before the month, the charges that fall due in
/// it (this month's rent, last month's telephony, the deposit in the first month), the payments
/// received in it, and the balance. A positive balance is owed by the client.
/// </summary>
public sealed record MonthlyStatement(
    CalendarMonth Month,
    ContractTerms Terms,
    decimal OpeningBalance,
    IReadOnlyList<Charge> Charges,
    IReadOnlyList<Payment> Payments,
    AccountStanding StandingAtMonthEnd)
{
    public decimal ChargesTotal => Charges.Sum(c => c.Amount);
    public decimal PaymentsTotal => Payments.Sum(p => p.Amount);
    public decimal ClosingBalance => OpeningBalance + ChargesTotal - PaymentsTotal;

    public decimal Amount(ChargeKind kind) => Charges.Where(c => c.Kind == kind).Sum(c => c.Amount);

    public long TelephonyMinutes => (long)Charges.Where(c => c.Kind == ChargeKind.Telephony).Sum(c => c.Quantity);

    public long InboundMinutes => (long)Charges.Where(c => c.Kind == ChargeKind.InboundTelephony).Sum(c => c.Quantity);

    public static MonthlyStatement Compute(ContractTerms terms, CalendarMonth month,
        IReadOnlyDictionary<CalendarMonth, long> minutesByMonth, IReadOnlyList<Payment> payments,
        IReadOnlyDictionary<CalendarMonth, long>? inboundMinutesByMonth = null)
    {
        var all = BillingLedger.ChargesDueBy(terms, minutesByMonth, month.LastDay, inboundMinutesByMonth);
        var before = all.Where(c => c.DueOn < month.FirstDay).Sum(c => c.Amount)
                     - payments.Where(p => p.ReceivedOn < month.FirstDay).Sum(p => p.Amount);
        var inMonth = all.Where(c => month.Contains(c.DueOn)).ToList();
        var paid = payments.Where(p => month.Contains(p.ReceivedOn)).OrderBy(p => p.ReceivedOn).ToList();
        var standing = AccountStanding.Evaluate(terms, minutesByMonth, payments, month.LastDay, inboundMinutesByMonth);
        return new MonthlyStatement(month, terms, before, inMonth, paid, standing);
    }
}
