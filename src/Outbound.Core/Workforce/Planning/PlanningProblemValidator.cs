namespace Outbound.Core.Workforce.Planning;

/// <summary>
/// Refuses a planning problem no roster can be built from, saying which day, interval, agent or rule is at fault,
/// before a solver is asked (a solver's "infeasible" says nothing a planner can act on).
/// </summary>
public static class PlanningProblemValidator
{
    public const int MaxDays = 62;

    public static void Validate(PlanningProblem p)
    {
        if (p.Interval <= TimeSpan.Zero || TimeSpan.FromDays(1).Ticks % p.Interval.Ticks != 0)
            throw new PlanningInputException($"an interval of {p.Interval.TotalMinutes} minutes does not divide a day");
        if (p.Days is < 1 or > MaxDays) throw new PlanningInputException($"the requirement covers {p.Days} days; a plan covers 1 to {MaxDays}");
        if (p.Seats < 1) throw new PlanningInputException("there must be at least one seat");
        if (p.Teams.Count < 1) throw new PlanningInputException("there must be at least one team");
        if (p.Agents.Count < 1) throw new PlanningInputException("there must be at least one agent");
        if (p.Shifts.Count < 1) throw new PlanningInputException("there must be at least one shift template");

        for (var d = 0; d < p.Days; d++)
        {
            var day = p.Required[d];
            if (day.Count != p.IntervalsPerDay)
                throw new PlanningInputException($"day {d + 1} ({p.Day(d):yyyy-MM-dd}) has {day.Count} intervals; a day of {p.Interval.TotalMinutes}-minute intervals has {p.IntervalsPerDay}");
            for (var i = 0; i < day.Count; i++)
            {
                if (day[i] < 0) throw new PlanningInputException($"day {d + 1} ({p.Day(d):yyyy-MM-dd}) {p.TimeOf(i)} requires {day[i]} agents; a requirement cannot be negative");
                if (day[i] > p.Seats) throw new PlanningInputException($"day {d + 1} ({p.Day(d):yyyy-MM-dd}) {p.TimeOf(i)} requires {day[i]} agents but there are only {p.Seats} seats");
                if (day[i] > p.Agents.Count) throw new PlanningInputException($"day {d + 1} ({p.Day(d):yyyy-MM-dd}) {p.TimeOf(i)} requires {day[i]} agents but there are only {p.Agents.Count} agents");
            }
        }

        var duplicate = p.Agents.GroupBy(a => a.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new PlanningInputException($"agent {duplicate.Key} is listed twice");
        foreach (var agent in p.Agents)
            if (agent.Team < 0 || agent.Team >= p.Teams.Count) throw new PlanningInputException($"agent {agent.Name} is in no known team");
        for (var t = 0; t < p.Teams.Count; t++)
            if (!p.Agents.Any(a => a.Team == t)) throw new PlanningInputException($"team {p.Teams[t]} has no agents");

        ValidateShifts(p);
        ValidateRules(p);
    }

    private static void ValidateShifts(PlanningProblem p)
    {
        var codes = p.Shifts.GroupBy(s => s.Code).FirstOrDefault(g => g.Count() > 1);
        if (codes is not null) throw new PlanningInputException($"shift code {codes.Key} is used twice");
        foreach (var s in p.Shifts)
        {
            var offsets = new List<TimeSpan> { s.Start.ToTimeSpan(), s.Span };
            if (s.Gap is { } g) offsets.AddRange([g.Offset, g.Length]);
            if (s.Meal is { } m) offsets.AddRange([m.Length, m.Earliest, m.Latest]);
            if (offsets.Any(o => o.Ticks % p.Interval.Ticks != 0))
                throw new PlanningInputException($"shift {s.Code} does not start, end or break on {p.Interval.TotalMinutes}-minute interval boundaries");
            if (s.Span + p.Rules.MinRest > TimeSpan.FromDays(1))
                throw new PlanningInputException($"shift {s.Code} lasts {s.Span.TotalHours} h, which leaves less than the {p.Rules.MinRest.TotalHours} h rest before the same shift the next day");
        }
    }

    private static void ValidateRules(PlanningProblem p)
    {
        var r = p.Rules;
        if (r.MaxConsecutiveDays < 1) throw new PlanningInputException("the rule on consecutive working days must allow at least one day");
        if (r.MinDaysOffPerWeek is < 0 or > 7) throw new PlanningInputException("days off per week must be between 0 and 7");
        if (r.MinHours > r.MaxHours)
            throw new PlanningInputException($"the monthly minimum of {r.MinHours.TotalHours} h is above the maximum of {r.MaxHours.TotalHours} h");
        if (r.MinDaysOffPerWeek == 7 && r.MinHours > TimeSpan.Zero)
            throw new PlanningInputException("seven days off a week leave no day to work the monthly minimum hours");

        var longest = p.Shifts.Max(s => s.PaidTime);
        foreach (var agent in p.Agents)
        {
            var workable = WorkableDays(p, agent);
            var minimum = r.MinHoursFor(p.Days, agent.Leave.Count(p.Contains));
            if (workable * longest < minimum)
                throw new PlanningInputException(
                    $"agent {agent.Name}: at most {workable} working days fit the leave, {r.MinDaysOffPerWeek} day(s) off a week and at most {r.MaxConsecutiveDays} days in a row — " +
                    $"{(workable * longest).TotalHours} h at most, below the minimum of {minimum.TotalHours} h");
        }
    }

    /// <summary>The most days an agent can work: greedily work every day leave, weekly days off and the run limit allow.</summary>
    public static int WorkableDays(PlanningProblem p, PlanAgent agent)
    {
        var worked = 0;
        for (var week = 0; week < p.Weeks; week++)
        {
            var days = p.DaysOfWeek(week).ToList();
            var free = days.Count(d => !agent.Leave.Contains(p.Day(d)));
            var off = days.Count - free;
            worked += Math.Max(0, free - Math.Max(0, p.Rules.DaysOffRequired(days.Count) - off));
        }
        // Runs of more than the limit need a break every (limit + 1) days.
        var runLimited = p.Days - p.Days / (p.Rules.MaxConsecutiveDays + 1);
        return Math.Min(worked, runLimited);
    }
}

internal static class PlanningProblemExtensions
{
    public static bool Contains(this PlanningProblem p, DateOnly day) => day >= p.StartDate && day < p.StartDate.AddDays(p.Days);
}
