using NodaTime;
using Outbound.Core.Campaigns;

namespace Outbound.Core.Compliance;

/// <summary>
/// The rules one campaign dials under: its regulator's floor combined with the campaign's own
/// calling windows, attempt limit and retry delays. Built once per campaign from its settings.
/// </summary>
public sealed record CompliancePolicy(
    RegulatorRules Regulator,
    IReadOnlyList<CallingWindow> CampaignWindows,
    int MaxAttempts,
    IReadOnlyDictionary<CallOutcome, int> RetryDelayMinutes)
{
    public static CompliancePolicy From(CampaignSettings settings) => new(
        RegulatorRules.For(settings.Regulator),
        settings.CallingWindows,
        settings.MaxAttempts,
        settings.RetryDelayMinutes);

    /// <summary>Whether a call may start at this local date and time (regulator hours and campaign windows).</summary>
    public bool IsInsideWindow(LocalDateTime local, bool offHoursConsent = false)
    {
        var regulatorOk = Regulator.AllowsTimeOfDay(local.TimeOfDay)
            || (offHoursConsent && Regulator.Preset == RegulatorPreset.CnConsumerCollections);
        return regulatorOk && (CampaignWindows.Count == 0 || CampaignWindows.Any(w =>
            w.Day == local.DayOfWeek && local.TimeOfDay >= w.Start && local.TimeOfDay < w.End));
    }

    /// <summary>
    /// The first instant at or after <paramref name="now"/> at which a call may start in <paramref name="zone"/>,
    /// or null when the windows never open (for instance an empty campaign window list for every day).
    /// </summary>
    public Instant? NextWindowOpening(Instant now, DateTimeZone zone, bool offHoursConsent = false)
    {
        var local = now.InZone(zone).LocalDateTime;
        if (IsInsideWindow(local, offHoursConsent)) return now;
        for (var day = 0; day <= 8; day++)
        {
            var date = local.Date.PlusDays(day);
            foreach (var start in CandidateStarts(date).Order())
            {
                var candidate = date.At(start);
                if (candidate <= local || !IsInsideWindow(candidate, offHoursConsent)) continue;
                // A start skipped by a daylight-saving gap resolves to the first valid instant after it.
                return zone.AtLeniently(candidate).ToInstant();
            }
        }
        return null;
    }

    /// <summary>Times of day at which a window may open on this date; the caller keeps those inside every window.</summary>
    private IEnumerable<LocalTime> CandidateStarts(LocalDate date)
    {
        yield return Regulator.DailyWindowStart;
        foreach (var w in CampaignWindows.Where(w => w.Day == date.DayOfWeek))
            yield return w.Start; // also reached with off-hours consent, which waives the regulator start
    }
}
