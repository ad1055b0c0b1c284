namespace Outbound.Core.Workforce.Planning;

/// <summary>
/// A shift template as the planner schedules it: start, span, an optional fixed unpaid gap (the middle of a split
/// shift, 两头班) and an optional meal whose start the scheduler places within a window. All offsets are from the
/// shift start and must fall on interval boundaries. A shift may run past midnight.
/// </summary>
public sealed record PlanShift
{
    public PlanShift(string code, string name, TimeOnly start, TimeSpan span, ShiftGap? gap = null, MealWindow? meal = null)
    {
        if (string.IsNullOrWhiteSpace(code)) throw new PlanningInputException("a shift template needs a code");
        if (span <= TimeSpan.Zero || span > TimeSpan.FromHours(16)) throw new PlanningInputException($"shift {code} must last more than 0 and at most 16 hours");
        if (gap is { } g && (g.Offset <= TimeSpan.Zero || g.Offset + g.Length >= span)) throw new PlanningInputException($"the gap of shift {code} must lie inside the shift");
        if (meal is { } m && (m.Earliest < TimeSpan.Zero || m.Latest < m.Earliest || m.Latest + m.Length > span))
            throw new PlanningInputException($"the meal window of shift {code} must lie inside the shift");
        Code = code;
        Name = name;
        Start = start;
        Span = span;
        Gap = gap;
        Meal = meal;
    }

    public string Code { get; }
    public string Name { get; }
    public TimeOnly Start { get; }
    public TimeSpan Span { get; }
    public ShiftGap? Gap { get; }
    public MealWindow? Meal { get; }

    /// <summary>Paid time: the span less the split gap and the meal.</summary>
    public TimeSpan PaidTime => Span - (Gap?.Length ?? TimeSpan.Zero) - (Meal?.Length ?? TimeSpan.Zero);

    public DateTime StartOn(DateOnly day) => day.ToDateTime(Start);
    public DateTime EndOn(DateOnly day) => StartOn(day) + Span;

    /// <summary>An evening or night shift: it works past 21:00. Fairness shares these out between teams.</summary>
    public bool IsUnsocial => (Start.ToTimeSpan() + Span) > TimeSpan.FromHours(21);

    /// <summary>Meal starts allowed, as offsets from the shift start, one per interval.</summary>
    public IReadOnlyList<TimeSpan> MealStarts(TimeSpan interval)
    {
        if (Meal is not { } m) return [];
        var starts = new List<TimeSpan>();
        for (var t = m.Earliest; t <= m.Latest; t += interval) starts.Add(t);
        return starts;
    }

    /// <summary>Whether the agent is on the shift (seated, counting the meal but not the split gap) at an offset from the start.</summary>
    public bool OnShiftAt(TimeSpan offset) =>
        offset >= TimeSpan.Zero && offset < Span && !(Gap is { } g && offset >= g.Offset && offset < g.Offset + g.Length);
}

/// <summary>The unpaid middle of a split shift.</summary>
public sealed record ShiftGap(TimeSpan Offset, TimeSpan Length);

/// <summary>A meal of <see cref="Length"/> starting between <see cref="Earliest"/> and <see cref="Latest"/> after the shift starts.</summary>
public sealed record MealWindow(TimeSpan Length, TimeSpan Earliest, TimeSpan Latest);

public sealed class PlanningInputException(string message) : Exception(message);
