namespace Outbound.Core.Workforce.Planning;

/// <summary>
/// The floor's usual templates when a planner has not set their own: 早 / 白 / 中 / 晚 / 夜 with staggered starts
/// (so that a few teams can follow a ramp) and split shifts (两头班) that work both peaks. Each pays 8 hours;
/// meals are placed by the scheduler within their windows, away from the peaks.
/// </summary>
public static class DefaultShifts
{
    public static IReadOnlyList<PlanShift> All { get; } =
    [
        new("E", "早班", new TimeOnly(7, 0), TimeSpan.FromHours(9), meal: Meal(60, 4, 6)),
        new("E2", "早二班", new TimeOnly(8, 0), TimeSpan.FromHours(9), meal: Meal(60, 4, 6)),
        new("D", "白班", new TimeOnly(9, 0), TimeSpan.FromHours(9), meal: Meal(60, 3, 5)),
        new("M", "中班", new TimeOnly(11, 0), TimeSpan.FromHours(9), meal: Meal(60, 5, 6.5)),
        new("L", "晚班", new TimeOnly(13, 0), TimeSpan.FromHours(9), meal: Meal(60, 4, 5)),
        new("L2", "晚二班", new TimeOnly(15, 0), TimeSpan.FromHours(9), meal: Meal(60, 2, 3)),
        new("N", "夜班", new TimeOnly(23, 0), TimeSpan.FromHours(8.5), meal: Meal(30, 3, 5)),
        new("S", "两头班", new TimeOnly(8, 30), TimeSpan.FromHours(12.5), gap: new ShiftGap(TimeSpan.FromHours(4), TimeSpan.FromHours(4.5))),
        new("S2", "两头二班", new TimeOnly(9, 30), TimeSpan.FromHours(12.5), gap: new ShiftGap(TimeSpan.FromHours(4), TimeSpan.FromHours(4.5))),
    ];

    private static MealWindow Meal(int minutes, double earliestHours, double latestHours) =>
        new(TimeSpan.FromMinutes(minutes), TimeSpan.FromHours(earliestHours), TimeSpan.FromHours(latestHours));
}
