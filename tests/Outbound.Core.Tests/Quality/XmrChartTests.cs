using Outbound.Core.Quality;

namespace Outbound.Core.Tests.Quality;

public sealed class XmrChartTests
{
    /// <summary>
    /// SAS/QC User's Guide, the MACONTROL procedure, Example "Displaying Individual Measurements on an EWMA Chart"
    /// (sample MACEW5): steel belt diameters of 30 tires; PROC SHEWHART's IRCHART limits are listed in its Output
    /// (data set Tlimits): LCLI 23.8571, MEAN 24.0083, UCLI 24.1596, R̄ 0.056897, UCLR 0.18585, STDDEV 0.050423.
    /// </summary>
    [Fact]
    public void Limits_equal_the_published_individuals_and_moving_range_example()
    {
        double[] diameters =
        [
            24.05, 23.99, 23.95, 23.93, 23.97, 24.02, 24.06, 24.10, 23.98, 24.03, 23.91, 24.06, 24.06, 23.96, 23.98,
            24.06, 24.01, 24.00, 23.93, 23.92, 24.09, 24.11, 24.05, 23.98, 23.98, 24.06, 24.02, 24.06, 23.97, 23.96,
        ];
        var chart = XmrChart.Of(diameters.Select((d, i) => new ChartInput($"{i + 1}", d)).ToList());
        Assert.Equal(24.0083, Math.Round(chart.Center!.Value, 4));
        Assert.Equal(0.056897, Math.Round(chart.MovingRangeMean!.Value, 6));
        Assert.Equal(0.050423, Math.Round(chart.Sigma!.Value, 6));
        Assert.Equal(24.1596, Math.Round(chart.Upper!.Value, 4));
        Assert.Equal(23.8571, Math.Round(chart.Lower!.Value, 4));
        Assert.Equal(0.18585, Math.Round(chart.MovingRangeUpper!.Value, 5));
        Assert.False(chart.HasSignals);
        Assert.Null(chart.Points[0].MovingRange);
        Assert.Equal(0.06, chart.Points[1].MovingRange!.Value, 9);
    }

    private static XmrChart Chart(params double[] values) => XmrChart.Of(values.Select((v, i) => new ChartInput($"W{i + 1}", v)).ToList());

    [Fact]
    public void A_point_beyond_three_sigma_is_flagged()
    {
        var chart = Chart(80, 81, 79, 80, 82, 78, 80, 81, 79, 80, 40, 80, 81);
        Assert.Equal(RunSignal.BeyondLimits, chart.Points[10].Signals & RunSignal.BeyondLimits);
        Assert.Equal(1, chart.Points.Count(p => p.Signals.HasFlag(RunSignal.BeyondLimits)));
    }

    [Fact]
    public void Eight_in_a_row_on_one_side_of_the_centre_are_flagged_seven_are_not()
    {
        var eight = Chart(90, 70, 90, 70, 81, 82, 81, 83, 81, 82, 81, 82, 60, 65, 62, 60);
        Assert.All(eight.Points.Skip(4).Take(8), p => Assert.True(p.Signals.HasFlag(RunSignal.RunOfEight)));
        Assert.DoesNotContain(eight.Points.Take(4), p => p.Signals.HasFlag(RunSignal.RunOfEight));

        var seven = Chart(90, 70, 90, 70, 81, 82, 81, 83, 81, 82, 81, 60, 65, 62, 60, 60);
        Assert.DoesNotContain(seven.Points, p => p.Signals.HasFlag(RunSignal.RunOfEight));
    }

    [Fact]
    public void Six_rising_or_falling_in_a_row_are_flagged_and_a_tie_breaks_the_trend()
    {
        var rising = Chart(80, 75, 76, 77, 78, 79, 80, 74, 80);
        Assert.All(rising.Points.Skip(1).Take(6), p => Assert.True(p.Signals.HasFlag(RunSignal.TrendOfSix)));
        Assert.False(rising.Points[0].Signals.HasFlag(RunSignal.TrendOfSix));

        var falling = Chart(70, 90, 88, 86, 84, 82, 80, 85);
        Assert.All(falling.Points.Skip(1).Take(6), p => Assert.True(p.Signals.HasFlag(RunSignal.TrendOfSix)));

        var tie = Chart(75, 76, 77, 77, 78, 79, 80);
        Assert.DoesNotContain(tie.Points, p => p.Signals.HasFlag(RunSignal.TrendOfSix));
    }

    [Fact]
    public void One_value_has_no_limits()
    {
        var chart = Chart(85);
        Assert.Null(chart.Upper);
        Assert.Equal(85, chart.Center);
    }
}
