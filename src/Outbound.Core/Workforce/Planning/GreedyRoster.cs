namespace Outbound.Core.Workforce.Planning;

/// <summary>
/// The roster a planner would make by hand, as the yardstick for the solver: week by week each team takes the shift
/// that best fills the remaining requirement (never one that breaks the rest rule after last week's), then each
/// agent in turn works the days where the team's shift is most short of people, as many as the monthly hours ask,
/// within leave, the run limit, weekly days off, rest and seats; meals go where the floor is fullest.
/// </summary>
public static class GreedyRoster
{
    /// <param name="teamShifts">The shift (template index) each team works each week, when already chosen.</param>
    public static PlannedRoster Build(PlanningProblem p, int[,]? teamShifts = null) => Build(p, teamShifts, out _);

    /// <summary>The weekly shifts the greedy roster gives the teams (template indexes, team × week).</summary>
    public static int[,] TeamShifts(PlanningProblem p)
    {
        Build(p, null, out var chosen);
        return chosen;
    }

    private static PlannedRoster Build(PlanningProblem p, int[,]? teamShifts, out int[,] chosen)
    {
        chosen = new int[p.Teams.Count, p.Weeks];
        var rules = p.Rules;
        var ipd = p.IntervalsPerDay;
        var floor = Enumerable.Range(0, p.Days + 1).Select(_ => new int[ipd]).ToArray(); // one spare day for night spill
        var seated = Enumerable.Range(0, p.Days + 1).Select(_ => new int[ipd]).ToArray();
        var shifts = new List<PlannedShift>();
        var teamShift = new PlanShift?[p.Teams.Count];
        var lastShift = new Dictionary<string, (int Day, PlanShift Shift)>();
        var runs = p.Agents.ToDictionary(a => a.Id, _ => 0);
        var paid = p.Agents.ToDictionary(a => a.Id, _ => TimeSpan.Zero);
        var teamSizes = p.Agents.GroupBy(a => a.Team).ToDictionary(g => g.Key, g => g.Count());

        for (var week = 0; week < p.Weeks; week++)
        {
            var days = p.DaysOfWeek(week).ToList();
            var need = new double[ipd];
            foreach (var d in days) for (var i = 0; i < ipd; i++) need[i] += p.Required[d][i] / (double)days.Count;
            var previous = (PlanShift?[])teamShift.Clone();
            foreach (var team in Enumerable.Range(0, p.Teams.Count).OrderByDescending(t => teamSizes[t]))
            {
                var heads = teamSizes[team] * 5 / 7.0;
                var best = teamShifts is not null ? p.Shifts[teamShifts[team, week]] : p.Shifts
                    .Where(s => previous[team] is not { } before || RestBetween(before, s) >= rules.MinRest)
                    .DefaultIfEmpty(p.Shifts[0])
                    .MinBy(s => Enumerable.Range(0, ipd).Sum(i => Math.Abs(need[i] - heads * Share(p, s, i))))!;
                teamShift[team] = best;
                chosen[team, week] = p.Shifts.ToList().IndexOf(best);
                for (var i = 0; i < ipd; i++) need[i] -= heads * Share(p, best, i);
            }

            foreach (var agent in p.Agents)
            {
                var shift = teamShift[agent.Team]!;
                var remainingWeeks = p.Weeks - week;
                var target = (rules.MinHoursFor(p.Days, agent.Leave.Count) + rules.MaxHoursFor(p.Days)) / 2;
                var shiftsWanted = (int)Math.Ceiling(Math.Max(0, (target - paid[agent.Id]).TotalHours) / shift.PaidTime.TotalHours / remainingWeeks);
                var maxWork = days.Count - rules.DaysOffRequired(days.Count);
                var workDays = days
                    .OrderByDescending(d => Shortfall(p, floor, d, shift))
                    .Where(d => !agent.Leave.Contains(p.Day(d)))
                    .Take(Math.Min(shiftsWanted, maxWork))
                    .Order()
                    .ToList();
                foreach (var d in days)
                {
                    var works = workDays.Contains(d)
                        && runs[agent.Id] < rules.MaxConsecutiveDays
                        && (!lastShift.TryGetValue(agent.Id, out var last) || Rest(p, last.Day, last.Shift, d, shift) >= rules.MinRest)
                        && paid[agent.Id] + shift.PaidTime <= rules.MaxHoursFor(p.Days)
                        && SeatFree(p, seated, d, shift);
                    if (!works) { runs[agent.Id] = 0; continue; }
                    runs[agent.Id]++;
                    paid[agent.Id] += shift.PaidTime;
                    lastShift[agent.Id] = (d, shift);
                    var meal = PlaceMeal(p, floor, d, shift);
                    Add(p, floor, seated, d, shift, meal);
                    shifts.Add(new PlannedShift(agent.Id, p.Day(d), shift.Code, meal));
                }
            }
        }
        return new PlannedRoster(shifts);
    }

    private static TimeSpan RestBetween(PlanShift before, PlanShift after) =>
        TimeSpan.FromDays(1) + after.Start.ToTimeSpan() - (before.Start.ToTimeSpan() + before.Span);

    private static TimeSpan Rest(PlanningProblem p, int dayBefore, PlanShift before, int day, PlanShift after) =>
        after.StartOn(p.Day(day)) - before.EndOn(p.Day(dayBefore));

    /// <summary>The share of interval i (of a day) that an agent on this shift, started that day or the day before, is on the floor.</summary>
    private static double Share(PlanningProblem p, PlanShift s, int i)
    {
        var at = p.Interval * i;
        var own = at - s.Start.ToTimeSpan();
        var spill = own + TimeSpan.FromDays(1);
        return s.OnShiftAt(own) || s.OnShiftAt(spill) ? 1 : 0;
    }

    private static IEnumerable<(int Day, int Interval, TimeSpan Offset)> Cells(PlanningProblem p, int day, PlanShift s)
    {
        var start = s.StartOn(p.Day(day));
        for (var offset = TimeSpan.Zero; offset < s.Span; offset += p.Interval)
        {
            if (!s.OnShiftAt(offset)) continue;
            var (d, i) = p.Locate(start + offset);
            yield return (d, i, offset);
        }
    }

    private static int Shortfall(PlanningProblem p, int[][] floor, int day, PlanShift s) =>
        Cells(p, day, s).Where(c => c.Day < p.Days).Sum(c => p.Required[c.Day][c.Interval] - floor[c.Day][c.Interval]);

    private static bool SeatFree(PlanningProblem p, int[][] seated, int day, PlanShift s) =>
        Cells(p, day, s).All(c => c.Day >= p.Days || seated[c.Day][c.Interval] < p.Seats);

    private static TimeSpan? PlaceMeal(PlanningProblem p, int[][] floor, int day, PlanShift s)
    {
        var starts = s.MealStarts(p.Interval);
        if (starts.Count == 0) return null;
        var cells = Cells(p, day, s).ToDictionary(c => c.Offset);
        return starts.MaxBy(m =>
        {
            var surplus = 0;
            for (var o = m; o < m + s.Meal!.Length; o += p.Interval)
                if (cells.TryGetValue(o, out var c) && c.Day < p.Days) surplus += floor[c.Day][c.Interval] - p.Required[c.Day][c.Interval];
            return surplus;
        });
    }

    private static void Add(PlanningProblem p, int[][] floor, int[][] seated, int day, PlanShift s, TimeSpan? meal)
    {
        foreach (var c in Cells(p, day, s))
        {
            if (c.Day >= p.Days + 1) continue;
            seated[c.Day][c.Interval]++;
            var atMeal = meal is { } m && c.Offset >= m && c.Offset < m + s.Meal!.Length;
            if (!atMeal) floor[c.Day][c.Interval]++;
        }
    }
}
