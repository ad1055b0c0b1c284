using System.Text.Json;
using Outbound.Cli.Bench;

namespace Outbound.Cli.Commands;

/// <summary><c>bench acd --agents N --decisions D [--json]</c>: ACD agent-selection decision time per strategy.</summary>
public static class BenchAcdCommand
{
    public static Task<int> RunAsync(CliArgs args)
    {
        var agents = args.Int("agents", 500);
        var decisions = args.Int("decisions", 20_000);
        if (agents is < 1 or > 100_000) throw new CliUsageException("--agents must be 1–100000");
        if (decisions is < 100 or > 10_000_000) throw new CliUsageException("--decisions must be 100–10000000");
        var rows = new AcdSelectionBench(agents, decisions).Run();
        if (args.Flag("json"))
            Console.WriteLine(JsonSerializer.Serialize(rows.Select(r => new
            {
                strategy = r.Strategy, agents = r.Agents, decisions = r.Decisions,
                p50_us = r.P50Microseconds, p99_us = r.P99Microseconds, max_us = r.MaxMicroseconds,
            })));
        else
            foreach (var r in rows)
                Console.Error.WriteLine($"{r.Strategy,-28} {r.Agents} agents: p50 {r.P50Microseconds} µs, p99 {r.P99Microseconds} µs, max {r.MaxMicroseconds} µs");
        return Task.FromResult(0);
    }
}
