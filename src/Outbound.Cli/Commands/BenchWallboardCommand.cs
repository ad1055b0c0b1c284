using System.Text.Json;
using Outbound.Cli.Bench;

namespace Outbound.Cli.Commands;

/// <summary>
/// <c>bench wallboard --agents N [--rounds R] [--round-seconds S] [--json]</c>: time from an agent's state change in its
/// session actor to the supervisor wallboard's SignalR client receiving it → <c>{"agents","updates","p50_ms","p99_ms"}</c>.
/// </summary>
public static class BenchWallboardCommand
{
    public static async Task<int> RunAsync(CliArgs args)
    {
        var agents = args.Int("agents", 500);
        var rounds = args.Int("rounds", 6);
        var roundSeconds = args.Int("round-seconds", 2);
        if (agents is < 1 or > 5000) throw new CliUsageException("--agents must be 1–5000");
        if (rounds is < 1 or > 100) throw new CliUsageException("--rounds must be 1–100");
        if (roundSeconds is < 1 or > 60) throw new CliUsageException("--round-seconds must be 1–60");
        // The in-process host's actor system logs to stdout: keep stdout for the one JSON object.
        var stdout = Console.Out;
        Console.SetOut(Console.Error);
        WallboardBench.Result result;
        try { result = await new WallboardBench(CliDatabase.ConnectionString, agents, rounds, TimeSpan.FromSeconds(roundSeconds)).RunAsync(); }
        finally { Console.SetOut(stdout); }
        if (args.Flag("json"))
            Console.WriteLine(JsonSerializer.Serialize(new { agents = result.Agents, updates = result.Updates, p50_ms = result.P50Milliseconds, p99_ms = result.P99Milliseconds }));
        else
            Console.Error.WriteLine($"{result.Agents} agents, {result.Updates}/{result.Expected} updates: p50 {result.P50Milliseconds} ms, p99 {result.P99Milliseconds} ms, max {result.MaxMilliseconds} ms");
        return 0;
    }
}
