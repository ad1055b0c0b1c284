using System.Globalization;
using Outbound.Core.Workforce;
using Outbound.Data;
using Outbound.Web.Areas.Hr;
using Outbound.Web.Localization;
using Outbound.Web.Pages;

namespace Outbound.Web.Areas.Billing;

/// <summary>
/// Months and periods from query strings, defaulting to the current month in the call centre's zone. A value that is
/// given but unusable (malformed, outside 2000–2099, a period that ends before it starts) is a 400 with the reason.
/// </summary>
public static class PeriodParameters
{
    private static readonly DateOnly Earliest = MonthParameter.Earliest.FirstDay;
    private static readonly DateOnly Latest = MonthParameter.Latest.LastDay;

    public static CalendarMonth Month(string? text, TimeProvider clock) =>
        MonthParameter.Parse(text) ?? CalendarMonth.Of(CenterTime.China.Day(clock.GetUtcNow()));

    /// <summary>The period asked for (this month so far by default).</summary>
    public static (DateOnly From, DateOnly To) Period(string? from, string? to, TimeProvider clock)
    {
        var today = CenterTime.China.Day(clock.GetUtcNow());
        var period = (From: Day(from) ?? new DateOnly(today.Year, today.Month, 1), To: Day(to) ?? today);
        return period.To < period.From ? throw new BadParameterException(ParameterTexts.PeriodReversed) : period;
    }

    private static DateOnly? Day(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day >= Earliest && day <= Latest
            ? day
            : throw new BadParameterException(ParameterTexts.BadDay);
}
