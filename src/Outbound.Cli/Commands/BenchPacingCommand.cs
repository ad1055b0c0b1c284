using System.Text.Json;
using Outbound.Core.Pacing;
using Outbound.Core.Simulation;

namespace Outbound.Cli.Commands;

/// <summary>
/// <c>bench pacing --scenarios F [--strategy NAME …] [--scenario NAME …] [--json]</c>: runs every
/// scenario through every strategy in the simulator and prints one row per pair. No database.
/// </summary>
public static class BenchPacingCommand
{
    public static Task<int> RunAsync(CliArgs args)
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

        var rows = scenarios
            .SelectMany(s => strategies.Select(name => (Scenario: s, Strategy: name)))
            .AsParallel().AsOrdered()
            .Select(p => PacingSimulator.Run(p.Scenario, PacingStrategies.Create(p.Strategy)).Row)
            .ToList();

        if (args.Flag("json")) Console.WriteLine(JsonSerializer.Serialize(rows));
        else
        {
            Console.WriteLine($"{"scenario",-28} {"strategy",-12} {"agents",6} {"util",7} {"ideal",7} {"ratio",7} {"aband",8} {"maxwin",8} {"calls",7} {"conn",6} {"viol",4}");
            foreach (var r in rows)
                Console.WriteLine($"{r.Scenario,-28} {r.Strategy,-12} {r.Agents,6} {r.Utilization,7:F4} {r.Ideal,7:F4} {r.RatioToIdeal,7:F4} {r.AbandonRate,8:F5} {r.MaxWindowAbandonRate,8:F5} {r.Calls,7} {r.Connects,6} {r.Violations,4}");
        }
        return Task.FromResult(0);
    }
}
