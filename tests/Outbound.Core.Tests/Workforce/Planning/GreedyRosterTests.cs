using Outbound.Core.Workforce.Planning;

namespace Outbound.Core.Tests.Workforce.Planning;

public sealed class GreedyRosterTests
{
    [Fact]
    public void The_greedy_yardstick_keeps_the_rules_on_a_hotline_month()
    {
        var start = new DateOnly(2027, 3, 1);
        var problem = new PlanningProblem(start, TimeSpan.FromMinutes(30),
            SyntheticDemand.Required(start, 28, TimeSpan.FromMinutes(30), 2500, TimeSpan.FromSeconds(300)),
            Enumerable.Range(0, 48).Select(a => new PlanAgent($"a{a}", $"坐席{a}", a % 4, a < 4)).ToList(),
            ["一班", "二班", "三班", "四班"], 40, DefaultShifts.All, LabourRules.Default);

        var roster = GreedyRoster.Build(problem);

        Assert.Empty(RosterRuleChecker.Check(problem, roster));
        Assert.InRange(roster.Fit(problem).Fit, 0.3, 1);
    }
}
