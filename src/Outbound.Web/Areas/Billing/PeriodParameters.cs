using System.Globalization;
using Outbound.Core.Workforce;
using Outbound.Data.Billing;

namespace Outbound.Web.Areas.Billing;

/// <summary>Months and periods from query strings, defaulting to the current month in the call centre's zone.</summary>
public static class PeriodParameters
{
    public static CalendarMonth Month(string? text, TimeProvider clock) =>
        CalendarMonth.TryParse(text, out var month) ? month : CalendarMonth.Of(BillingAccounts.CenterDay(clock.GetUtcNow()));

    public static (DateOnly From, DateOnly To) Period(string? from, string? to, TimeProvider clock)
    {
        var today = BillingAccounts.CenterDay(clock.GetUtcNow());
        return (Day(from) ?? new DateOnly(today.Year, today.Month, 1), Day(to) ?? today);
    }

    private static DateOnly? Day(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
