using NodaTime;

namespace Outbound.Core.WorkOrders;

/// <summary>The hours a weekday is worked, in the center's local time (closes after opens, same day).</summary>
public sealed record OpeningHours(LocalTime Opens, LocalTime Closes)
{
    public TimeSpan Length => Closes.ToTimeOnly() - Opens.ToTimeOnly();
}

/// <summary>What a dated entry of the calendar says: a public holiday (closed) or a make-up workday (调休上班, open).</summary>
public enum SpecialDayKind { Holiday, Workday }

/// <summary>A holiday or make-up workday; a make-up day without hours of its own is worked with <see cref="BusinessCalendar.MakeUpHours"/>.</summary>
public sealed record SpecialDay(LocalDate Date, SpecialDayKind Kind, string Name, OpeningHours? Hours = null);

/// <summary>Why a calendar cannot be used; the web words the codes.</summary>
public enum CalendarProblem { NoWorkingHours, ClosesBeforeOpens }

/// <summary>
/// The center's business hours for SLA clocks: opening hours per weekday, public holidays (closed even on a
/// weekday) and make-up workdays (open even on a weekend), in the center's zone. SLA targets are business
/// time: an order raised on Friday evening with a 4 h target is due on Monday morning, and one raised before
/// the Spring Festival is due after it.
/// </summary>
public sealed class BusinessCalendar
{
    /// <summary>No SLA target is ever further away than this; a calendar that finds no open hour in it is broken.</summary>
    private const int MaxDaysSearched = 3 * 366;

    private readonly IReadOnlyDictionary<IsoDayOfWeek, OpeningHours> _weekly;
    private readonly IReadOnlyDictionary<LocalDate, SpecialDay> _special;

    public BusinessCalendar(DateTimeZone zone, IReadOnlyDictionary<IsoDayOfWeek, OpeningHours> weekly, IEnumerable<SpecialDay> specialDays)
    {
        if (Validate(weekly) is { Count: > 0 } problems)
            throw new ArgumentException($"unusable calendar: {string.Join(", ", problems)}", nameof(weekly));
        Zone = zone;
        _weekly = weekly;
        _special = specialDays.GroupBy(d => d.Date).ToDictionary(g => g.Key, g => g.Last());
        MakeUpHours = new[] { IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday }
            .Select(d => weekly.GetValueOrDefault(d)).FirstOrDefault(h => h is not null) ?? weekly.Values.First();
    }

    public DateTimeZone Zone { get; }

    /// <summary>The hours of a make-up workday that names none: those of the first weekday that is worked.</summary>
    public OpeningHours MakeUpHours { get; }

    /// <summary>A calendar needs at least one worked weekday, and every worked day must close after it opens.</summary>
    public static IReadOnlyList<CalendarProblem> Validate(IReadOnlyDictionary<IsoDayOfWeek, OpeningHours> weekly)
    {
        var problems = new List<CalendarProblem>();
        if (weekly.Count == 0) problems.Add(CalendarProblem.NoWorkingHours);
        if (weekly.Values.Any(h => h.Closes <= h.Opens)) problems.Add(CalendarProblem.ClosesBeforeOpens);
        return problems;
    }

    /// <summary>The hours worked on a day, or null when the center is closed (weekend without make-up, holiday).</summary>
    public OpeningHours? HoursOn(LocalDate date) => _special.TryGetValue(date, out var special)
        ? special.Kind == SpecialDayKind.Holiday ? null : special.Hours ?? MakeUpHours
        : _weekly.GetValueOrDefault(date.DayOfWeek);

    /// <summary>The instant that lies <paramref name="businessTime"/> of open hours after <paramref name="start"/>.</summary>
    public DateTimeOffset Add(DateTimeOffset start, TimeSpan businessTime)
    {
        if (businessTime < TimeSpan.Zero) return Subtract(start, -businessTime);
        var left = businessTime;
        var at = Instant.FromDateTimeOffset(start);
        var day = at.InZone(Zone).Date;
        for (var i = 0; i < MaxDaysSearched; i++, day = day.PlusDays(1))
        {
            if (Open(day) is not var (opens, closes)) continue;
            var from = Max(opens, at);
            if (from >= closes) continue;
            var available = (closes - from).ToTimeSpan();
            if (available >= left) return from.Plus(Duration.FromTimeSpan(left)).ToDateTimeOffset().ToOffset(start.Offset);
            left -= available;
        }
        throw new InvalidOperationException("no business hours within three years");
    }

    /// <summary>The instant that lies <paramref name="businessTime"/> of open hours before <paramref name="end"/> (warnings before a due time).</summary>
    public DateTimeOffset Subtract(DateTimeOffset end, TimeSpan businessTime)
    {
        var left = businessTime;
        var at = Instant.FromDateTimeOffset(end);
        var day = at.InZone(Zone).Date;
        for (var i = 0; i < MaxDaysSearched; i++, day = day.PlusDays(-1))
        {
            if (Open(day) is not var (opens, closes)) continue;
            var to = Min(closes, at);
            if (to <= opens) continue;
            var available = (to - opens).ToTimeSpan();
            if (available >= left) return to.Minus(Duration.FromTimeSpan(left)).ToDateTimeOffset().ToOffset(end.Offset);
            left -= available;
        }
        throw new InvalidOperationException("no business hours within three years");
    }

    /// <summary>Open hours between two instants (zero when <paramref name="to"/> is not after <paramref name="from"/>).</summary>
    public TimeSpan Between(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from) return TimeSpan.Zero;
        var start = Instant.FromDateTimeOffset(from);
        var end = Instant.FromDateTimeOffset(to);
        var total = TimeSpan.Zero;
        for (var day = start.InZone(Zone).Date; day <= end.InZone(Zone).Date; day = day.PlusDays(1))
        {
            if (Open(day) is not var (opens, closes)) continue;
            var a = Max(opens, start);
            var b = Min(closes, end);
            if (b > a) total += (b - a).ToTimeSpan();
        }
        return total;
    }

    private (Instant Opens, Instant Closes)? Open(LocalDate day) => HoursOn(day) is { } hours
        ? (day.At(hours.Opens).InZoneLeniently(Zone).ToInstant(), day.At(hours.Closes).InZoneLeniently(Zone).ToInstant())
        : null;

    private static Instant Max(Instant a, Instant b) => a > b ? a : b;
    private static Instant Min(Instant a, Instant b) => a < b ? a : b;
}
