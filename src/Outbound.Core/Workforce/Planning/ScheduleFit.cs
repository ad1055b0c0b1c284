using MathNet.Numerics.Statistics;

namespace Outbound.Core.Workforce.Planning;

/// <summary>
/// Schedule fit (排班契合度): how closely staff on the floor follow the requirement over a set of intervals,
/// fit = max(0, 1 − Σ|scheduled − required| ÷ Σ required), with the population standard deviation of
/// (scheduled − required) over the intervals — the two figures the source material judges a roster by.
/// </summary>
public sealed record ScheduleFit(double Fit, double StandardDeviation, int Understaffed, int Overstaffed, int Intervals)
{
    public static ScheduleFit Of(IReadOnlyList<int> scheduled, IReadOnlyList<int> required)
    {
        if (scheduled.Count != required.Count) throw new ArgumentException($"{scheduled.Count} scheduled intervals against {required.Count} required", nameof(scheduled));
        if (required.Count == 0) return new ScheduleFit(1, 0, 0, 0, 0);
        long gap = 0, need = 0;
        int under = 0, over = 0;
        var differences = new double[required.Count];
        for (var i = 0; i < required.Count; i++)
        {
            var d = scheduled[i] - required[i];
            differences[i] = d;
            gap += Math.Abs(d);
            need += required[i];
            if (d < 0) under++;
            else if (d > 0) over++;
        }
        // Nothing required: a roster that schedules nobody fits perfectly, anyone scheduled fits not at all.
        var fit = need == 0 ? (gap == 0 ? 1 : 0) : Math.Max(0, 1 - (double)gap / need);
        return new ScheduleFit(fit, differences.PopulationStandardDeviation(), under, over, required.Count);
    }

    /// <summary>Fit of each day of a day × interval grid, then of the whole grid.</summary>
    public static (IReadOnlyList<ScheduleFit> Days, ScheduleFit Whole) OfDays(IReadOnlyList<IReadOnlyList<int>> scheduled, IReadOnlyList<IReadOnlyList<int>> required)
    {
        if (scheduled.Count != required.Count) throw new ArgumentException($"{scheduled.Count} scheduled days against {required.Count} required", nameof(scheduled));
        var days = scheduled.Select((s, d) => Of(s, required[d])).ToList();
        return (days, Of(scheduled.SelectMany(s => s).ToList(), required.SelectMany(r => r).ToList()));
    }
}
