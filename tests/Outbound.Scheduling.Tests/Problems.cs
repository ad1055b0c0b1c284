using Outbound.Core.Workforce.Planning;

namespace Outbound.Scheduling.Tests;

/// <summary>Planning problems for the tests: a two-peak hotline requirement for a floor of teams.</summary>
internal static class Problems
{
    public static readonly DateOnly March = new(2027, 3, 1); // a Monday

    public static PlanningProblem Hotline(int agents, int teams, int days, int seats, double callsPerDay, LabourRules? rules = null) =>
        new(March, TimeSpan.FromMinutes(30),
            SyntheticDemand.Required(March, days, TimeSpan.FromMinutes(30), callsPerDay, TimeSpan.FromSeconds(300)),
            Agents(agents, teams), Enumerable.Range(1, teams).Select(t => $"{t}班").ToList(), seats, DefaultShifts.All, rules ?? LabourRules.Default);

    public static List<PlanAgent> Agents(int agents, int teams) =>
        Enumerable.Range(0, agents).Select(a => new PlanAgent($"a{a:D3}", $"坐席{a:D3}", a % teams, IsLeader: a < teams)).ToList();

    public static PlanningProblem WithRequired(this PlanningProblem p, Func<int, int, int> required) =>
        p with { Required = Enumerable.Range(0, p.Days).Select(d => (IReadOnlyList<int>)Enumerable.Range(0, p.IntervalsPerDay).Select(i => required(d, i)).ToArray()).ToList() };
}
