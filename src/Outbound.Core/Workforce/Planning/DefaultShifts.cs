namespace Outbound.Core.Workforce.Planning;

/// <summary>
/// The floor's usual templates when a planner has not set their own: 早 / 中 / 晚 / 夜 and a split shift (两头班)
/// that works both peaks. Each pays 8 hours; meals are placed by the scheduler within their windows.
/// </summary>
public static class DefaultShifts
{
    public static IReadOnlyList<PlanShift> All { get; } =
    [
        new("E", "早班", new TimeOnly(7, 0), TimeSpan.FromHours(9), meal: Meal(60, 4, 6)),
        new("D", "白班", new TimeOnly(9, 0), TimeSpan.FromHours(9), meal: Meal(60, 3, 5)),
        new("M", "中班", new TimeOnly(12, 0), TimeSpan.FromHours(9), meal: Meal(60, 4, 6)),
        new("L", "晚班", new TimeOnly(15, 0), TimeSpan.FromHours(9), meal: Meal(60, 2, 3)),
        new("N", "夜班", new TimeOnly(23, 0), TimeSpan.FromHours(8.5), meal: Meal(30, 3, 5)),
        new("S", "两头班", new TimeOnly(8, 30), TimeSpan.FromHours(12.5), gap: new ShiftGap(TimeSpan.FromHours(4), TimeSpan.FromHours(4.5))),
    ];

    private static MealWindow Meal(int minutes, double earliestHours, double latestHours) =>
        new(TimeSpan.FromMinutes(minutes), TimeSpan.FromHours(earliestHours), TimeSpan.FromHours(latestHours));
}
