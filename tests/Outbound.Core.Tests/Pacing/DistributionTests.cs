using Outbound.Core.Pacing;

namespace Outbound.Core.Tests.Pacing;

public sealed class DistributionTests
{
    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(1.0, 0.8413447)]
    [InlineData(-1.0, 0.1586553)]
    [InlineData(1.96, 0.9750021)]
    [InlineData(-3.0, 0.0013499)]
    public void Normal_cdf_matches_the_tables(double z, double expected) =>
        Assert.Equal(expected, Normal.Cdf(z), 6);

    [Fact]
    public void Lognormal_from_mean_and_sd_has_that_mean_and_its_median_at_exp_mu()
    {
        var talk = new Lognormal(180, 110);

        Assert.Equal(180, Math.Exp(talk.Mu + talk.Sigma * talk.Sigma / 2), 9);
        Assert.Equal(0.5, talk.Cdf(Math.Exp(talk.Mu)), 6);
    }

    [Fact]
    public void Chance_of_ending_soon_grows_with_the_horizon_and_is_zero_for_no_horizon()
    {
        var talk = new Lognormal(180, 110);

        Assert.Equal(0, talk.EndsWithin(120, 0));
        Assert.True(talk.EndsWithin(120, 10) < talk.EndsWithin(120, 30));
        Assert.InRange(talk.EndsWithin(120, 10_000), 0.999, 1.0);
    }

    [Fact]
    public void A_lognormal_without_spread_is_a_fixed_duration()
    {
        var fixedTalk = new Lognormal(60, 0);

        Assert.Equal(0, fixedTalk.Cdf(59.9));
        Assert.Equal(1, fixedTalk.Cdf(60.1));
    }
}
