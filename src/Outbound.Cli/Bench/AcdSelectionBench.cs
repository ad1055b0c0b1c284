using System.Diagnostics;
using Outbound.Core.Acd;

namespace Outbound.Cli.Bench;

/// <summary>Times <see cref="AgentSelector.Select"/> over many agents with skills in three tiers, per strategy.</summary>
public sealed class AcdSelectionBench(int agents, int decisions, int seed = 7)
{
    public sealed record Row(string Strategy, int Agents, int Decisions, double P50Microseconds, double P99Microseconds, double MaxMicroseconds);

    public IReadOnlyList<Row> Run()
    {
        var random = new Random(seed);
        var now = new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
        var pool = Enumerable.Range(0, agents).Select(i => new AcdAgent($"a{i}", i, random.NextDouble() < 0.3,
            now.AddSeconds(-random.Next(600)), random.NextDouble() < 0.1 ? now.AddSeconds(5) : null, TimeSpan.FromSeconds(random.Next(7200)),
            random.Next(80), new Dictionary<string, int> { ["billing"] = 1 + i % 3, ["outage"] = 1 + (i + 1) % 3 })).ToList();
        var rows = new List<Row>();
        foreach (var strategy in Enum.GetValues<RoutingStrategy>())
        {
            var policy = new QueuePolicy { Strategy = strategy };
            var state = SelectionState.Initial;
            var times = new double[decisions];
            for (var i = 0; i < decisions + 1000; i++)
            {
                var caller = new AcdCaller($"c{i}", now.AddSeconds(-random.Next(90)), random.Next(3), i % 2 == 0 ? "billing" : "outage");
                var started = Stopwatch.GetTimestamp();
                var selection = AgentSelector.Select(policy, caller, pool, now, state, random);
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
                state = selection.State;
                if (i >= 1000) times[i - 1000] = elapsed; // the first thousand warm up the JIT
            }
            Array.Sort(times);
            rows.Add(new Row(strategy.Code(), agents, decisions, Math.Round(times[decisions / 2], 2),
                Math.Round(times[(int)(decisions * 0.99)], 2), Math.Round(times[^1], 2)));
        }
        return rows;
    }
}
