namespace Outbound.Core.Workforce.Planning;

public enum RosterRule
{
    UnknownShift,
    UnknownAgent,
    OneShiftADay,
    Leave,
    ConsecutiveDays,
    WeeklyDaysOff,
    Rest,
    MinHours,
    MaxHours,
    TeamTogether,
    Seats,
    Meal,
}

/// <summary>One broken rule, with what a planner needs to find it.</summary>
public sealed record RuleViolation(RosterRule Rule, string? Agent, DateOnly? Day, string Detail)
{
    public override string ToString() => $"{Rule}{(Agent is null ? "" : $" {Agent}")}{(Day is { } d ? $" {d:yyyy-MM-dd}" : "")}: {Detail}";
}

/// <summary>
/// Checks a roster against the labour rules from its wall-clock times alone — written apart from the solver's model
/// so that it can catch the solver (and a planner's hand edits) out: rest is measured between the real end and
/// start of shifts, seats are counted interval by interval, weeks and hours are recounted from the shifts.
/// </summary>
public static class RosterRuleChecker
{
    public static IReadOnlyList<RuleViolation> Check(PlanningProblem problem, PlannedRoster roster)
    {
        var violations = new List<RuleViolation>();
        var templates = problem.Shifts.ToDictionary(s => s.Code);
        var agents = problem.Agents.ToDictionary(a => a.Id);
        var rules = problem.Rules;
        var known = new List<(PlannedShift Shift, PlanShift Template, PlanAgent Agent)>();

        foreach (var s in roster.Shifts)
        {
            if (!templates.TryGetValue(s.Shift, out var template)) { violations.Add(new(RosterRule.UnknownShift, s.Agent, s.Day, $"no shift template '{s.Shift}'")); continue; }
            if (!agents.TryGetValue(s.Agent, out var agent)) { violations.Add(new(RosterRule.UnknownAgent, s.Agent, s.Day, "not an agent of this plan")); continue; }
            known.Add((s, template, agent));
            if (agent.Leave.Contains(s.Day)) violations.Add(new(RosterRule.Leave, agent.Name, s.Day, "rostered on a day of approved leave"));
            var mealStarts = template.MealStarts(problem.Interval);
            if (mealStarts.Count > 0 && (s.MealOffset is not { } m || !mealStarts.Contains(m)))
                violations.Add(new(RosterRule.Meal, agent.Name, s.Day, $"the meal of shift {template.Code} is not within its window"));
            if (mealStarts.Count == 0 && s.MealOffset is not null)
                violations.Add(new(RosterRule.Meal, agent.Name, s.Day, $"shift {template.Code} has no meal to place"));
        }

        foreach (var byAgent in known.GroupBy(k => k.Agent.Id))
            CheckAgent(problem, byAgent.First().Agent, byAgent.OrderBy(k => k.Shift.Day).ThenBy(k => k.Template.Start).ToList(), violations);
        CheckTeams(problem, known, violations);
        CheckSeats(problem, roster, violations);
        return violations;
    }

    private static void CheckAgent(PlanningProblem p, PlanAgent agent, List<(PlannedShift Shift, PlanShift Template, PlanAgent Agent)> shifts, List<RuleViolation> violations)
    {
        var rules = p.Rules;
        foreach (var twice in shifts.GroupBy(s => s.Shift.Day).Where(g => g.Count() > 1))
            violations.Add(new(RosterRule.OneShiftADay, agent.Name, twice.Key, $"{twice.Count()} shifts on one day"));

        for (var i = 1; i < shifts.Count; i++)
        {
            var end = shifts[i - 1].Template.EndOn(shifts[i - 1].Shift.Day);
            var start = shifts[i].Template.StartOn(shifts[i].Shift.Day);
            if (start - end < rules.MinRest)
                violations.Add(new(RosterRule.Rest, agent.Name, shifts[i].Shift.Day,
                    $"{(start - end).TotalHours:0.#} h between the shift ending {end:MM-dd HH:mm} and the one starting {start:MM-dd HH:mm}; at least {rules.MinRest.TotalHours} h"));
        }

        var worked = shifts.Select(s => s.Shift.Day).ToHashSet();
        var run = 0;
        for (var d = 0; d < p.Days; d++)
        {
            run = worked.Contains(p.Day(d)) ? run + 1 : 0;
            if (run == rules.MaxConsecutiveDays + 1)
                violations.Add(new(RosterRule.ConsecutiveDays, agent.Name, p.Day(d), $"more than {rules.MaxConsecutiveDays} working days in a row"));
        }

        for (var week = 0; week < p.Weeks; week++)
        {
            var days = p.DaysOfWeek(week).Select(p.Day).ToList();
            var off = days.Count(d => !worked.Contains(d));
            var needed = rules.DaysOffRequired(days.Count);
            if (off < needed)
                violations.Add(new(RosterRule.WeeklyDaysOff, agent.Name, days[0], $"{off} day(s) off in the week from {days[0]:MM-dd}; at least {needed}"));
        }

        var hours = shifts.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Template.PaidTime);
        var minimum = rules.MinHoursFor(p.Days, agent.Leave.Count(p.Contains));
        if (hours < minimum) violations.Add(new(RosterRule.MinHours, agent.Name, null, $"{hours.TotalHours} h; at least {minimum.TotalHours} h"));
        var maximum = rules.MaxHoursFor(p.Days);
        if (hours > maximum) violations.Add(new(RosterRule.MaxHours, agent.Name, null, $"{hours.TotalHours} h; at most {maximum.TotalHours} h"));
    }

    /// <summary>大轮班: on any day a team's working members share one shift, and a team keeps its shift for the week.</summary>
    private static void CheckTeams(PlanningProblem p, List<(PlannedShift Shift, PlanShift Template, PlanAgent Agent)> shifts, List<RuleViolation> violations)
    {
        foreach (var teamWeek in shifts.GroupBy(s => (s.Agent.Team, Week: (s.Shift.Day.DayNumber - p.StartDate.DayNumber) / 7)))
        {
            var codes = teamWeek.Select(s => s.Template.Code).Distinct().Order().ToList();
            if (codes.Count > 1)
            {
                var first = teamWeek.Min(s => s.Shift.Day);
                violations.Add(new(RosterRule.TeamTogether, null, first, $"team {p.Teams[teamWeek.Key.Team]} works {string.Join(", ", codes)} in the week from {first:MM-dd}; a team keeps one shift with its leader"));
            }
        }
    }

    private static void CheckSeats(PlanningProblem p, PlannedRoster roster, List<RuleViolation> violations)
    {
        var seated = roster.Seated(p);
        for (var d = 0; d < p.Days; d++)
        for (var i = 0; i < p.IntervalsPerDay; i++)
            if (seated[d][i] > p.Seats)
                violations.Add(new(RosterRule.Seats, null, p.Day(d), $"{seated[d][i]} agents on shift at {p.TimeOf(i)} for {p.Seats} seats"));
    }
}
