using Outbound.Core.Assessment;

namespace Outbound.Core.Tests.Assessment;

public sealed class SeedCatalogueTests
{
    [Fact]
    public void Catalogue_keeps_the_seed_numbering_with_no_rule_6_or_11()
    {
        Assert.Equal([1, 2, 3, 4, 5, 7, 8, 9, 10, 12, 13, 14, 15, 16, 17], SeedCatalogue.Rules.Select(r => r.Number.Value));
    }

    [Theory]
    [InlineData(1, 5, null, null, false)]
    [InlineData(2, 1, null, null, false)]
    [InlineData(4, 1, 100, 100, false)]
    [InlineData(5, 1, 1000, 10000, true)]
    [InlineData(7, 5, 1000, 10000, false)]
    [InlineData(9, 1, 100, 100, true)]
    [InlineData(13, 5, null, null, false)]
    [InlineData(15, 7, 50, 50, false)]
    [InlineData(16, 15, 100, 100, false)]
    [InlineData(17, 5, 50, 50, false)]
    public void Seeded_rule_has_the_seed_points_and_fines(int number, int points, int? fineMin, int? fineMax, bool mayDismiss)
    {
        var rule = SeedCatalogue.Get(number);
        Assert.Equal(points, rule.Points);
        Assert.Equal(fineMin, (int?)rule.Fine?.Min);
        Assert.Equal(fineMax, (int?)rule.Fine?.Max);
        Assert.Equal(mayDismiss, rule.MayDismiss);
    }

    [Fact]
    public void Every_rule_has_chinese_and_english_text_and_fits_its_category()
    {
        Assert.All(SeedCatalogue.Rules, r => Assert.Empty(r.Problems()));
    }

    [Fact]
    public void Fine_outside_the_rule_range_is_refused()
    {
        Assert.NotNull(SeedCatalogue.Get(5).RefuseFine(500m));
        Assert.Null(SeedCatalogue.Get(5).RefuseFine(5000m));
        Assert.NotNull(SeedCatalogue.Get(2).RefuseFine(10m));
        Assert.Null(SeedCatalogue.Get(10).RefuseFine(1234.5m)); // compensation at cost
        Assert.NotNull(SeedCatalogue.Get(9).RefuseFine(-1m));
    }
}
