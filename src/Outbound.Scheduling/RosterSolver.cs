using System.Diagnostics;
using Google.OrTools.Sat;
using Outbound.Core.Workforce.Planning;

namespace Outbound.Scheduling;

/// <summary>
/// What the solver made: the roster, its fit against the requirement, whether it is proven best, and CP-SAT's
/// objective with the bound it proved (how far from the best possible the time limit left it).
/// </summary>
public sealed record ScheduleOutcome(PlannedRoster Roster, ScheduleFit Fit, bool Optimal, TimeSpan Elapsed, double Objective, double Bound);

/// <summary>No roster keeps every rule; <see cref="Rules"/> names the rules that together make it impossible.</summary>
public sealed class ScheduleInfeasibleException(string message, IReadOnlyList<string> rules) : Exception(message)
{
    public IReadOnlyList<string> Rules { get; } = rules;
}

/// <summary>
/// Builds a month's roster: the teams' weekly shifts by <see cref="TeamShiftPlanner"/> (or by CP-SAT too when those leave no roster), then the agents' days and
/// meals with Google OR-Tools CP-SAT (<see cref="RosterModel"/>) from the greedy roster on those shifts as a
/// starting hint, within a time limit: the best roster found by then is returned with its fit. When no roster
/// can keep the rules, the model is solved again with each rule switched by an assumption literal, and CP-SAT's
/// sufficient set of assumptions is reported as the rules (and agents) that clash.
/// </summary>
public static class RosterSolver
{
    public static ScheduleOutcome Solve(PlanningProblem problem, TimeSpan timeLimit)
    {
        PlanningProblemValidator.Validate(problem);
        var watch = Stopwatch.StartNew();
        var teamShifts = TeamShiftPlanner.Plan(problem, start: GreedyRoster.TeamShifts(problem));
        var planned = new RosterModel(problem, explain: false, teamShifts);
        planned.Hint(GreedyRoster.Build(problem, teamShifts));
        // The planned weekly shifts ignore seats and hours; when they leave no roster, CP-SAT chooses the shifts too.
        var first = Run(planned, Remaining(timeLimit, watch) * (2.0 / 3));
        if (first.Status is CpSolverStatus.Optimal or CpSolverStatus.Feasible) return Outcome(problem, planned, first, watch);
        first.Solver.Dispose();

        var free = new RosterModel(problem, explain: false);
        var second = Run(free, Remaining(timeLimit, watch));
        using var solver = second.Solver;
        return second.Status switch
        {
            CpSolverStatus.Optimal or CpSolverStatus.Feasible => Outcome(problem, free, second, watch),
            CpSolverStatus.Infeasible => throw Explain(problem, timeLimit),
            CpSolverStatus.ModelInvalid => throw new InvalidOperationException($"the roster model is invalid: {free.Model.Validate()}"),
            _ => throw new ScheduleInfeasibleException(
                $"no roster keeping every rule was found within {timeLimit.TotalSeconds:0} s; allow more time or relax the rules", []),
        };
    }

    private static TimeSpan Remaining(TimeSpan limit, Stopwatch watch) =>
        limit - watch.Elapsed < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : limit - watch.Elapsed;

    private static (CpSolverStatus Status, CpSolver Solver) Run(RosterModel model, TimeSpan limit)
    {
        // CP-SAT's improving searches (LNS) run on workers of their own: with fewer than eight it barely leaves the hint,
        // so eight share the machine's cores.
        var solver = new CpSolver { StringParameters = Parameters(limit, 8) };
        return (solver.Solve(model.Model), solver);
    }

    private static ScheduleOutcome Outcome(PlanningProblem problem, RosterModel model, (CpSolverStatus Status, CpSolver Solver) run, Stopwatch watch)
    {
        using var solver = run.Solver;
        var roster = model.Read(solver);
        return new ScheduleOutcome(roster, roster.Fit(problem), run.Status == CpSolverStatus.Optimal, watch.Elapsed,
            solver.ObjectiveValue, solver.BestObjectiveBound);
    }

    private static string Parameters(TimeSpan limit, int workers) =>
        $"max_time_in_seconds:{limit.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)} num_workers:{workers} random_seed:17";

    private static ScheduleInfeasibleException Explain(PlanningProblem problem, TimeSpan timeLimit)
    {
        var model = new RosterModel(problem, explain: true);
        model.Model.AddAssumptions(model.Switches.Keys);
        using var solver = new CpSolver { StringParameters = Parameters(timeLimit, 1) };
        var status = solver.Solve(model.Model);
        var byIndex = model.Switches.ToDictionary(s => s.Key.GetIndex(), s => s.Value);
        var core = status == CpSolverStatus.Infeasible
            ? solver.SufficientAssumptionsForInfeasibility().Select(i => byIndex.GetValueOrDefault(i)).OfType<string>().Distinct().ToList()
            : [];
        if (core.Count == 0) core = [.. model.Switches.Values.Distinct()];
        return new ScheduleInfeasibleException($"no roster can keep these rules together: {string.Join("; ", core)}", core);
    }
}
