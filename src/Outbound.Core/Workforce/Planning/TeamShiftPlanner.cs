namespace Outbound.Core.Workforce.Planning;

/// <summary>
/// Chooses the shift each team (大轮班 group) works each week by local search: a team-week takes another shift
/// when that brings the expected floor closer to the requirement, until no single change helps. Expected floor:
/// every member not on leave is at work on the share of days the monthly hours ask, meals spread evenly over their
/// window. A change of shift that would leave less than the minimum rest across the weekend is never made, and
/// evening and night weeks are shared out between teams; expected agents on shift beyond the seats cost dearly. The CP-SAT roster then places people with these fixed —
/// choosing whole teams' weeks inside CP-SAT left it stuck near its starting point.
/// </summary>
public static class TeamShiftPlanner
{
    private const double UnderCost = 3, OverCost = 1, UnsocialSpreadCost = 40, SeatCost = 1000;

    public static int[,] Plan(PlanningProblem p, int[,]? start = null)
    {
        var shares = p.Shifts.Select(s => FloorShare(p, s)).ToArray();
        var seats = p.Shifts.Select(s => SeatShare(p, s)).ToArray();
        var heads = Heads(p);
        var plan = start is not null ? (int[,])start.Clone() : GreedyStart(p, shares, seats, heads);
        var improved = true;
        var cost = Cost(p, plan, shares, seats, heads);
        for (var pass = 0; improved && pass < 50; pass++)
        {
            improved = false;
            for (var w = 0; w < p.Weeks; w++)
            for (var t = 0; t < p.Teams.Count; t++)
            {
                var current = plan[t, w];
                for (var s = 0; s < p.Shifts.Count; s++)
                {
                    if (s == current) continue;
                    plan[t, w] = s;
                    if (!RestOk(p, plan, t, w)) { plan[t, w] = current; continue; }
                    var candidate = Cost(p, plan, shares, seats, heads);
                    if (candidate < cost - 1e-9) { cost = candidate; current = s; improved = true; }
                    else plan[t, w] = current;
                }
            }
        }
        return plan;
    }

    /// <summary>Expected agents of a team at work on each day.</summary>
    private static double[,] Heads(PlanningProblem p)
    {
        var heads = new double[p.Teams.Count, p.Days];
        var averagePaid = p.Shifts.Average(s => s.PaidTime.TotalHours);
        foreach (var agent in p.Agents)
        {
            var leave = agent.Leave.Count(d => d >= p.StartDate && d < p.StartDate.AddDays(p.Days));
            var target = (p.Rules.MinHoursFor(p.Days, leave) + p.Rules.MaxHoursFor(p.Days)).TotalHours / 2;
            var free = p.Days - leave;
            var ratio = free == 0 ? 0 : Math.Min(1, target / averagePaid / free);
            for (var d = 0; d < p.Days; d++)
                if (!agent.Leave.Contains(p.Day(d))) heads[agent.Team, d] += ratio;
        }
        return heads;
    }

    /// <summary>Share of an agent on this shift on the floor, per interval of its start day and the next.</summary>
    private static double[] FloorShare(PlanningProblem p, PlanShift s)
    {
        var ipd = p.IntervalsPerDay;
        var share = new double[2 * ipd];
        var meals = s.MealStarts(p.Interval);
        var startIndex = (int)(s.Start.ToTimeSpan() / p.Interval);
        for (var offset = TimeSpan.Zero; offset < s.Span; offset += p.Interval)
        {
            if (!s.OnShiftAt(offset)) continue;
            var atMeal = meals.Count == 0 ? 0 : meals.Count(m => offset >= m && offset < m + s.Meal!.Length) / (double)meals.Count;
            var index = startIndex + (int)(offset / p.Interval);
            if (index < share.Length) share[index] = 1 - atMeal;
        }
        return share;
    }

    /// <summary>Agents on shift (meal included) per interval of the start day and the next.</summary>
    private static double[] SeatShare(PlanningProblem p, PlanShift s)
    {
        var share = new double[2 * p.IntervalsPerDay];
        var startIndex = (int)(s.Start.ToTimeSpan() / p.Interval);
        for (var offset = TimeSpan.Zero; offset < s.Span; offset += p.Interval)
        {
            var index = startIndex + (int)(offset / p.Interval);
            if (s.OnShiftAt(offset) && index < share.Length) share[index] = 1;
        }
        return share;
    }

    private static double Cost(PlanningProblem p, int[,] plan, double[][] shares, double[][] seatShares, double[,] heads)
    {
        var ipd = p.IntervalsPerDay;
        var cost = 0.0;
        var floor = new double[ipd];
        var seated = new double[ipd];
        for (var d = 0; d < p.Days; d++)
        {
            Array.Clear(floor);
            Array.Clear(seated);
            for (var t = 0; t < p.Teams.Count; t++)
            {
                var (today, todaySeats) = (shares[plan[t, p.WeekOf(d)]], seatShares[plan[t, p.WeekOf(d)]]);
                for (var i = 0; i < ipd; i++) { floor[i] += heads[t, d] * today[i]; seated[i] += heads[t, d] * todaySeats[i]; }
                if (d == 0) continue;
                var (yesterday, yesterdaySeats) = (shares[plan[t, p.WeekOf(d - 1)]], seatShares[plan[t, p.WeekOf(d - 1)]]);
                for (var i = 0; i < ipd; i++) { floor[i] += heads[t, d - 1] * yesterday[ipd + i]; seated[i] += heads[t, d - 1] * yesterdaySeats[ipd + i]; }
            }
            for (var i = 0; i < ipd; i++)
            {
                var gap = floor[i] - p.Required[d][i];
                cost += gap < 0 ? -gap * UnderCost : gap * OverCost;
                if (seated[i] > p.Seats) cost += (seated[i] - p.Seats) * SeatCost;
            }
        }
        var unsocial = Enumerable.Range(0, p.Teams.Count)
            .Select(t => Enumerable.Range(0, p.Weeks).Count(w => p.Shifts[plan[t, w]].IsUnsocial)).ToList();
        return cost + UnsocialSpreadCost * (unsocial.Max() - unsocial.Min());
    }

    private static bool RestOk(PlanningProblem p, int[,] plan, int t, int w)
    {
        bool Ok(int from, int to) =>
            TimeSpan.FromDays(1) + p.Shifts[to].Start.ToTimeSpan() - (p.Shifts[from].Start.ToTimeSpan() + p.Shifts[from].Span) >= p.Rules.MinRest;
        return (w == 0 || Ok(plan[t, w - 1], plan[t, w])) && (w + 1 >= p.Weeks || Ok(plan[t, w], plan[t, w + 1]));
    }

    /// <summary>A start that keeps the rest rule: every team on the shift that fits best alone, kept all month.</summary>
    private static int[,] GreedyStart(PlanningProblem p, double[][] shares, double[][] seats, double[,] heads)
    {
        var plan = new int[p.Teams.Count, p.Weeks];
        for (var t = 0; t < p.Teams.Count; t++)
        {
            var best = Enumerable.Range(0, p.Shifts.Count).MinBy(s =>
            {
                for (var w = 0; w < p.Weeks; w++) plan[t, w] = s;
                return Cost(p, plan, shares, seats, heads);
            });
            for (var w = 0; w < p.Weeks; w++) plan[t, w] = best;
        }
        return plan;
    }
}
