using Outbound.Core.Workforce;

namespace Outbound.Web.Areas.Hr;

/// <summary>The ?month=YYYY-MM of assessment pages; defaults to the current month (agents) or the last one (Hr settles months that ended).</summary>
public static class MonthParameter
{
    public static CalendarMonth Resolve(string? month, TimeProvider clock, bool previousByDefault) =>
        CalendarMonth.TryParse(month, out var parsed) ? parsed
        : previousByDefault ? CalendarMonth.Of(DateOnly.FromDateTime(clock.GetLocalNow().DateTime)).Previous
        : CalendarMonth.Of(DateOnly.FromDateTime(clock.GetLocalNow().DateTime));
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
