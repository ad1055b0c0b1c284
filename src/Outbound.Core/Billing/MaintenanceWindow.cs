using Outbound.Core.Workforce;

namespace Outbound.Core.Billing;

/// <summary>
/// A planned maintenance stretch (甲方第五条: two days a month). Dialing pauses inside it. A window
/// with no tenant applies to every client.
/// </summary>
public sealed record MaintenanceWindow(Guid Id, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Reason)
{
    public bool Contains(DateTimeOffset instant) => instant >= StartsAt && instant < EndsAt;

    /// <summary>Maintenance time within a month, in days (partial days count by the hour).</summary>
    public static double DaysIn(IEnumerable<MaintenanceWindow> windows, CalendarMonth month, TimeSpan utcOffset)
    {
        var start = new DateTimeOffset(month.FirstDay.ToDateTime(TimeOnly.MinValue), utcOffset);
        var end = new DateTimeOffset(month.Next.FirstDay.ToDateTime(TimeOnly.MinValue), utcOffset);
        return windows.Sum(w =>
        {
            var from = w.StartsAt > start ? w.StartsAt : start;
            var to = w.EndsAt < end ? w.EndsAt : end;
            return to > from ? (to - from).TotalDays : 0;
        });
    }

    /// <summary>Whether adding <paramref name="candidate"/> keeps every month within the contract's allowance.</summary>
    public static bool FitsAllowance(IReadOnlyList<MaintenanceWindow> existing, MaintenanceWindow candidate, int daysPerMonth, TimeSpan utcOffset)
    {
        var all = existing.Append(candidate).ToList();
        for (var month = CalendarMonth.Of(DateOnly.FromDateTime(candidate.StartsAt.ToOffset(utcOffset).DateTime));
             month <= CalendarMonth.Of(DateOnly.FromDateTime(candidate.EndsAt.ToOffset(utcOffset).DateTime));
             month = month.Next)
        {
            if (DaysIn(all, month, utcOffset) > daysPerMonth + 1e-9) return false;
        }
        return true;
    }
}

/// <summary>What the dialer asks before dialing for a client: may it dial now, and if not, why.</summary>
public enum TenantStanding
{
    Active,
    /// <summary>Rent more than the grace days overdue: campaigns stop and cannot start.</summary>
    Suspended,
    /// <summary>Inside a maintenance window: dialing pauses, campaigns keep their status.</summary>
    Maintenance,
}
