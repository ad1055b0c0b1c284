using Outbound.Core.Workforce.Planning;

namespace Outbound.Scheduling.Tests;

public sealed class ProblemValidationTests
{
    private static PlanningInputException Refused(PlanningProblem p) =>
        Assert.Throws<PlanningInputException>(() => RosterSolver.Solve(p, TimeSpan.FromSeconds(5)));

    private static PlanningProblem Small() => Problems.Hotline(agents: 12, teams: 2, days: 7, seats: 10, callsPerDay: 400);

    [Fact]
    public void A_negative_requirement_names_its_day_and_interval()
    {
        var error = Refused(Small().WithRequired((d, i) => d == 2 && i == 21 ? -3 : 1));
        Assert.Equal("day 3 (2027-03-03) 10:30 requires -3 agents; a requirement cannot be negative", error.Message);
    }

    [Fact]
    public void A_day_of_the_wrong_length_is_named()
    {
        var p = Small();
        var required = p.Required.ToList();
        required[4] = required[4].Take(47).ToArray();
        Assert.Contains("day 5 (2027-03-05) has 47 intervals; a day of 30-minute intervals has 48", Refused(p with { Required = required }).Message);
    }

    [Fact]
    public void More_required_than_seats_names_the_interval()
    {
        var error = Refused(Small().WithRequired((d, i) => d == 0 && i == 40 ? 11 : 1));
        Assert.Equal("day 1 (2027-03-01) 20:00 requires 11 agents but there are only 10 seats", error.Message);
    }

    [Fact]
    public void Leave_that_leaves_too_few_days_for_the_minimum_hours_names_the_agent_and_the_rules()
    {
        var p = Problems.Hotline(agents: 12, teams: 2, days: 28, seats: 10, callsPerDay: 400,
            rules: LabourRules.Default with { MinHours = TimeSpan.FromHours(170), MaxConsecutiveDays = 3 });
        var agents = p.Agents.ToList();
        agents[3] = agents[3] with { Leave = Enumerable.Range(0, 3).Select(d => Problems.March.AddDays(d)).ToHashSet() };

        var error = Refused(p with { Agents = agents });

        // Three days in a row at most leave 21 of 28 days: 168 h, below 170 h for every agent, so the first is named.
        Assert.Contains("agent 坐席000: at most 21 working days", error.Message);
        Assert.Contains("at most 3 days in a row", error.Message);
    }

    [Fact]
    public void A_minimum_above_the_maximum_is_refused()
    {
        var error = Refused(Small() with { Rules = LabourRules.Default with { MinHours = TimeSpan.FromHours(200) } });
        Assert.Equal("the monthly minimum of 200 h is above the maximum of 176 h", error.Message);
    }
}
