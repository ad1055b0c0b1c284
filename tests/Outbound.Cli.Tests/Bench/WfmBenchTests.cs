using System.Text.Json;
using Outbound.Cli.Tests.Support;

namespace Outbound.Cli.Tests.Bench;

/// <summary><c>outbound bench wfm</c> on a small floor: the figures come from the product's solver and a greedy roster in one run.</summary>
public sealed class WfmBenchTests
{
    [Fact]
    public async Task Reports_the_solver_fit_beside_the_greedy_fit_with_no_rule_broken()
    {
        var (exit, stdout, stderr) = await CliProcess.RunAsync(null, "bench", "wfm", "--agents", "24", "--teams", "3", "--days", "14",
            "--seats", "20", "--calls-per-day", "1000", "--time-limit", "8", "--json");

        Assert.True(exit == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var row = json.RootElement;
        Assert.Equal(["fit", "stdev", "understaffed_intervals", "overstaffed_intervals", "rule_violations", "seconds", "agents", "teams", "days",
            "seats", "greedy_fit", "greedy_stdev", "greedy_rule_violations"], row.EnumerateObject().Select(p => p.Name));
        Assert.Equal(0, row.GetProperty("rule_violations").GetInt32());
        Assert.Equal(24, row.GetProperty("agents").GetInt32());
        Assert.InRange(row.GetProperty("fit").GetDouble(), 0.01, 1);
        Assert.InRange(row.GetProperty("greedy_fit").GetDouble(), 0, 1);
    }
}
