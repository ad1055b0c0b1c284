using NodaTime;
using Outbound.Core.Leads;

namespace Outbound.Core.Tests.Leads;

public sealed class BestTimeToCallTests
{
    private const string Beijing = "Asia/Shanghai";

    // 06:00 UTC is 14:00 in Beijing.
    private static readonly Instant TwoPmInBeijing = Instant.FromUtc(2026, 3, 4, 6, 0);

    private static RegionHourContacts Cell(string region, int hour, long attempts, long contacts, string zone = Beijing) =>
        new(region, zone, hour, attempts, contacts);

    /// <summary>Guangdong answers far better in the afternoon, Beijing in the morning; overall 27.5 %.</summary>
    private static readonly RegionHourContacts[] History =
    [
        Cell("CN-44", 14, 1000, 500), Cell("CN-44", 10, 1000, 100),
        Cell("CN-11", 14, 1000, 100), Cell("CN-11", 10, 1000, 400),
    ];

    [Fact]
    public void A_region_that_answers_well_at_its_current_hour_is_preferred()
    {
        var preferred = BestTimeToCall.PreferredNow(History, TwoPmInBeijing);
        Assert.Equal([new RegionZone("CN-44", Beijing)], preferred);
    }

    [Fact]
    public void The_preferred_regions_change_with_the_hour()
    {
        var tenAm = TwoPmInBeijing - Duration.FromHours(4);
        Assert.Equal([new RegionZone("CN-11", Beijing)], BestTimeToCall.PreferredNow(History, tenAm));
        Assert.Empty(BestTimeToCall.PreferredNow(History, TwoPmInBeijing + Duration.FromHours(3))); // 17:00: no history
    }

    [Fact]
    public void No_history_gives_no_preference()
    {
        Assert.Empty(BestTimeToCall.PreferredNow([], TwoPmInBeijing));
        Assert.Empty(BestTimeToCall.PreferredNow([Cell("CN-44", 14, 500, 0)], TwoPmInBeijing));
    }

    [Fact]
    public void A_cell_with_too_few_attempts_is_ignored_however_good_its_rate()
    {
        var history = History.Append(Cell("CN-31", 14, 29, 29));
        Assert.DoesNotContain(new RegionZone("CN-31", Beijing), BestTimeToCall.PreferredNow(history, TwoPmInBeijing));
    }

    [Fact]
    public void A_thin_cell_just_over_the_margin_is_shrunk_below_it()
    {
        // Overall about 27.6 %; 30 attempts at 36.7 % is 1.33× raw, but halfway to the overall rate once smoothed (1.16×).
        var history = History.Append(Cell("CN-31", 14, 30, 11));
        Assert.DoesNotContain(new RegionZone("CN-31", Beijing), BestTimeToCall.PreferredNow(history, TwoPmInBeijing));
        // The same rate over many attempts is trusted.
        var thick = History.Append(Cell("CN-31", 14, 300, 110));
        Assert.Contains(new RegionZone("CN-31", Beijing), BestTimeToCall.PreferredNow(thick, TwoPmInBeijing));
    }

    [Fact]
    public void A_region_spanning_zones_is_preferred_only_in_the_zone_where_it_is_now_the_good_hour()
    {
        // US leads in New York and Los Angeles: 19:00 is the good hour; at 00:00 UTC it is 19:00 in New York, 16:00 in LA.
        var history = new[]
        {
            Cell("US", 19, 100, 60, "America/New_York"), Cell("US", 19, 100, 60, "America/Los_Angeles"),
            Cell("US", 16, 100, 10, "America/New_York"), Cell("US", 16, 100, 10, "America/Los_Angeles"),
        };
        var preferred = BestTimeToCall.PreferredNow(history, Instant.FromUtc(2026, 3, 4, 0, 0));
        Assert.Equal([new RegionZone("US", "America/New_York")], preferred);
    }
}
