namespace Outbound.Core.Workforce.Forecasting;

/// <summary>
/// The shape of a day per <see cref="DayPattern"/>: each interval's share of the day's calls and its average
/// handle time, from history with weight halving every four weeks back (so a changed pattern shows within a month).
/// A pattern never seen falls back to the weekday (for holidays, to Sunday) and then to all days.
/// </summary>
public sealed class IntradayProfile
{
    private const double HalfLifeDays = 28;
    private readonly Dictionary<DayPattern, (double[] Shares, double[] Handle)> _patterns;
    private readonly (double[] Shares, double[] Handle) _all;

    private IntradayProfile(Dictionary<DayPattern, (double[], double[])> patterns, (double[], double[]) all)
    {
        _patterns = patterns;
        _all = all;
    }

    public static IntradayProfile Learn(IReadOnlyList<DayHistory> history, WorkCalendar calendar, int intervals)
    {
        var last = history[^1].Day;
        var groups = history.GroupBy(h => calendar.PatternOf(h.Day)).ToList();
        var patterns = groups.ToDictionary(g => g.Key, g => Shape(g, last, intervals));
        // Normal Monday–Friday also teach the weekday pattern that make-up workdays use.
        var weekdays = history.Where(h => calendar.KindOf(h.Day) == DayKind.Normal && h.Day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).ToList();
        if (weekdays.Count > 0 && !patterns.ContainsKey(DayPattern.Weekday)) patterns[DayPattern.Weekday] = Shape(weekdays, last, intervals);
        return new IntradayProfile(patterns, Shape(history, last, intervals));
    }

    public (double[] Shares, double[] Handle) For(DayPattern pattern) =>
        _patterns.TryGetValue(pattern, out var p) ? p
        : pattern == DayPattern.Holiday && _patterns.TryGetValue(DayPattern.Sunday, out var sunday) ? sunday
        : _patterns.TryGetValue(DayPattern.Weekday, out var weekday) && pattern != DayPattern.Holiday ? weekday
        : _all;

    private static (double[] Shares, double[] Handle) Shape(IEnumerable<DayHistory> days, DateOnly last, int intervals)
    {
        var calls = new double[intervals];
        var handleWeighted = new double[intervals];
        foreach (var day in days)
        {
            var weight = Math.Pow(0.5, (last.DayNumber - day.Day.DayNumber) / HalfLifeDays);
            var total = day.Calls.Sum();
            if (total <= 0) continue;
            for (var i = 0; i < intervals; i++)
            {
                calls[i] += weight * day.Calls[i] / total;
                handleWeighted[i] += weight * day.Calls[i] / total * day.HandleSeconds[i];
            }
        }
        var sum = calls.Sum();
        var shares = sum > 0 ? calls.Select(c => c / sum).ToArray() : Enumerable.Repeat(1.0 / intervals, intervals).ToArray();
        var overallHandle = calls.Sum() > 0 ? handleWeighted.Sum() / calls.Sum() : 0;
        var handle = calls.Select((c, i) => c > 0 ? handleWeighted[i] / c : overallHandle).ToArray();
        return (shares, handle);
    }
}
