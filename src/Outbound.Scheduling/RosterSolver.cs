using System.Diagnostics;
using Google.OrTools.Sat;
using Outbound.Core.Workforce.Planning;

namespace Outbound.Scheduling;

/// <summary>What the solver made: the roster, its fit against the requirement, and whether it is proven best.</summary>
public sealed record ScheduleOutcome(PlannedRoster Roster, ScheduleFit Fit, bool Optimal, TimeSpan Elapsed);

/// <summary>No roster keeps every rule; <see cref="Rules"/> names the rules that together make it impossible.</summary>
public sealed class ScheduleInfeasibleException(string message, IReadOnlyList<string> rules) : Exception(message)
{
    public IReadOnlyList<string> Rules { get; } = rules;
}

/// <summary>
/// Builds a month's roster: the teams' weekly shifts by <see cref="TeamShiftPlanner"/>, then the agents' days and
/// meals with Google OR-Tools CP-SAT (<see cref="RosterModel"/>) from the greedy roster on those shifts as a
/// starting hint, within a time limit: the best roster found by then is returned with its fit. When no roster
/// can keep the rules, the model is solved again with each rule switched by an assumption literal, and CP-SAT's
/// sufficient set of assumptions is reported as the rules (and agents) that clash.
/// </summary>
public static class RosterSolver
{
    public static ScheduleOutcome Solve(PlanningProblem problem, TimeSpan timeLimit, int? workers = null)
    {
        PlanningProblemValidator.Validate(problem);
        var watch = Stopwatch.StartNew();
        // CP-SAT's improving searches (LNS) run on workers of their own: with fewer than eight it barely leaves the hint.
        var threads = workers ?? 8;
        var teamShifts = TeamShiftPlanner.Plan(problem);
        var hint = GreedyRoster.Build(problem, teamShifts);
        var model = new RosterModel(problem, explain: false, teamShifts);
        model.Hint(hint);
        var remaining = timeLimit - watch.Elapsed;
        using var solver = new CpSolver { StringParameters = Parameters(remaining < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : remaining, threads) };
        var status = solver.Solve(model.Model);
        if (Environment.GetEnvironmentVariable("OUTBOUND_CPSAT_DEBUG") is not null)
            Console.Error.WriteLine($"cp-sat {status} objective {solver.ObjectiveValue} bound {solver.BestObjectiveBound} in {solver.WallTime()} s");
        switch (status)
        {
            case CpSolverStatus.Optimal or CpSolverStatus.Feasible:
                var roster = model.Read(solver);
                return new ScheduleOutcome(roster, roster.Fit(problem), status == CpSolverStatus.Optimal, watch.Elapsed);
            case CpSolverStatus.Infeasible:
                throw Explain(problem, teamShifts, timeLimit);
            case CpSolverStatus.ModelInvalid:
                throw new InvalidOperationException($"the roster model is invalid: {model.Model.Validate()}");
            default:
                throw new ScheduleInfeasibleException(
                    $"no roster keeping every rule was found within {timeLimit.TotalSeconds:0} s; allow more time or relax the rules", []);
        }
    }

    private static string Parameters(TimeSpan limit, int workers) =>
        $"max_time_in_seconds:{limit.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)} num_workers:{workers} random_seed:17";

    private static ScheduleInfeasibleException Explain(PlanningProblem problem, int[,] teamShifts, TimeSpan timeLimit)
    {
        var model = new RosterModel(problem, explain: true, teamShifts);
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
