using NodaTime;

namespace Outbound.Core.Leads;

/// <summary>A campaign's dials to one region's leads living in one zone, at one local hour (0–23): attempts and humans reached.</summary>
public sealed record RegionHourContacts(string Region, string TimeZone, int LocalHour, long Attempts, long Contacts);

/// <summary>Leads of this region living in this IANA zone (a region such as a country may span several zones).</summary>
public sealed record RegionZone(string Region, string TimeZone);

/// <param name="Margin">A region is preferred when its (smoothed) rate at its current hour is at least this multiple of the campaign's rate.</param>
/// <param name="MinAttempts">Fewer attempts in a region × hour than this: not enough to trust, never preferred.</param>
/// <param name="PriorAttempts">How many attempts' worth of the campaign's overall rate each cell is shrunk towards.</param>
/// <param name="LookbackDays">The history the rates are measured over.</param>
public sealed record BestTimeRules(double Margin = 1.2, int MinAttempts = 30, int PriorAttempts = 30, int LookbackDays = 14)
{
    public static readonly BestTimeRules Default = new();
}

/// <summary>
/// Best time to call (part 九): "afternoon calls reach more debtors in region X". From a campaign's recent
/// contact rates per region and local hour, the regions (with their zones) whose leads are worth dialling
/// first right now. Each cell's rate is shrunk towards the campaign's overall rate (an empirical-Bayes style
/// prior of <see cref="BestTimeRules.PriorAttempts"/> attempts), so a lucky thin cell does not win.
/// </summary>
public static class BestTimeToCall
{
    public static IReadOnlySet<RegionZone> PreferredNow(IEnumerable<RegionHourContacts> history, Instant now, BestTimeRules? rules = null)
    {
        rules ??= BestTimeRules.Default;
        var rows = history.Where(r => r.Attempts > 0 && r.LocalHour is >= 0 and < 24).ToList();
        var attempts = rows.Sum(r => r.Attempts);
        var contacts = rows.Sum(r => r.Contacts);
        if (attempts == 0 || contacts == 0) return new HashSet<RegionZone>();
        var overall = (double)contacts / attempts;

        // Local hours are local, so a region's leads in different zones pool into one rate per hour.
        var cells = rows.GroupBy(r => (r.Region, r.LocalHour))
            .ToDictionary(g => g.Key, g => (Attempts: g.Sum(r => r.Attempts), Contacts: g.Sum(r => r.Contacts)));

        var preferred = new HashSet<RegionZone>();
        foreach (var zone in rows.Select(r => new RegionZone(r.Region, r.TimeZone)).Distinct())
        {
            if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(zone.TimeZone) is not { } tz) continue;
            var hour = now.InZone(tz).Hour;
            if (!cells.TryGetValue((zone.Region, hour), out var cell) || cell.Attempts < rules.MinAttempts) continue;
            var smoothed = (cell.Contacts + rules.PriorAttempts * overall) / (cell.Attempts + rules.PriorAttempts);
            if (smoothed >= rules.Margin * overall) preferred.Add(zone);
        }
        return preferred;
    }
}
