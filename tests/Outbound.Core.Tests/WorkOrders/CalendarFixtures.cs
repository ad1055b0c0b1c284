using NodaTime;
using Outbound.Core.WorkOrders;

namespace Outbound.Core.Tests.WorkOrders;

/// <summary>A center open Monday to Friday 09:00–18:00 in Shanghai, with the 2026 Spring Festival (2-15 … 2-23 off, 2-14 and 2-28 worked).</summary>
internal static class CalendarFixtures
{
    public static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    public static readonly OpeningHours NineToSix = new(new LocalTime(9, 0), new LocalTime(18, 0));

    public static IReadOnlyDictionary<IsoDayOfWeek, OpeningHours> Weekdays { get; } = new Dictionary<IsoDayOfWeek, OpeningHours>
    {
        [IsoDayOfWeek.Monday] = NineToSix, [IsoDayOfWeek.Tuesday] = NineToSix, [IsoDayOfWeek.Wednesday] = NineToSix,
        [IsoDayOfWeek.Thursday] = NineToSix, [IsoDayOfWeek.Friday] = NineToSix,
    };

    public static IEnumerable<SpecialDay> SpringFestival2026 =>
        Enumerable.Range(15, 9).Select(d => new SpecialDay(new LocalDate(2026, 2, d), SpecialDayKind.Holiday, "春节"))
            .Append(new SpecialDay(new LocalDate(2026, 2, 14), SpecialDayKind.Workday, "春节调休"))
            .Append(new SpecialDay(new LocalDate(2026, 2, 28), SpecialDayKind.Workday, "春节调休"));

    public static BusinessCalendar Calendar(IEnumerable<SpecialDay>? special = null) => new(Shanghai, Weekdays, special ?? SpringFestival2026);

    /// <summary>A Shanghai wall-clock time as an instant.</summary>
    public static DateTimeOffset At(int month, int day, int hour, int minute = 0, int year = 2026) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(8));
}
