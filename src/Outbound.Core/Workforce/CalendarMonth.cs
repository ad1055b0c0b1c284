using System.Globalization;

namespace Outbound.Core.Workforce;

/// <summary>A calendar month (YYYY-MM): the unit of rosters and of assessment settlement.</summary>
public readonly record struct CalendarMonth : IComparable<CalendarMonth>
{
    public CalendarMonth(int year, int month)
    {
        if (year is < 2000 or > 9999 || month is < 1 or > 12) throw new ArgumentOutOfRangeException(nameof(month), $"{year}-{month} is not a month");
        Year = year;
        Month = month;
    }

    public int Year { get; }
    public int Month { get; }

    public DateOnly FirstDay => new(Year, Month, 1);
    public DateOnly LastDay => FirstDay.AddMonths(1).AddDays(-1);
    public int Days => DateTime.DaysInMonth(Year, Month);
    public CalendarMonth Next => Of(FirstDay.AddMonths(1));
    public CalendarMonth Previous => Of(FirstDay.AddMonths(-1));

    public static CalendarMonth Of(DateOnly day) => new(day.Year, day.Month);

    public bool Contains(DateOnly day) => day.Year == Year && day.Month == Month;

    public IEnumerable<DateOnly> Dates() => Enumerable.Range(0, Days).Select(FirstDay.AddDays);

    public static bool TryParse(string? text, out CalendarMonth month)
    {
        month = default;
        if (text is null || !DateTime.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) || d.Year < 2000)
            return false;
        month = new CalendarMonth(d.Year, d.Month);
        return true;
    }

    public static CalendarMonth Parse(string text) =>
        TryParse(text, out var month) ? month : throw new FormatException($"'{text}' is not a month; expected YYYY-MM");

    public int CompareTo(CalendarMonth other) => (Year * 12 + Month).CompareTo(other.Year * 12 + other.Month);

    public static bool operator <(CalendarMonth a, CalendarMonth b) => a.CompareTo(b) < 0;
    public static bool operator >(CalendarMonth a, CalendarMonth b) => a.CompareTo(b) > 0;
    public static bool operator <=(CalendarMonth a, CalendarMonth b) => a.CompareTo(b) <= 0;
    public static bool operator >=(CalendarMonth a, CalendarMonth b) => a.CompareTo(b) >= 0;

    public override string ToString() => $"{Year:D4}-{Month:D2}";
}
