namespace Outbound.Core.Workforce.Planning;

/// <summary>An agent to schedule: the team (大轮班 group) it works with, approved leave and the days it asked to have off.</summary>
public sealed record PlanAgent(string Id, string Name, int Team, bool IsLeader)
{
    public IReadOnlySet<DateOnly> Leave { get; init; } = new HashSet<DateOnly>();
    public IReadOnlySet<DateOnly> WishesOff { get; init; } = new HashSet<DateOnly>();
}

/// <summary>
/// Everything a month's roster is built from: the requirement (agents on the floor per day × interval), the agents
/// in their teams, the seats, the shift templates and the labour rules.
/// </summary>
public sealed record PlanningProblem(
    DateOnly StartDate,
    TimeSpan Interval,
    IReadOnlyList<IReadOnlyList<int>> Required,
    IReadOnlyList<PlanAgent> Agents,
    IReadOnlyList<string> Teams,
    int Seats,
    IReadOnlyList<PlanShift> Shifts,
    LabourRules Rules)
{
    public int Days => Required.Count;
    public int IntervalsPerDay => (int)(TimeSpan.FromDays(1) / Interval);
    public DateOnly Day(int index) => StartDate.AddDays(index);
    public int WeekOf(int day) => day / 7;
    public int Weeks => (Days + 6) / 7;
    public IEnumerable<int> DaysOfWeek(int week) => Enumerable.Range(week * 7, Math.Min(7, Days - week * 7));

    /// <summary>The interval a wall-clock time falls in, as (day index, interval) from the plan start.</summary>
    public (int Day, int Interval) Locate(DateTime time)
    {
        var minutes = (time - StartDate.ToDateTime(TimeOnly.MinValue)).TotalMinutes;
        var index = (int)Math.Floor(minutes / Interval.TotalMinutes);
        return (FloorDiv(index, IntervalsPerDay), index - FloorDiv(index, IntervalsPerDay) * IntervalsPerDay);
    }

    private static int FloorDiv(int a, int b) => a >= 0 ? a / b : -((-a + b - 1) / b);

    public string TimeOf(int interval) => TimeOnly.MinValue.Add(Interval * interval).ToString("HH:mm");
}
