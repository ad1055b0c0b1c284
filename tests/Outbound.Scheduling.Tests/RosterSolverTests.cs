using Outbound.Core.Workforce.Planning;

namespace Outbound.Scheduling.Tests;

public sealed class RosterSolverTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(12);

    [Fact]
    public void A_month_for_forty_agents_in_four_teams_keeps_every_labour_rule_by_the_independent_checker()
    {
        var problem = Problems.Hotline(agents: 40, teams: 4, days: 28, seats: 32, callsPerDay: 1700);

        var outcome = RosterSolver.Solve(problem, Limit);

        Assert.Empty(RosterRuleChecker.Check(problem, outcome.Roster));
        Assert.True(outcome.Fit.Fit > 0.6, $"fit {outcome.Fit.Fit:0.000}");
    }

    [Fact]
    public void The_solver_fits_at_least_about_as_well_as_the_greedy_roster()
    {
        var problem = Problems.Hotline(agents: 40, teams: 4, days: 14, seats: 32, callsPerDay: 1700);

        var solved = RosterSolver.Solve(problem, Limit).Fit;
        var greedy = GreedyRoster.Build(problem).Fit(problem);

        Assert.True(solved.Fit >= greedy.Fit - 0.03, $"solver {solved.Fit:0.000} vs greedy {greedy.Fit:0.000}");
    }

    [Fact]
    public void Teams_work_one_shift_a_week_with_their_leader()
    {
        var problem = Problems.Hotline(agents: 24, teams: 3, days: 14, seats: 20, callsPerDay: 1000);

        var roster = RosterSolver.Solve(problem, Limit).Roster;

        var leaders = problem.Agents.Where(a => a.IsLeader).ToDictionary(a => a.Team, a => a.Id);
        foreach (var week in roster.Shifts.GroupBy(s => (Team: problem.Agents.Single(a => a.Id == s.Agent).Team, Week: (s.Day.DayNumber - Problems.March.DayNumber) / 7)))
        {
            Assert.Single(week.Select(s => s.Shift).Distinct());
            Assert.Contains(week, s => s.Agent == leaders[week.Key.Team]);
        }
    }

    [Fact]
    public void Approved_leave_is_never_rostered()
    {
        var problem = Problems.Hotline(agents: 24, teams: 3, days: 14, seats: 20, callsPerDay: 1000);
        var leave = Enumerable.Range(2, 5).Select(d => Problems.March.AddDays(d)).ToHashSet();
        var agents = problem.Agents.ToList();
        agents[5] = agents[5] with { Leave = leave };
        problem = problem with { Agents = agents };

        var roster = RosterSolver.Solve(problem, Limit).Roster;

        Assert.DoesNotContain(roster.Shifts, s => s.Agent == agents[5].Id && leave.Contains(s.Day));
        Assert.Empty(RosterRuleChecker.Check(problem, roster));
    }

    [Fact]
    public void Seats_cap_the_agents_on_shift_even_when_more_are_required_than_fit()
    {
        // The day needs every seat; more agents than seats are owed their hours, so overstaffing would be easy.
        var problem = Problems.Hotline(agents: 24, teams: 3, days: 14, seats: 12, callsPerDay: 1000)
            .WithRequired((_, i) => i is >= 18 and < 40 ? 12 : 2);

        var roster = RosterSolver.Solve(problem, Limit).Roster;

        Assert.True(roster.Seated(problem).SelectMany(d => d).Max() <= 12);
        Assert.Empty(RosterRuleChecker.Check(problem, roster));
    }

    [Fact]
    public void Rules_no_roster_can_keep_are_named_from_the_solver_infeasibility()
    {
        // Forty agents each owed 120 h need 600 shifts; two seats hold far fewer in two weeks.
        var problem = Problems.Hotline(agents: 40, teams: 2, days: 14, seats: 2, callsPerDay: 100).WithRequired((_, _) => 1);

        var error = Assert.Throws<ScheduleInfeasibleException>(() => RosterSolver.Solve(problem, Limit));

        Assert.Contains(error.Rules, r => r.Contains("seats"));
        Assert.Contains(error.Rules, r => r.Contains("h a month"));
        Assert.Contains("no roster can keep these rules together", error.Message);
    }
}
