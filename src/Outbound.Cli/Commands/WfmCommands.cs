using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Outbound.Core.Workforce.Planning;
using Outbound.Core.Workforce.Staffing;
using Outbound.Scheduling;

namespace Outbound.Cli.Commands;

/// <summary>
/// <c>wfm erlang</c>: agents needed for a service target in one interval (Erlang C, or Erlang A with
/// <c>--patience-seconds</c>) → <c>{"agents","service_level","asa_seconds","occupancy","wait_probability"}</c>.
/// <c>wfm schedule --demand F</c>: a roster for a demand file with the default shift templates and labour rules
/// → <c>{"fit","stdev","understaffed_intervals","overstaffed_intervals","rule_violations","seconds"}</c>, the
/// violations counted by the independent <see cref="RosterRuleChecker"/>.
/// </summary>
public static class WfmCommands
{
    public static Task<int> ErlangAsync(CliArgs args)
    {
        var calls = Number(args, "calls", 0, 1e7);
        var minutes = Number(args, "interval-minutes", 1, 1440);
        var aht = Number(args, "aht-seconds", 1, 86_400);
        var target = Number(args, "target-seconds", 0, 86_400);
        var level = Number(args, "service-level", 0, 100);
        // 0.8 and 80 both mean 80 %: planners write it either way.
        if (level > 1) level /= 100;
        if (level is <= 0 or >= 1) throw new CliUsageException("--service-level must be above 0 and below 1 (or 100 %)");
        double? patience = args.Optional("patience-seconds") is null ? null : Number(args, "patience-seconds", 1, 86_400);

        var load = new IntervalLoad(calls, TimeSpan.FromMinutes(minutes), TimeSpan.FromSeconds(aht), patience is { } p ? TimeSpan.FromSeconds(p) : null);
        var result = StaffingCalculator.Require(load, new ServiceTarget(level, TimeSpan.FromSeconds(target)), StaffingPolicy.None).OnPhones;
        var asa = result.AverageSpeedOfAnswer == TimeSpan.MaxValue ? (double?)null : Math.Round(result.AverageSpeedOfAnswer.TotalSeconds, 2);
        Console.Error.WriteLine($"wfm erlang: {load.Erlangs:0.##} Erlangs → {result.Agents} agents, service level {result.ServiceLevel:P2}, ASA {asa} s" +
            (patience is null ? " (Erlang C)" : $", abandon {result.AbandonProbability:P2} (Erlang A)"));
        if (args.Flag("json"))
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                agents = result.Agents,
                service_level = Math.Round(result.ServiceLevel, 4),
                asa_seconds = asa,
                occupancy = Math.Round(result.Occupancy, 4),
                wait_probability = Math.Round(result.WaitProbability, 4),
            }));
        return Task.FromResult(0);
    }

    public static Task<int> ScheduleAsync(CliArgs args)
    {
        var file = args.Required("demand");
        var limit = TimeSpan.FromSeconds(Number(args, "time-limit", 1, 3600, fallback: 50));
        var problem = DemandFile.Read(file);
        return Task.FromResult(Run("wfm schedule", problem, limit, args.Flag("json"), greedy: false));
    }

    /// <summary>Solves, checks with the independent checker and prints the contract's figures; 1 when no roster keeps the rules.</summary>
    internal static int Run(string verb, PlanningProblem problem, TimeSpan limit, bool json, bool greedy)
    {
        var watch = Stopwatch.StartNew();
        ScheduleOutcome outcome;
        try
        {
            outcome = RosterSolver.Solve(problem, limit);
        }
        catch (PlanningInputException e)
        {
            throw new CliUsageException(e.Message);
        }
        catch (ScheduleInfeasibleException e)
        {
            Console.Error.WriteLine($"outbound {verb}: {e.Message}");
            return 1;
        }
        var seconds = Math.Round(watch.Elapsed.TotalSeconds, 2);
        var violations = RosterRuleChecker.Check(problem, outcome.Roster);
        foreach (var v in violations.Take(20)) Console.Error.WriteLine($"{verb}: rule broken: {v}");
        var fit = outcome.Fit;
        Console.Error.WriteLine($"{verb}: {problem.Agents.Count} agents, {problem.Days} days: fit {fit.Fit:0.0000}, stdev {fit.StandardDeviation:0.00}, " +
            $"{fit.Understaffed} under / {fit.Overstaffed} over of {fit.Intervals} intervals, {violations.Count} rule violations, {seconds} s" +
            (outcome.Optimal ? " (optimal)" : $" (CP-SAT objective {outcome.Objective:0} against a proven bound of {outcome.Bound:0})"));

        object row = new Dictionary<string, object?>
        {
            ["fit"] = Math.Round(fit.Fit, 4),
            ["stdev"] = Math.Round(fit.StandardDeviation, 4),
            ["understaffed_intervals"] = fit.Understaffed,
            ["overstaffed_intervals"] = fit.Overstaffed,
            ["rule_violations"] = violations.Count,
            ["seconds"] = seconds,
        };
        if (greedy)
        {
            // The yardstick: a hand-style greedy roster on the same demand, in the same run.
            var baseline = GreedyRoster.Build(problem);
            var baselineFit = baseline.Fit(problem);
            var dict = (Dictionary<string, object?>)row;
            dict["agents"] = problem.Agents.Count;
            dict["teams"] = problem.Teams.Count;
            dict["days"] = problem.Days;
            dict["seats"] = problem.Seats;
            dict["greedy_fit"] = Math.Round(baselineFit.Fit, 4);
            dict["greedy_stdev"] = Math.Round(baselineFit.StandardDeviation, 4);
            dict["greedy_rule_violations"] = RosterRuleChecker.Check(problem, baseline).Count;
            Console.Error.WriteLine($"{verb}: greedy roster fit {baselineFit.Fit:0.0000}, stdev {baselineFit.StandardDeviation:0.00}");
        }
        if (json) Console.WriteLine(JsonSerializer.Serialize(row));
        return 0;
    }

    private static double Number(CliArgs args, string name, double min, double max, double? fallback = null)
    {
        var text = fallback is null ? args.Required(name) : args.Optional(name);
        if (text is null) return fallback!.Value;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value) || value < min || value > max)
            throw new CliUsageException($"--{name} must be a number from {min} to {max}");
        return value;
    }
}

/// <summary>
/// The demand file of <c>wfm schedule</c>: <c>{"interval_minutes","start_date","required":[[…per interval…] per day],
/// "agents","seats","teams"}</c>. Agents are split evenly into the teams, the first of each team its leader.
/// </summary>
internal static class DemandFile
{
    private sealed record Json(
        [property: JsonPropertyName("interval_minutes")] int? IntervalMinutes,
        [property: JsonPropertyName("start_date")] string? StartDate,
        [property: JsonPropertyName("required")] int[][]? Required,
        [property: JsonPropertyName("agents")] int? Agents,
        [property: JsonPropertyName("seats")] int? Seats,
        [property: JsonPropertyName("teams")] int? Teams);

    public static PlanningProblem Read(string path)
    {
        if (!File.Exists(path)) throw new CliUsageException($"no demand file {path}");
        Json demand;
        try
        {
            demand = JsonSerializer.Deserialize<Json>(File.ReadAllText(path)) ?? throw new CliUsageException("the demand file is empty");
        }
        catch (JsonException e)
        {
            throw new CliUsageException($"the demand file is not valid JSON of the expected shape{(e.Path is null ? "" : $" at {e.Path}")}: {e.Message.Split('.')[0]}");
        }
        var minutes = demand.IntervalMinutes ?? throw new CliUsageException("the demand file needs interval_minutes");
        if (minutes is < 1 or > 1440) throw new CliUsageException("interval_minutes must be between 1 and 1440");
        if (!DateOnly.TryParseExact(demand.StartDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start))
            throw new CliUsageException("start_date must be a date YYYY-MM-DD");
        var required = demand.Required ?? throw new CliUsageException("the demand file needs required: one array of counts per day");
        if (required.Any(day => day is null)) throw new CliUsageException("every day of required must be an array of counts");
        var agents = demand.Agents ?? throw new CliUsageException("the demand file needs agents");
        var teams = demand.Teams ?? 1;
        if (agents is < 1 or > 100_000) throw new CliUsageException("agents must be between 1 and 100000");
        if (teams < 1 || teams > agents) throw new CliUsageException("teams must be between 1 and the number of agents");
        return new PlanningProblem(start, TimeSpan.FromMinutes(minutes), required.Select(d => (IReadOnlyList<int>)d).ToList(),
            EvenTeams(agents, teams), Enumerable.Range(1, teams).Select(t => $"team {t}").ToList(),
            demand.Seats ?? throw new CliUsageException("the demand file needs seats"), DefaultShifts.All, LabourRules.Default);
    }

    public static List<PlanAgent> EvenTeams(int agents, int teams) =>
        Enumerable.Range(0, agents).Select(a => new PlanAgent($"agent-{a + 1:D4}", $"agent {a + 1}", a % teams, IsLeader: a < teams)).ToList();
}
