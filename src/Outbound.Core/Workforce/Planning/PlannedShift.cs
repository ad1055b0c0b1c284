namespace Outbound.Core.Workforce.Planning;

/// <summary>One agent on one shift on one day, with the meal where the planner or solver placed it.</summary>
public sealed record PlannedShift(string Agent, DateOnly Day, string Shift, TimeSpan? MealOffset);

/// <summary>A roster for a <see cref="PlanningProblem"/>, and what it puts on the floor.</summary>
public sealed record PlannedRoster(IReadOnlyList<PlannedShift> Shifts)
{
    /// <summary>Agents on the floor per day × interval: on shift, not in the split gap and not at their meal.</summary>
    public int[][] OnFloor(PlanningProblem problem) => Count(problem, countMeal: false);

    /// <summary>Agents holding a seat per day × interval: on shift, meal included (the desk stays theirs).</summary>
    public int[][] Seated(PlanningProblem problem) => Count(problem, countMeal: true);

    private int[][] Count(PlanningProblem problem, bool countMeal)
    {
        var grid = Enumerable.Range(0, problem.Days).Select(_ => new int[problem.IntervalsPerDay]).ToArray();
        var templates = problem.Shifts.ToDictionary(s => s.Code);
        foreach (var shift in Shifts)
        {
            if (!templates.TryGetValue(shift.Shift, out var template)) continue;
            var start = template.StartOn(shift.Day);
            for (var offset = TimeSpan.Zero; offset < template.Span; offset += problem.Interval)
            {
                if (!template.OnShiftAt(offset)) continue;
                if (!countMeal && template.Meal is { } meal && shift.MealOffset is { } m && offset >= m && offset < m + meal.Length) continue;
                var (day, interval) = problem.Locate(start + offset);
                if (day >= 0 && day < problem.Days) grid[day][interval]++;
            }
        }
        return grid;
    }

    public ScheduleFit Fit(PlanningProblem problem)
    {
        var floor = OnFloor(problem);
        return ScheduleFit.Of(floor.SelectMany(d => d).ToList(), problem.Required.SelectMany(d => d).ToList());
    }
}
