using System.Text.Json;

using Outbound.Cli.Tests.Support;

namespace Outbound.Cli.Tests.Commands;

/// <summary><c>outbound bench pacing</c> run as a process, without any database.</summary>
public sealed class BenchPacingCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("bench-pacing-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private const string TwoScenarios = """
        [
          {"name":"small","seed":1,"agents":3,"hours":0.5,"answer_rate":0.3,"machine_rate":0.1,"busy_rate":0.08,
           "ring_seconds":{"min":5,"max":15},"no_answer_seconds":30,"talk_seconds":{"mean":180,"sd":110},
           "wrap_seconds":25,"abandon_cap":0.03,"abandon_window_hours":24,"connect_within_seconds":2,
           "amd_false_positive_rate":0.005},
          {"name":"dry","seed":2,"agents":5,"hours":0.5,"answer_rate":0.5,"machine_rate":0.1,"busy_rate":0.08,
           "ring_seconds":{"min":5,"max":15},"no_answer_seconds":30,"talk_seconds":{"mean":180,"sd":110},
           "wrap_seconds":25,"abandon_cap":0.03,"abandon_window_hours":24,"connect_within_seconds":2,
           "amd_false_positive_rate":0.005,"leads":40}
        ]
        """;

    [Fact]
    public void Prints_one_json_row_per_scenario_and_strategy_with_design_md_fields()
    {
        var file = Path.Combine(_folder, "scenarios.json");
        File.WriteAllText(file, TwoScenarios);

        var (exit, stdout, _) = Run("bench", "pacing", "--scenarios", file, "--json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(stdout);
        var rows = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(8, rows.Count);
        // DESIGN.md's row, with the "mode" every row carries (sim here; live with --live).
        string[] fields = ["scenario", "strategy", "mode", "agents", "utilization", "ideal", "ratio_to_ideal", "abandon_rate",
            "max_window_abandon_rate", "calls", "connects", "talk_minutes_per_agent_hour", "violations"];
        Assert.All(rows, r => Assert.Equal(fields, r.EnumerateObject().Select(p => p.Name)));
        Assert.All(rows, r => Assert.Equal("sim", r.GetProperty("mode").GetString()));
        Assert.Equal(["progressive", "ratio", "adaptive", "predictive"], rows.Take(4).Select(r => r.GetProperty("strategy").GetString()));
        Assert.All(rows.Where(r => r.GetProperty("scenario").GetString() == "dry"), r => Assert.Equal(40, r.GetProperty("calls").GetInt32()));
    }

    [Fact]
    public void A_bad_scenario_file_gives_a_clear_error_and_no_output()
    {
        var file = Path.Combine(_folder, "bad.json");
        File.WriteAllText(file, TwoScenarios.Replace("\"agents\":3", "\"agents\":0"));

        var (exit, stdout, stderr) = Run("bench", "pacing", "--scenarios", file, "--json");

        Assert.Equal(2, exit);
        Assert.Equal("", stdout.Trim());
        Assert.Contains("'small'", stderr);
        Assert.Contains("agents must be at least 1", stderr);
    }

    private static (int Exit, string Stdout, string Stderr) Run(params string[] args) => CliProcess.RunAsync(null, args).GetAwaiter().GetResult();
}
