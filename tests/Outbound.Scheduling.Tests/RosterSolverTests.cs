using Outbound.Core.Workforce.Planning;

namespace Outbound.Scheduling.Tests;

public sealed class RosterSolverTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(8);

    [Fact]
    public void A_month_for_forty_agents_in_four_teams_keeps_every_labour_rule_by_the_independent_checker()
    {
        var problem = Problems.Hotline(agents: 40, teams: 4, days: 28, seats: 32, callsPerDay: 1700);

        var outcome = RosterSolver.Solve(problem, Limit, workers: 2);

        Assert.Empty(RosterRuleChecker.Check(problem, outcome.Roster));
        Assert.True(outcome.Fit.Fit > 0.6, $"fit {outcome.Fit.Fit:0.000}");
    }

    [Fact]
    public void The_solver_fits_the_requirement_better_than_the_greedy_roster()
    {
        var problem = Problems.Hotline(agents: 40, teams: 4, days: 14, seats: 32, callsPerDay: 1700);

        var solved = RosterSolver.Solve(problem, Limit, workers: 2);
        var greedy = GreedyRoster.Build(problem).Fit(problem);

        Assert.True(solved.Fit.Fit > greedy.Fit, $"solver {solved.Fit.Fit:0.000} vs greedy {greedy.Fit:0.000}");
        Assert.True(solved.Fit.Understaffed <= greedy.Understaffed + 5);
    }

    [Fact]
    public void Teams_work_one_shift_a_week_with_their_leader()
    {
        var problem = Problems.Hotline(agents: 24, teams: 3, days: 14, seats: 20, callsPerDay: 1000);

        var roster = RosterSolver.Solve(problem, Limit, workers: 2).Roster;

        var leaders = problem.Agents.Where(a => a.IsLeader).ToDictionary(a => a.Team, a => a.Id);
        foreach (var week in roster.Shifts.GroupBy(s => (Team: problem.Agents.Single(a => a.Id == s.Agent).Team, Week: (s.Day.DayNumber - Problems.March.DayNumber) / 7)))
        {
            Assert.Single(week.Select(s => s.Shift).Distinct());
            Assert.Contains(week, s => s.Agent == leaders[week.Key.Team]);
        }
    }

    [Fact]
    public void Leave_and_wished_days_off_are_kept()
    {
        var problem = Problems.Hotline(agents: 24, teams: 3, days: 14, seats: 20, callsPerDay: 1000);
        var leave = Enumerable.Range(2, 5).Select(d => Problems.March.AddDays(d)).ToHashSet();
        var wish = new HashSet<DateOnly> { Problems.March.AddDays(10) };
        var agents = problem.Agents.ToList();
        agents[5] = agents[5] with { Leave = leave };
        agents[6] = agents[6] with { WishesOff = wish };
        problem = problem with { Agents = agents };

        var roster = RosterSolver.Solve(problem, Limit, workers: 2).Roster;

        Assert.DoesNotContain(roster.Shifts, s => s.Agent == agents[5].Id && leave.Contains(s.Day));
        Assert.DoesNotContain(roster.Shifts, s => s.Agent == agents[6].Id && wish.Contains(s.Day));
        Assert.Empty(RosterRuleChecker.Check(problem, roster));
    }

    [Fact]
    public void Seats_cap_the_agents_on_shift_even_when_more_are_required_than_fit()
    {
        var problem = Problems.Hotline(agents: 30, teams: 3, days: 14, seats: 9, callsPerDay: 1000)
            .WithRequired((_, i) => i is >= 18 and < 40 ? 9 : 2);

        var roster = RosterSolver.Solve(problem, Limit, workers: 2).Roster;

        Assert.True(roster.Seated(problem).SelectMany(d => d).Max() <= 9);
        Assert.Empty(RosterRuleChecker.Check(problem, roster));
    }

    [Fact]
    public void Rules_no_roster_can_keep_are_named_from_the_solver_infeasibility()
    {
        // Forty agents each owed 120 h need 600 shifts; two seats hold far fewer in two weeks.
        var problem = Problems.Hotline(agents: 40, teams: 2, days: 14, seats: 2, callsPerDay: 100).WithRequired((_, _) => 1);

        var error = Assert.Throws<ScheduleInfeasibleException>(() => RosterSolver.Solve(problem, Limit, workers: 2));

        Assert.Contains(error.Rules, r => r.Contains("seats"));
        Assert.Contains(error.Rules, r => r.Contains("h a month"));
        Assert.Contains("no roster can keep these rules together", error.Message);
    }
}
