namespace Outbound.Core.Quality;

/// <summary>Run rules that flag a point as a signal of a special cause.</summary>
[Flags]
public enum RunSignal
{
    None = 0,
    /// <summary>The point lies beyond a 3σ limit.</summary>
    BeyondLimits = 1,
    /// <summary>The point is one of 8 or more in a row on the same side of the centre line.</summary>
    RunOfEight = 2,
    /// <summary>The point is one of 6 or more in a row each rising (or each falling) from the one before.</summary>
    TrendOfSix = 4,
}

/// <summary>A value to chart (a week's or a month's mean QA score, AHT …), labelled with its period.</summary>
public sealed record ChartInput(string Label, double Value);

public sealed record ChartPoint(string Label, double Value, double? MovingRange, RunSignal Signals);

/// <summary>
/// An individuals / moving-range (XmR) chart: centre line = mean of the values; sigma = average moving range / d2
/// (d2 = 2/√π ≈ 1.128 for ranges of two); limits at ±3σ; the moving-range chart's upper limit D4 · MR̄ with
/// D4 = 1 + 3·d3/d2 ≈ 3.267. Limits need at least two values.
/// </summary>
public sealed record XmrChart(IReadOnlyList<ChartPoint> Points, double? Center, double? Sigma, double? MovingRangeMean)
{
    /// <summary>d2 for n = 2: the expected range of two standard normal values, 2/√π.</summary>
    public static readonly double D2 = 2 / Math.Sqrt(Math.PI);
    /// <summary>d3 for n = 2 (the standard deviation of that range).</summary>
    public const double D3 = 0.852502;
    public static readonly double D4 = 1 + 3 * D3 / D2;

    public double? Upper => Center + 3 * Sigma;
    public double? Lower => Center - 3 * Sigma;
    public double? MovingRangeUpper => MovingRangeMean * D4;

    public bool HasSignals => Points.Any(p => p.Signals != RunSignal.None);

    public static XmrChart Of(IReadOnlyList<ChartInput> values)
    {
        var n = values.Count;
        if (n < 2)
            return new XmrChart(values.Select(v => new ChartPoint(v.Label, v.Value, null, RunSignal.None)).ToList(), n == 1 ? values[0].Value : null, null, null);

        double sum = 0, ranges = 0;
        for (var i = 0; i < n; i++)
        {
            sum += values[i].Value;
            if (i > 0) ranges += Math.Abs(values[i].Value - values[i - 1].Value);
        }
        var center = sum / n;
        var mrBar = ranges / (n - 1);
        var sigma = mrBar / D2;
        var signals = RunRules.Flag(values.Select(v => v.Value).ToArray(), center, center + 3 * sigma, center - 3 * sigma);
        var points = new ChartPoint[n];
        for (var i = 0; i < n; i++)
            points[i] = new ChartPoint(values[i].Label, values[i].Value, i == 0 ? null : Math.Abs(values[i].Value - values[i - 1].Value), signals[i]);
        return new XmrChart(points, center, sigma, mrBar);
    }
}

/// <summary>The usual run rules (Western Electric / Nelson): beyond 3σ, 8 in a row on one side, 6 in a row rising or falling.</summary>
public static class RunRules
{
    public const int RunLength = 8;
    public const int TrendLength = 6;

    public static RunSignal[] Flag(double[] values, double center, double upper, double lower)
    {
        var flags = new RunSignal[values.Length];
        for (var i = 0; i < values.Length; i++)
            if (values[i] > upper || values[i] < lower) flags[i] |= RunSignal.BeyondLimits;

        // Runs on one side: a point on the centre line belongs to no side and breaks the run.
        for (int i = 0, j; i < values.Length; i = j + 1)
        {
            var side = Side(values[i], center);
            for (j = i; j + 1 < values.Length && Side(values[j + 1], center) == side; j++) { }
            if (side != 0 && j - i + 1 >= RunLength) Mark(flags, i, j + 1, RunSignal.RunOfEight);
        }

        // Trends: consecutive strict rises (or falls); a tie breaks the trend. 6 points make 5 steps.
        for (int i = 1, j; i < values.Length; i = j + 1)
        {
            var direction = Math.Sign(values[i] - values[i - 1]);
            for (j = i; direction != 0 && j + 1 < values.Length && Math.Sign(values[j + 1] - values[j]) == direction; j++) { }
            if (direction != 0 && j - i + 2 >= TrendLength) Mark(flags, i - 1, j + 1, RunSignal.TrendOfSix);
        }
        return flags;
    }

    private static int Side(double value, double center) => Math.Sign(value - center);

    private static void Mark(RunSignal[] flags, int from, int to, RunSignal signal)
    {
        for (var j = from; j < to; j++) flags[j] |= signal;
    }
}
