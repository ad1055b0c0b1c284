using System.Text.Json;
using Outbound.Core.Pacing;
using Outbound.Core.Simulation;
using Outbound.Dialer.Simulation;

namespace Outbound.Cli.Commands;

/// <summary>
/// <c>bench pacing --scenarios F [--live | --both] [--strategy NAME …] [--scenario NAME …] [--parallel N] [--json]</c>:
/// runs every scenario through every strategy and prints one row per pair, each marked with its mode. The reference
/// simulator needs no database; <c>--live</c> runs the dialer's own campaign, hopper, call and agent-session actors
/// on a virtual clock against PostgreSQL (<see cref="LivePacingBench"/>); <c>--both</c> prints the simulator's rows, then
/// the live ones.
/// </summary>
public static class BenchPacingCommand
{
    public static async Task<int> RunAsync(CliArgs args)
    {
        var path = args.Required("scenarios");
        if (!File.Exists(path)) throw new CliUsageException($"scenario file '{path}' does not exist");
        IReadOnlyList<PacingScenario> scenarios;
        try
        {
            scenarios = PacingScenarios.Parse(File.ReadAllText(path));
        }
        catch (PacingScenarioException e)
        {
            throw new CliUsageException($"{path}: {e.Message}");
        }
        var onlyScenarios = args.All("scenario");
        if (onlyScenarios.Count > 0) scenarios = scenarios.Where(s => onlyScenarios.Contains(s.Name)).ToList();
        var strategies = args.All("strategy") is { Count: > 0 } named ? named : PacingStrategies.Names;
        foreach (var name in strategies)
            if (!PacingStrategies.Names.Contains(name)) throw new CliUsageException($"unknown strategy '{name}'; known: {string.Join(", ", PacingStrategies.Names)}");
        var live = args.Flag("live") || args.Flag("both");
        var parallel = args.Int("parallel", Environment.ProcessorCount);
        if (parallel is < 1 or > 64) throw new CliUsageException("--parallel must be 1–64");
        var pairs = scenarios.SelectMany(s => strategies.Select(name => (Scenario: s, Strategy: name))).ToList();

        var rows = new List<PacingResultRow>();
        if (!args.Flag("live"))
            rows.AddRange(pairs.AsParallel().AsOrdered().WithDegreeOfParallelism(parallel)
                .Select(p => PacingSimulator.Run(p.Scenario, PacingStrategies.Create(p.Strategy)).Row));
        if (live) rows.AddRange(await LiveRowsAsync(pairs, parallel));

        if (args.Flag("json")) Console.WriteLine(JsonSerializer.Serialize(rows));
        else
        {
            Console.WriteLine($"{"scenario",-28} {"strategy",-12} {"mode",-4} {"agents",6} {"util",7} {"ideal",7} {"ratio",7} {"aband",8} {"maxwin",8} {"calls",7} {"conn",6} {"viol",4}");
            foreach (var r in rows)
                Console.WriteLine($"{r.Scenario,-28} {r.Strategy,-12} {r.Mode,-4} {r.Agents,6} {r.Utilization,7:F4} {r.Ideal,7:F4} {r.RatioToIdeal,7:F4} {r.AbandonRate,8:F5} {r.MaxWindowAbandonRate,8:F5} {r.Calls,7} {r.Connects,6} {r.Violations,4}");
        }
        return 0;
    }

    /// <summary>The live rows, <paramref name="parallel"/> shifts at a time; the actors' logs go to stderr, never into the JSON.</summary>
    private static async Task<IReadOnlyList<PacingResultRow>> LiveRowsAsync(IReadOnlyList<(PacingScenario Scenario, string Strategy)> pairs, int parallel)
    {
        await using var db = CliDatabase.Open();
        var stdout = Console.Out;
        Console.SetOut(Console.Error);
        try
        {
            var rows = new PacingResultRow[pairs.Count];
            await Parallel.ForEachAsync(Enumerable.Range(0, pairs.Count), new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (i, ct) =>
            {
                var (scenario, strategy) = pairs[i];
                var watch = System.Diagnostics.Stopwatch.StartNew();
                try
                {
                    rows[i] = (await LivePacingBench.RunAsync(db, scenario, strategy, ct)).Row;
                }
                catch (PacingScenarioException e)
                {
                    throw new CliUsageException(e.Message);
                }
                Console.Error.WriteLine($"bench pacing --live: {scenario.Name} {strategy} in {watch.Elapsed.TotalSeconds:F1} s");
            });
            return rows;
        }
        finally
        {
            Console.SetOut(stdout);
        }
    }
}
