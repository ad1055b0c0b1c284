using System.Globalization;
using Outbound.Core.Workforce;
using Outbound.Data;

namespace Outbound.Web.Areas.Billing;

/// <summary>Months and periods from query strings, defaulting to the current month in the call centre's zone.</summary>
public static class PeriodParameters
{
    public static CalendarMonth Month(string? text, TimeProvider clock) =>
        CalendarMonth.TryParse(text, out var month) ? month : CalendarMonth.Of(CenterTime.China.Day(clock.GetUtcNow()));

    /// <summary>The period asked for (this month so far by default); null when it ends before it starts, which no report has.</summary>
    public static (DateOnly From, DateOnly To)? Period(string? from, string? to, TimeProvider clock)
    {
        var today = CenterTime.China.Day(clock.GetUtcNow());
        var period = (From: Day(from) ?? new DateOnly(today.Year, today.Month, 1), To: Day(to) ?? today);
        return period.To < period.From ? null : period;
    }

    private static DateOnly? Day(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
