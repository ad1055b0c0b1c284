namespace Outbound.Core.Workforce.Forecasting;

/// <summary>How the calendar treats a date: a normal day, a public holiday (法定节假日) or a make-up workday (调休上班日).</summary>
public enum DayKind
{
    Normal,
    Holiday,
    MakeUpWorkday,
}

/// <summary>The holiday calendar an admin keeps; dates not in it are normal days.</summary>
public sealed class WorkCalendar(IReadOnlyDictionary<DateOnly, DayKind> days)
{
    public static WorkCalendar Empty { get; } = new(new Dictionary<DateOnly, DayKind>());

    public DayKind KindOf(DateOnly day) => days.TryGetValue(day, out var kind) ? kind : DayKind.Normal;

    /// <summary>
    /// The pattern a day follows: holidays call like Sundays, make-up workdays like an average weekday
    /// (they fall on a weekend but the offices that ring us are open).
    /// </summary>
    public DayPattern PatternOf(DateOnly day) => KindOf(day) switch
    {
        DayKind.Holiday => DayPattern.Holiday,
        DayKind.MakeUpWorkday => DayPattern.Weekday,
        _ => (DayPattern)(int)day.DayOfWeek,
    };
}

/// <summary>Sunday … Saturday as in <see cref="DayOfWeek"/>, then the two calendar patterns.</summary>
public enum DayPattern
{
    Sunday, Monday, Tuesday, Wednesday, Thursday, Friday, Saturday,
    Weekday,
    Holiday,
}
