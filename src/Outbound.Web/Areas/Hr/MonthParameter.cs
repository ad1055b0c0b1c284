using Outbound.Core.Workforce;
using Outbound.Web.Localization;
using Outbound.Web.Pages;

namespace Outbound.Web.Areas.Hr;

/// <summary>
/// The ?month=YYYY-MM of assessment, workforce and billing pages: absent, the current month (agents) or the last one (Hr
/// settles months that ended); present, a month from 2000-01 to 2099-12, else the page answers 400 (<see cref="BadParameterFilter"/>).
/// </summary>
public static class MonthParameter
{
    public static readonly CalendarMonth Earliest = new(2000, 1);
    public static readonly CalendarMonth Latest = new(2099, 12);

    public static CalendarMonth Resolve(string? month, TimeProvider clock, bool previousByDefault)
    {
        var current = CalendarMonth.Of(DateOnly.FromDateTime(clock.GetLocalNow().DateTime));
        return Parse(month) ?? (previousByDefault ? current.Previous : current);
    }

    /// <summary>The month given, or null when none is.</summary>
    public static CalendarMonth? Parse(string? month) =>
        string.IsNullOrWhiteSpace(month) ? null
        : CalendarMonth.TryParse(month.Trim(), out var parsed) && parsed >= Earliest && parsed <= Latest ? parsed
        : throw new BadParameterException(ParameterTexts.BadMonth);
}

/// <summary>How the month's points spread over the agents, for the overview bar chart.</summary>
public sealed record PointsBucket(string Label, int Count)
{
    public static IReadOnlyList<PointsBucket> Of(IEnumerable<int> points)
    {
        var list = points.ToList();
        (string Label, Func<int, bool> In)[] buckets =
        [
            ("100", p => p == 100), ("95–99", p => p is >= 95 and < 100), ("90–94", p => p is >= 90 and < 95),
            ("80–89", p => p is >= 80 and < 90), ("60–79", p => p is >= 60 and < 80), ("0–59", p => p < 60),
        ];
        return buckets.Select(b => new PointsBucket(b.Label, list.Count(b.In))).ToList();
    }
}
