using Outbound.Core.Workforce.Staffing;

namespace Outbound.Core.Workforce.Planning;

/// <summary>
/// A hotline's call curve as the source material describes a service line: quiet nights, a morning peak around
/// 10:00, an afternoon shoulder, an evening peak around 20:00 (people call after work), Mondays busiest and
/// Sundays quietest. Used for the demo's history and for benchmarks; its requirement comes from Erlang C like a real one.
/// </summary>
public static class SyntheticDemand
{
    private static readonly double[] Weekly = [0.78, 1.15, 1.06, 1.02, 1.0, 1.04, 0.84]; // Sunday … Saturday

    /// <summary>Expected calls in each interval of a day with <paramref name="callsPerDay"/> calls on an average day.</summary>
    public static double[] Calls(DateOnly day, TimeSpan interval, double callsPerDay)
    {
        var perDay = (int)(TimeSpan.FromDays(1) / interval);
        var shape = Enumerable.Range(0, perDay).Select(i => Shape((interval * (i + 0.5)).TotalHours)).ToArray();
        var total = shape.Sum();
        return shape.Select(s => callsPerDay * Weekly[(int)day.DayOfWeek] * s / total).ToArray();
    }

    /// <summary>Agents needed on the floor per interval for 80 % in 20 s at the given handle time, 85 % occupancy cap.</summary>
    public static IReadOnlyList<IReadOnlyList<int>> Required(DateOnly start, int days, TimeSpan interval, double callsPerDay, TimeSpan handle)
    {
        var target = new ServiceTarget(0.8, TimeSpan.FromSeconds(20));
        var policy = new StaffingPolicy(0.85, 0);
        return Enumerable.Range(0, days).Select(d => (IReadOnlyList<int>)Calls(start.AddDays(d), interval, callsPerDay)
            .Select(c => StaffingCalculator.Require(new IntervalLoad(c, interval, handle), target, policy).OnPhones.Agents)
            .ToArray()).ToList();
    }

    /// <summary>Peaks at 10:15 and 20:00, an afternoon shoulder at 15:00, dips at lunch and dinner; bumps wrap round midnight.</summary>
    private static double Shape(double hour)
    {
        double Bump(double centre, double width)
        {
            var distance = Math.Abs(hour - centre);
            distance = Math.Min(distance, 24 - distance);
            return Math.Exp(-Math.Pow(distance / width, 2));
        }
        return 0.03 + Bump(10.25, 2.2) + 0.75 * Bump(15, 2.4) + 0.85 * Bump(20, 1.9) + 0.15 * Bump(23, 1.6);
    }
}
