using Outbound.Core.Workforce.Planning;

namespace Outbound.Core.Tests.Workforce.Planning;

/// <summary>The independent checker on hand-made rosters: each rule caught on its own, a clean roster passes.</summary>
public sealed class RosterRuleCheckerTests
{
    private static readonly DateOnly Monday = new(2027, 3, 1);
    private static readonly TimeSpan Lunch = TimeSpan.FromHours(4);

    private static PlanningProblem Problem(int days = 14, int seats = 10, LabourRules? rules = null, params PlanAgent[] agents) =>
        new(Monday, TimeSpan.FromMinutes(30),
            Enumerable.Range(0, days).Select(_ => (IReadOnlyList<int>)new int[48]).ToList(),
            agents.Length > 0 ? agents : [new PlanAgent("a", "甲", 0, true), new PlanAgent("b", "乙", 0, false), new PlanAgent("c", "丙", 1, true)],
            ["一班", "二班"], seats, DefaultShifts.All, rules ?? LabourRules.Default with { MinHours = TimeSpan.Zero });

    private static PlannedShift Early(string agent, int day) => new(agent, Monday.AddDays(day), "E", Lunch);

    private static IEnumerable<RosterRule> Rules(PlanningProblem p, params PlannedShift[] shifts) =>
        RosterRuleChecker.Check(p, new PlannedRoster(shifts)).Select(v => v.Rule);

    [Fact]
    public void Five_early_shifts_a_week_break_no_rule()
    {
        var shifts = Enumerable.Range(0, 14).Where(d => d % 7 < 5).Select(d => Early("a", d)).ToArray();
        Assert.Empty(Rules(Problem(), shifts));
    }

    [Fact]
    public void A_seventh_day_in_a_row_is_caught()
    {
        var shifts = Enumerable.Range(3, 7).Select(d => Early("a", d)).ToArray(); // Thu … Wed: days off in both weeks
        Assert.Equal([RosterRule.ConsecutiveDays], Rules(Problem(), shifts));
    }

    [Fact]
    public void A_week_without_a_day_off_is_caught()
    {
        var shifts = Enumerable.Range(0, 7).Select(d => Early("a", d)).ToArray();
        Assert.Contains(RosterRule.WeeklyDaysOff, Rules(Problem(), shifts));
    }

    [Fact]
    public void A_late_shift_before_an_early_one_lacks_rest()
    {
        // Sunday's 晚二班 ends at midnight; Monday's 早班 (a new week, a new team shift) starts at 07:00: seven hours.
        var violations = RosterRuleChecker.Check(Problem(), new PlannedRoster([new("a", Monday.AddDays(6), "L2", TimeSpan.FromHours(2)), Early("a", 7)]));
        var rest = Assert.Single(violations);
        Assert.Equal(RosterRule.Rest, rest.Rule);
        Assert.Contains("7 h between", rest.Detail);
    }

    [Fact]
    public void A_night_shift_then_an_early_shift_overlap_and_lack_rest()
    {
        Assert.Equal([RosterRule.Rest], Rules(Problem(), new PlannedShift("a", Monday.AddDays(6), "N", TimeSpan.FromHours(3)), Early("a", 7)));
    }

    [Fact]
    public void Team_mates_on_different_shifts_in_one_week_are_caught()
    {
        Assert.Equal([RosterRule.TeamTogether], Rules(Problem(), Early("a", 0), new PlannedShift("b", Monday.AddDays(2), "D", TimeSpan.FromHours(3))));
    }

    [Fact]
    public void Shifts_on_leave_beyond_seats_and_meals_outside_their_window_are_caught()
    {
        var onLeave = new PlanAgent("a", "甲", 0, true) { Leave = new HashSet<DateOnly> { Monday } };
        var p = Problem(seats: 1, agents: [onLeave, new PlanAgent("b", "乙", 0, false)]);

        var rules = Rules(p, Early("a", 0), new PlannedShift("b", Monday, "E", TimeSpan.FromHours(1))).ToList();

        Assert.Contains(RosterRule.Leave, rules);
        Assert.Contains(RosterRule.Seats, rules);
        Assert.Contains(RosterRule.Meal, rules);
    }

    [Fact]
    public void Hours_below_the_minimum_and_above_the_maximum_are_caught()
    {
        var p = Problem(days: 28, rules: LabourRules.Default with { MinHours = TimeSpan.FromHours(120), MaxHours = TimeSpan.FromHours(40) });
        var rules = Rules(p, Enumerable.Range(0, 6).Select(d => Early("a", d)).ToArray()).ToList();

        Assert.Contains(RosterRule.MaxHours, rules); // 48 h > 40 h
        Assert.Contains(RosterRule.MinHours, rules); // agents b and c have none
    }
}
