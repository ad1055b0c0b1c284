using Outbound.Core.Workforce;

namespace Outbound.Core.Billing;

/// <summary>
/// Every charge a contract produces, in due-date order. Rent is paid in advance (付一): the rent of a
/// month is due on its first day (the start date in the first month), with the deposit (押一).
/// Telephony is billed in arrears: the minutes of a month are due on the first day of the next one.
/// Months are charged whole; a contract is agreed in whole months in the sample.
/// The contract (seed part 二) prices telephony per minute without telling directions apart, so a hotline's answered
/// minutes are billed at the same rate and rounding, as a line of their own (呼入通话分钟) beside the outbound minutes.
/// </summary>
public static class BillingLedger
{
    /// <param name="minutesByMonth">Billable minutes per month (see <see cref="BillableMinutes"/>).</param>
    /// <param name="through">Charges due on or before this day are returned.</param>
    /// <param name="inboundMinutesByMonth">Billable minutes of answered hotline calls per month, by the same rule.</param>
    public static IReadOnlyList<Charge> ChargesDueBy(ContractTerms terms, IReadOnlyDictionary<CalendarMonth, long> minutesByMonth, DateOnly through,
        IReadOnlyDictionary<CalendarMonth, long>? inboundMinutesByMonth = null)
    {
        var charges = new List<Charge>();
        if (terms.Deposit > 0)
            charges.Add(new Charge(ChargeKind.Deposit, terms.FirstMonth, terms.StartDate, terms.DepositMonths, terms.MonthlySeatRent, terms.Deposit));
        for (var month = terms.FirstMonth; month <= terms.LastMonth; month = month.Next)
        {
            var due = month == terms.FirstMonth ? terms.StartDate : month.FirstDay;
            if (due > through) break;
            charges.Add(new Charge(ChargeKind.SeatRent, month, due, terms.Seats, terms.PricePerSeatMonth, terms.MonthlySeatRent));
        }
        AddMinutes(ChargeKind.Telephony, minutesByMonth);
        AddMinutes(ChargeKind.InboundTelephony, inboundMinutesByMonth ?? new Dictionary<CalendarMonth, long>());
        return charges.OrderBy(c => c.DueOn).ThenBy(c => c.Kind).ToList();

        void AddMinutes(ChargeKind kind, IReadOnlyDictionary<CalendarMonth, long> byMonth)
        {
            foreach (var (month, minutes) in byMonth.OrderBy(m => m.Key))
            {
                var due = month.Next.FirstDay;
                if (minutes <= 0 || due > through) continue;
                charges.Add(new Charge(kind, month, due, minutes, terms.TelephonyRatePerMinute,
                    decimal.Round(minutes * terms.TelephonyRatePerMinute, 2, MidpointRounding.AwayFromZero)));
            }
        }
    }
}
