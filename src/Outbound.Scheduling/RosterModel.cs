using Google.OrTools.Sat;
using Outbound.Core.Workforce.Planning;

namespace Outbound.Scheduling;

/// <summary>
/// The CP-SAT model of a month's roster. Decisions: which shift each team works each week (大轮班: the team and
/// its leader share it, rotating weekly) and which days each agent works. Per team, day and shift the number at
/// work is an integer, and so is the number taking their meal at each allowed start — agents of one team on one
/// day are interchangeable for cover, which keeps the model small enough for 200 agents on two cores.
/// Hard rules: leave, run limit, weekly days off, monthly hours, rest across the weekly change of shift, seats.
/// Objective, in strict order of weight: understaffed agent-intervals, overstaffed ones, then the spread between
/// agents of weekend days worked and between teams of evening/night weeks, and days worked that were wished off.
/// The teams' weekly shifts may be fixed beforehand (<see cref="TeamShiftPlanner"/>): CP-SAT then only places
/// people and meals, where it improves quickly instead of having to move a whole team and its days at once.
/// </summary>
internal sealed class RosterModel
{
    // Under-staffing costs half as much again as over-staffing: a caller waiting is worse than an agent idle, but a
    // steeper price buys whole extra shifts to save one short interval and the fit (which counts both alike) falls
    // below a hand-made roster's (3:1 gave 0.764 against the greedy 0.770 in bench wfm). Fairness and wishes break ties.
    private const int UnderWeight = 30, OverWeight = 20, EveningSpreadWeight = 10, WeekendSpreadWeight = 4, WishWeight = 2;

    private readonly PlanningProblem _p;
    private readonly bool _explain;
    private readonly BoolVar[,] _works;        // agent × day (full model only)
    private readonly LinearExpr[,] _atWork;    // team × day: agents at work
    private readonly BoolVar[,,] _teamShift;   // team × week × shift
    private readonly IntVar[,,] _count;        // team × day × shift: agents at work
    private readonly IntVar[][,,] _meals;      // shift → team × day × meal start
    private readonly int[] _teamSize;
    private readonly IntVar[,] _under, _over; // day × interval

    public CpModel Model { get; } = new();

    /// <summary>With <c>explain</c>: each rule's constraints hang on a literal, named here, for CP-SAT's infeasibility core.</summary>
    public Dictionary<ILiteral, string> Switches { get; } = [];

    public RosterModel(PlanningProblem problem, bool explain, int[,]? teamShifts = null)
    {
        _p = problem;
        _explain = explain;
        var (agents, days, teams, shifts) = (_p.Agents.Count, _p.Days, _p.Teams.Count, _p.Shifts.Count);
        _teamSize = Enumerable.Range(0, teams).Select(t => _p.Agents.Count(a => a.Team == t)).ToArray();
        _works = new BoolVar[agents, days];
        for (var a = 0; a < agents; a++)
        for (var d = 0; d < days; d++)
            _works[a, d] = Model.NewBoolVar($"w{a}_{d}");
        _atWork = new LinearExpr[teams, days];
        _teamShift = new BoolVar[teams, _p.Weeks, shifts];
        for (var t = 0; t < teams; t++)
        for (var w = 0; w < _p.Weeks; w++)
        {
            for (var s = 0; s < shifts; s++) _teamShift[t, w, s] = Model.NewBoolVar($"y{t}_{w}_{s}");
            Model.AddExactlyOne(Enumerable.Range(0, shifts).Select(s => _teamShift[t, w, s]));
            if (teamShifts is not null) Model.Add(_teamShift[t, w, teamShifts[t, w]] == 1);
        }
        _count = new IntVar[teams, days, shifts];
        _under = new IntVar[days, _p.IntervalsPerDay];
        _over = new IntVar[days, _p.IntervalsPerDay];
        _meals = new IntVar[shifts][,,];
        for (var s = 0; s < shifts; s++) _meals[s] = new IntVar[teams, days, _p.Shifts[s].MealStarts(_p.Interval).Count];
        LinkTeams();
        AddLeave();
        AddRunLimit();
        AddWeeklyDaysOff();
        AddHours();
        AddRest();
        AddCoverAndObjective();
    }

    private Constraint Rule(Constraint c, string rule)
    {
        if (!_explain) return c;
        var literal = Switches.FirstOrDefault(s => s.Value == rule).Key;
        if (literal is null)
        {
            var created = Model.NewBoolVar(rule);
            Switches[created] = rule;
            literal = created;
        }
        c.OnlyEnforceIf(literal);
        return c;
    }

    private void LinkTeams()
    {
        for (var t = 0; t < _p.Teams.Count; t++)
        for (var d = 0; d < _p.Days; d++)
        {
            _atWork[t, d] = LinearExpr.Sum(_p.Agents.Select((a, i) => (a, i)).Where(x => x.a.Team == t).Select(x => _works[x.i, d]));
            for (var s = 0; s < _p.Shifts.Count; s++)
            {
                _count[t, d, s] = Model.NewIntVar(0, _teamSize[t], $"c{t}_{d}_{s}");
                Model.Add(_count[t, d, s] <= _teamSize[t] * _teamShift[t, _p.WeekOf(d), s]);
                var starts = _meals[s].GetLength(2);
                if (starts == 0) continue;
                for (var m = 0; m < starts; m++) _meals[s][t, d, m] = Model.NewIntVar(0, _teamSize[t], $"m{s}_{t}_{d}_{m}");
                Model.Add(LinearExpr.Sum(Enumerable.Range(0, starts).Select(m => _meals[s][t, d, m])) == _count[t, d, s]);
            }
            Model.Add(LinearExpr.Sum(Enumerable.Range(0, _p.Shifts.Count).Select(s => _count[t, d, s])) == _atWork[t, d]);
        }
    }

    private void AddLeave()
    {
        for (var a = 0; a < _p.Agents.Count; a++)
        for (var d = 0; d < _p.Days; d++)
            if (_p.Agents[a].Leave.Contains(_p.Day(d)))
                Rule(Model.Add(_works[a, d] == 0), $"approved leave of {_p.Agents[a].Name}");
    }

    private void AddRunLimit()
    {
        var k = _p.Rules.MaxConsecutiveDays;
        for (var a = 0; a < _p.Agents.Count; a++)
        for (var start = 0; start + k < _p.Days; start++)
            Rule(Model.Add(LinearExpr.Sum(Enumerable.Range(start, k + 1).Select(d => _works[a, d])) <= k), $"at most {k} working days in a row");
    }

    private void AddWeeklyDaysOff()
    {
        for (var a = 0; a < _p.Agents.Count; a++)
        for (var w = 0; w < _p.Weeks; w++)
        {
            var days = _p.DaysOfWeek(w).ToList();
            var off = _p.Rules.DaysOffRequired(days.Count);
            if (off == 0) continue;
            Rule(Model.Add(LinearExpr.Sum(days.Select(d => _works[a, d])) <= days.Count - off), $"at least {_p.Rules.MinDaysOffPerWeek} day(s) off a week");
        }
    }

    /// <summary>Paid minutes per agent; when templates pay differently, days worked per week are split by shift.</summary>
    private void AddHours()
    {
        var paid = _p.Shifts.Select(s => (long)s.PaidTime.TotalMinutes).ToArray();
        var uniform = paid.Distinct().Count() == 1;
        var max = (long)_p.Rules.MaxHoursFor(_p.Days).TotalMinutes;
        for (var a = 0; a < _p.Agents.Count; a++)
        {
            var agent = _p.Agents[a];
            var min = (long)_p.Rules.MinHoursFor(_p.Days, agent.Leave.Count(d => d >= _p.StartDate && d < _p.StartDate.AddDays(_p.Days))).TotalMinutes;
            LinearExpr minutes;
            if (uniform) minutes = LinearExpr.Sum(Enumerable.Range(0, _p.Days).Select(d => _works[a, d])) * paid[0];
            else
            {
                var terms = LinearExpr.NewBuilder();
                for (var w = 0; w < _p.Weeks; w++)
                {
                    var days = _p.DaysOfWeek(w).ToList();
                    var byShift = Enumerable.Range(0, _p.Shifts.Count).Select(s => Model.NewIntVar(0, days.Count, $"h{a}_{w}_{s}")).ToArray();
                    for (var s = 0; s < byShift.Length; s++) Model.Add(byShift[s] <= days.Count * _teamShift[agent.Team, w, s]);
                    Model.Add(LinearExpr.Sum(byShift) == LinearExpr.Sum(days.Select(d => _works[a, d])));
                    for (var s = 0; s < byShift.Length; s++) terms.AddTerm(byShift[s], paid[s]);
                }
                minutes = terms;
            }
            Rule(Model.Add(minutes >= min), $"at least {_p.Rules.MinHours.TotalHours} h a month (pro rata for leave), e.g. {agent.Name}");
            Rule(Model.Add(minutes <= max), $"at most {_p.Rules.MaxHours.TotalHours} h a month");
        }
    }

    /// <summary>Within a week a team repeats its shift (the validator ensures that rests enough); at the weekly change an agent who works both boundary days needs a pair of shifts with enough rest.</summary>
    private void AddRest()
    {
        var clashes = RestClashes();
        for (var w = 0; w + 1 < _p.Weeks; w++)
        {
            var last = w * 7 + 6;
            for (var a = 0; a < _p.Agents.Count; a++)
            {
                var team = _p.Agents[a].Team;
                foreach (var (from, to) in clashes)
                    Rule(Model.Add(_works[a, last] + _works[a, last + 1] + _teamShift[team, w, from] + _teamShift[team, w + 1, to] <= 3),
                        $"at least {_p.Rules.MinRest.TotalHours} h rest between shifts");
            }
        }
    }

    private List<(int From, int To)> RestClashes()
    {
        var clashes = new List<(int From, int To)>();
        for (var s1 = 0; s1 < _p.Shifts.Count; s1++)
        for (var s2 = 0; s2 < _p.Shifts.Count; s2++)
        {
            var rest = TimeSpan.FromDays(1) + _p.Shifts[s2].Start.ToTimeSpan() - (_p.Shifts[s1].Start.ToTimeSpan() + _p.Shifts[s1].Span);
            if (rest < _p.Rules.MinRest) clashes.Add((s1, s2));
        }
        return clashes;
    }

    private void AddCoverAndObjective()
    {
        var ipd = _p.IntervalsPerDay;
        var objective = LinearExpr.NewBuilder();
        for (var d = 0; d < _p.Days; d++)
        for (var i = 0; i < ipd; i++)
        {
            var floor = LinearExpr.NewBuilder();
            var seated = LinearExpr.NewBuilder();
            var any = false;
            foreach (var started in new[] { d, d - 1 })
            {
                if (started < 0) continue;
                var at = _p.Interval * i + TimeSpan.FromDays(d - started);
                for (var s = 0; s < _p.Shifts.Count; s++)
                {
                    var shift = _p.Shifts[s];
                    var offset = at - shift.Start.ToTimeSpan();
                    if (!shift.OnShiftAt(offset)) continue;
                    var starts = shift.MealStarts(_p.Interval);
                    for (var t = 0; t < _p.Teams.Count; t++)
                    {
                        any = true;
                        seated.Add(_count[t, started, s]);
                        floor.Add(_count[t, started, s]);
                        for (var m = 0; m < starts.Count; m++)
                            if (offset >= starts[m] && offset < starts[m] + shift.Meal!.Length) floor.AddTerm(_meals[s][t, started, m], -1);
                    }
                }
            }
            var required = _p.Required[d][i];
            var under = _under[d, i] = Model.NewIntVar(0, required, $"u{d}_{i}");
            var over = _over[d, i] = Model.NewIntVar(0, _p.Seats, $"o{d}_{i}");
            if (!any) { Model.Add(under == required); Model.Add(over == 0); }
            else
            {
                Model.Add(floor - required == over - under);
                Rule(Model.Add(seated <= _p.Seats), $"at most {_p.Seats} seats");
            }
            objective.AddTerm(under, UnderWeight).AddTerm(over, OverWeight);
        }
        AddFairness(objective);
        Model.Minimize(objective);
    }

    private void AddFairness(LinearExprBuilder objective)
    {
        var weekend = Enumerable.Range(0, _p.Days).Where(d => _p.Day(d).DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday).ToList();
        if (weekend.Count > 0)
        {
            var perAgent = Enumerable.Range(0, _p.Agents.Count).Select(a => LinearExpr.Sum(weekend.Select(d => _works[a, d]))).ToList();
            objective.AddTerm(Spread(perAgent, weekend.Count, "weekend"), WeekendSpreadWeight);
        }
        var unsocial = Enumerable.Range(0, _p.Shifts.Count).Where(s => _p.Shifts[s].IsUnsocial).ToList();
        if (unsocial.Count > 0 && _p.Teams.Count > 1)
        {
            var perTeam = Enumerable.Range(0, _p.Teams.Count)
                .Select(t => LinearExpr.Sum(Enumerable.Range(0, _p.Weeks).SelectMany(w => unsocial.Select(s => _teamShift[t, w, s])))).ToList();
            objective.AddTerm(Spread(perTeam, _p.Weeks, "evening"), EveningSpreadWeight);
        }
        for (var a = 0; a < _p.Agents.Count; a++)
        for (var d = 0; d < _p.Days; d++)
            if (_p.Agents[a].WishesOff.Contains(_p.Day(d))) objective.AddTerm(_works[a, d], WishWeight);
    }

    private IntVar Spread(IReadOnlyList<LinearExpr> values, int bound, string name)
    {
        var high = Model.NewIntVar(0, bound, $"{name}_max");
        var low = Model.NewIntVar(0, bound, $"{name}_min");
        foreach (var v in values)
        {
            Model.Add(high >= v);
            Model.Add(low <= v);
        }
        var spread = Model.NewIntVar(0, bound, $"{name}_spread");
        Model.Add(spread == high - low);
        return spread;
    }

    /// <summary>
    /// Starts the search from a roster that keeps the rules (the greedy one), every variable given, so CP-SAT begins
    /// from a complete solution and only improves on it.
    /// </summary>
    public void Hint(PlannedRoster roster)
    {
        var index = _p.Agents.Select((a, i) => (a.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var shiftIndex = _p.Shifts.Select((s, i) => (s.Code, i)).ToDictionary(x => x.Code, x => x.i);
        var byAgentDay = roster.Shifts.ToDictionary(s => (index[s.Agent], s.Day.DayNumber - _p.StartDate.DayNumber));
        for (var a = 0; a < _p.Agents.Count; a++)
        for (var d = 0; d < _p.Days; d++)
            Model.AddHint(_works[a, d], byAgentDay.ContainsKey((a, d)) ? 1 : 0);

        var teamWeek = new int[_p.Teams.Count, _p.Weeks];
        for (var t = 0; t < _p.Teams.Count; t++)
        for (var w = 0; w < _p.Weeks; w++)
            teamWeek[t, w] = roster.Shifts.Where(s => _p.Agents[index[s.Agent]].Team == t && _p.WeekOf(s.Day.DayNumber - _p.StartDate.DayNumber) == w)
                .Select(s => shiftIndex[s.Shift]).DefaultIfEmpty(0).First();
        for (var t = 0; t < _p.Teams.Count; t++)
        for (var w = 0; w < _p.Weeks; w++)
        for (var s = 0; s < _p.Shifts.Count; s++)
            Model.AddHint(_teamShift[t, w, s], teamWeek[t, w] == s ? 1 : 0);

        for (var t = 0; t < _p.Teams.Count; t++)
        for (var d = 0; d < _p.Days; d++)
        for (var s = 0; s < _p.Shifts.Count; s++)
        {
            var working = byAgentDay.Where(x => x.Key.Item2 == d && _p.Agents[x.Key.Item1].Team == t && shiftIndex[x.Value.Shift] == s).Select(x => x.Value).ToList();
            Model.AddHint(_count[t, d, s], working.Count);
            var starts = _p.Shifts[s].MealStarts(_p.Interval);
            for (var m = 0; m < starts.Count; m++) Model.AddHint(_meals[s][t, d, m], working.Count(x => x.MealOffset == starts[m]));
        }

        var floor = roster.OnFloor(_p);
        for (var d = 0; d < _p.Days; d++)
        for (var i = 0; i < _p.IntervalsPerDay; i++)
        {
            Model.AddHint(_under[d, i], Math.Max(0, _p.Required[d][i] - floor[d][i]));
            Model.AddHint(_over[d, i], Math.Max(0, floor[d][i] - _p.Required[d][i]));
        }
    }

    /// <summary>The roster in the solution: each working agent gets the team's shift that week; meal starts are dealt out to the team's workers in turn.</summary>
    public PlannedRoster Read(CpSolver solver)
    {
        var shifts = new List<PlannedShift>();
        for (var t = 0; t < _p.Teams.Count; t++)
        for (var d = 0; d < _p.Days; d++)
        {
            var s = Enumerable.Range(0, _p.Shifts.Count).First(x => solver.BooleanValue(_teamShift[t, _p.WeekOf(d), x]));
            var shift = _p.Shifts[s];
            var starts = shift.MealStarts(_p.Interval);
            var meals = new Queue<TimeSpan>(Enumerable.Range(0, starts.Count)
                .SelectMany(m => Enumerable.Repeat(starts[m], (int)solver.Value(_meals[s][t, d, m]))));
            for (var a = 0; a < _p.Agents.Count; a++)
            {
                if (_p.Agents[a].Team != t || !solver.BooleanValue(_works[a, d])) continue;
                shifts.Add(new PlannedShift(_p.Agents[a].Id, _p.Day(d), shift.Code, starts.Count == 0 ? null : meals.Dequeue()));
            }
        }
        return new PlannedRoster(shifts);
    }
}
