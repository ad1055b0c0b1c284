using Outbound.Core.Workforce;

namespace Outbound.Core.Billing;

/// <summary>
/// Whether a client is in good standing on a day. Payments settle the oldest charges first; the
/// oldest charge not fully paid decides how many days the account is overdue. Seed part 二, 甲方第二条:
/// service may be suspended once rent is more than <see cref="ContractTerms.GraceDays"/> days overdue,
/// so with 15 grace days a charge due on the 1st suspends on the 17th (16 days late), not the 16th.
/// </summary>
public sealed record AccountStanding(decimal Outstanding, DateOnly? OldestUnpaidDueOn, int DaysOverdue, bool Suspended, DateOnly? SuspendsOn)
{
    public static AccountStanding Evaluate(ContractTerms terms, IReadOnlyDictionary<CalendarMonth, long> minutesByMonth,
        IReadOnlyList<Payment> payments, DateOnly today, IReadOnlyDictionary<CalendarMonth, long>? inboundMinutesByMonth = null)
    {
        var charges = BillingLedger.ChargesDueBy(terms, minutesByMonth, today, inboundMinutesByMonth);
        var paid = payments.Where(p => p.ReceivedOn <= today).Sum(p => p.Amount);
        var outstanding = charges.Sum(c => c.Amount) - paid;
        var covered = paid;
        DateOnly? oldestUnpaid = null;
        foreach (var charge in charges)
        {
            if (covered >= charge.Amount) { covered -= charge.Amount; continue; }
            oldestUnpaid = charge.DueOn;
            break;
        }
        if (oldestUnpaid is not { } due) return new AccountStanding(Math.Max(outstanding, 0), null, 0, false, null);
        var daysOverdue = Math.Max(0, today.DayNumber - due.DayNumber);
        var suspendsOn = due.AddDays(terms.GraceDays + 1);
        return new AccountStanding(outstanding, due, daysOverdue, daysOverdue > terms.GraceDays, suspendsOn);
    }
}
