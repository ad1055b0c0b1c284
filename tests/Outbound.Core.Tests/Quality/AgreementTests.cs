using Outbound.Core.Quality;

namespace Outbound.Core.Tests.Quality;

public sealed class AgreementTests
{
    private static IReadOnlyList<IReadOnlyList<double?>> Matrix(double?[][] rows) => rows.Select(r => (IReadOnlyList<double?>)r).ToList();

    /// <summary>
    /// Shrout, P. E. &amp; Fleiss, J. L. (1979). Intraclass correlations: uses in assessing rater reliability.
    /// Psychological Bulletin 86(2), 420–428: Table 2 (six targets rated by four judges), whose ICC(2,1) the paper's
    /// Table 4 gives as .29 (the same data ship as the worked example of R's psych::ICC, ICC2 = 0.29).
    /// </summary>
    [Fact]
    public void Icc21_equals_the_worked_example_of_Shrout_and_Fleiss_1979()
    {
        var ratings = Matrix(
        [
            [9, 2, 5, 8],
            [6, 1, 3, 2],
            [8, 4, 6, 8],
            [7, 1, 2, 6],
            [10, 5, 6, 9],
            [6, 2, 4, 7],
        ]);
        Assert.Equal(0.290, Math.Round(Agreement.Icc21(ratings)!.Value, 3));
    }

    /// <summary>
    /// Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability (Annenberg School for Communication,
    /// University of Pennsylvania), section C: four observers, twelve units, some values missing; the interval alpha
    /// is given there as 0.849 (nominal 0.743). Units are rows here, observers A–D columns.
    /// </summary>
    [Fact]
    public void Krippendorff_alpha_interval_equals_the_published_worked_example()
    {
        double?[] a = [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null];
        double?[] b = [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3];
        double?[] c = [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null];
        double?[] d = [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null];
        var units = Matrix(Enumerable.Range(0, 12).Select(u => new[] { a[u], b[u], c[u], d[u] }).ToArray());
        Assert.Equal(0.849, Math.Round(Agreement.KrippendorffAlphaInterval(units)!.Value, 3));
    }

    [Fact]
    public void Perfect_agreement_gives_one_and_too_little_data_gives_nothing()
    {
        var same = Matrix([[80, 80, 80], [60, 60, 60], [90, 90, 90]]);
        Assert.Equal(1.0, Agreement.Icc21(same)!.Value, 9);
        Assert.Equal(1.0, Agreement.KrippendorffAlphaInterval(same)!.Value, 9);
        Assert.Null(Agreement.Icc21(Matrix([[80, 70]])));
        Assert.Null(Agreement.KrippendorffAlphaInterval(Matrix([[80, null], [null, 70]])));
    }
}
