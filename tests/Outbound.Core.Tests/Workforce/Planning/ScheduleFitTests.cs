using Outbound.Core.Workforce.Planning;

namespace Outbound.Core.Tests.Workforce.Planning;

public sealed class ScheduleFitTests
{
    [Fact]
    public void A_roster_that_meets_every_interval_fits_perfectly()
    {
        var fit = ScheduleFit.Of([3, 5, 8, 2], [3, 5, 8, 2]);
        Assert.Equal(1, fit.Fit);
        Assert.Equal(0, fit.StandardDeviation);
    }

    [Fact]
    public void Fit_counts_shortfall_and_surplus_alike_against_total_requirement()
    {
        // Required 10+10+20+20 = 60; |8−10| + |10−10| + |23−20| + |20−20| = 5 → fit 1 − 5/60.
        var fit = ScheduleFit.Of([8, 10, 23, 20], [10, 10, 20, 20]);

        Assert.Equal(1 - 5.0 / 60, fit.Fit, 12);
        // Differences −2, 0, 3, 0: mean 0.25, population variance (5.0625 + 0.0625 + 7.5625 + 0.0625) / 4.
        Assert.Equal(Math.Sqrt(12.75 / 4), fit.StandardDeviation, 12);
        Assert.Equal(1, fit.Understaffed);
        Assert.Equal(1, fit.Overstaffed);
    }

    [Fact]
    public void Fit_never_goes_below_zero()
    {
        var fit = ScheduleFit.Of([30, 0], [5, 5]);
        Assert.Equal(0, fit.Fit);
    }

    [Fact]
    public void Month_fit_weighs_days_by_their_requirement()
    {
        var (days, whole) = ScheduleFit.OfDays([[10, 10], [1, 1]], [[10, 10], [2, 2]]);

        Assert.Equal(1, days[0].Fit);
        Assert.Equal(0.5, days[1].Fit);
        Assert.Equal(1 - 2.0 / 24, whole.Fit, 12);
    }
}
