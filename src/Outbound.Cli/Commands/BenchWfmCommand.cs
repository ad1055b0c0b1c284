using Outbound.Core.Workforce.Planning;

namespace Outbound.Cli.Commands;

/// <summary>
/// <c>bench wfm [--agents 200] [--teams 8] [--days 28] [--seats 160] [--calls-per-day 9500] [--time-limit 55] --json</c>:
/// schedules a month of 30-minute intervals for a hotline with a morning and an evening peak (requirement from
/// Erlang C at 80/20, 300 s AHT) through the product's own <see cref="Outbound.Scheduling.RosterSolver"/>, and in
/// the same run builds the greedy roster on the same demand → <c>{"fit","stdev","understaffed_intervals",
/// "overstaffed_intervals","rule_violations","seconds","agents","teams","days","seats","greedy_fit","greedy_stdev",
/// "greedy_rule_violations"}</c>.
/// </summary>
public static class BenchWfmCommand
{
    public static Task<int> RunAsync(CliArgs args)
    {
        var agents = args.Int("agents", 200);
        var teams = args.Int("teams", 8);
        var days = args.Int("days", 28);
        var seats = args.Int("seats", 160);
        var calls = args.Int("calls-per-day", 9500);
        var limit = args.Int("time-limit", 55);
        if (agents is < 1 or > 5000 || teams < 1 || teams > agents) throw new CliUsageException("--agents must be 1–5000 and --teams 1–agents");
        if (days is < 7 or > PlanningProblemValidator.MaxDays || seats < 1 || calls < 0 || limit < 1) throw new CliUsageException($"--days must be 7–{PlanningProblemValidator.MaxDays}, --seats and --time-limit at least 1");

        var start = new DateOnly(2027, 3, 1);
        var interval = TimeSpan.FromMinutes(30);
        var required = SyntheticDemand.Required(start, days, interval, calls, TimeSpan.FromSeconds(300));
        var problem = new PlanningProblem(start, interval, required, DemandFile.EvenTeams(agents, teams),
            Enumerable.Range(1, teams).Select(t => $"team {t}").ToList(), seats, DefaultShifts.All, LabourRules.Default);
        Console.Error.WriteLine($"bench wfm: {required.Sum(d => d.Sum())} agent-intervals required, peak {required.Max(d => d.Max())}");
        return Task.FromResult(WfmCommands.Run("bench wfm", problem, TimeSpan.FromSeconds(limit), args.Flag("json"), greedy: true));
    }
}
