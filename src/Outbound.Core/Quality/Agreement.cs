using MathNet.Numerics.Statistics;

namespace Outbound.Core.Quality;

/// <summary>
/// Agreement between scorers who rated the same calls: the intra-class correlation ICC(2,1) of Shrout &amp; Fleiss (1979)
/// — two-way random effects, absolute agreement, single rater — and Krippendorff's alpha with the interval metric.
/// Both read a matrix of units (calls) × raters (scorers); null is a missing rating.
/// </summary>
public static class Agreement
{
    /// <summary>
    /// ICC(2,1) = (BMS − EMS) / (BMS + (k−1)·EMS + k·(JMS − EMS)/n) over the units every rater scored (two-way ANOVA
    /// without replication). Null with fewer than two such units or two raters, or when there is no variance at all.
    /// </summary>
    public static double? Icc21(IReadOnlyList<IReadOnlyList<double?>> ratings)
    {
        var complete = ratings.Where(r => r.All(v => v.HasValue)).Select(r => r.Select(v => v!.Value).ToArray()).ToList();
        var n = complete.Count;
        var k = n == 0 ? 0 : complete[0].Length;
        if (n < 2 || k < 2) return null;
        var grand = complete.SelectMany(r => r).Mean();
        var rowMeans = complete.Select(r => r.Mean()).ToArray();
        var colMeans = Enumerable.Range(0, k).Select(j => complete.Select(r => r[j]).Mean()).ToArray();
        var total = complete.SelectMany(r => r).Sum(v => (v - grand) * (v - grand));
        var between = k * rowMeans.Sum(m => (m - grand) * (m - grand));
        var judges = n * colMeans.Sum(m => (m - grand) * (m - grand));
        var error = total - between - judges;
        var bms = between / (n - 1);
        var jms = judges / (k - 1);
        var ems = error / ((n - 1) * (k - 1));
        var denominator = bms + (k - 1) * ems + k * (jms - ems) / n;
        return denominator == 0 ? null : (bms - ems) / denominator;
    }

    /// <summary>
    /// Krippendorff's alpha, interval metric: 1 − D_o / D_e, with pairable values only (units rated at least twice).
    /// D_o sums, per unit u with m_u values, the squared differences of all ordered pairs divided by (m_u − 1);
    /// D_e the squared differences of all ordered pairs of pairable values, over n − 1 (Krippendorff 2011).
    /// Null when fewer than two values are pairable or every value is the same.
    /// </summary>
    public static double? KrippendorffAlphaInterval(IReadOnlyList<IReadOnlyList<double?>> ratings)
    {
        var units = ratings.Select(r => r.Where(v => v.HasValue).Select(v => v!.Value).ToArray()).Where(u => u.Length >= 2).ToList();
        var values = units.SelectMany(u => u).ToArray();
        var n = values.Length;
        if (n < 2) return null;
        double observed = 0;
        foreach (var u in units)
            observed += SumSquaredPairs(u) / (u.Length - 1);
        observed /= n;
        var expected = SumSquaredPairs(values) / (n * (double)(n - 1));
        return expected == 0 ? null : 1 - observed / expected;
    }

    /// <summary>Σ over ordered pairs (i ≠ j) of (x_i − x_j)² = 2·(m·Σx² − (Σx)²), in one pass.</summary>
    private static double SumSquaredPairs(IReadOnlyCollection<double> xs)
    {
        double sum = 0, squares = 0;
        foreach (var x in xs)
        {
            sum += x;
            squares += x * x;
        }
        return 2 * (xs.Count * squares - sum * sum);
    }
}
