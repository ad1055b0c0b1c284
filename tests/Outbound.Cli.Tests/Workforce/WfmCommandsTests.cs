using System.Text.Json;
using Outbound.Cli.Tests.Support;

namespace Outbound.Cli.Tests.Workforce;

/// <summary><c>outbound wfm erlang</c> and <c>wfm schedule</c> run as processes, without any database (DESIGN.md contracts).</summary>
public sealed class WfmCommandsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("wfm-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Erlang_c_prints_the_golden_vector_with_design_md_fields()
    {
        var (exit, stdout, _) = await CliProcess.RunAsync(null, "wfm", "erlang", "--calls", "100", "--interval-minutes", "30",
            "--aht-seconds", "180", "--target-seconds", "20", "--service-level", "0.8", "--json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(stdout);
        var row = json.RootElement;
        Assert.Equal(["agents", "service_level", "asa_seconds", "occupancy", "wait_probability"], row.EnumerateObject().Select(p => p.Name));
        Assert.Equal(14, row.GetProperty("agents").GetInt32());
        Assert.Equal(0.8884, row.GetProperty("service_level").GetDouble());
        Assert.Equal(0.1741, row.GetProperty("wait_probability").GetDouble());
        Assert.Equal(7.8, row.GetProperty("asa_seconds").GetDouble(), 1);
    }

    [Fact]
    public async Task Patience_switches_to_erlang_a_which_needs_fewer_agents()
    {
        var (exit, stdout, stderr) = await CliProcess.RunAsync(null, "wfm", "erlang", "--calls", "100", "--interval-minutes", "30",
            "--aht-seconds", "180", "--target-seconds", "20", "--service-level", "80", "--patience-seconds", "60", "--json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(stdout);
        Assert.InRange(json.RootElement.GetProperty("agents").GetInt32(), 10, 13);
        Assert.True(json.RootElement.GetProperty("service_level").GetDouble() >= 0.8);
        Assert.Contains("Erlang A", stderr);
    }

    [Fact]
    public async Task A_missing_or_bad_erlang_option_is_named()
    {
        var (exit, stdout, stderr) = await CliProcess.RunAsync(null, "wfm", "erlang", "--calls", "-5", "--interval-minutes", "30",
            "--aht-seconds", "180", "--target-seconds", "20", "--service-level", "0.8", "--json");

        Assert.Equal(2, exit);
        Assert.Empty(stdout);
        Assert.Contains("--calls must be a number from 0", stderr);
    }

    private string Demand(Func<int, int, int> required, int days = 7, int agents = 16, int seats = 14, int teams = 2, int intervals = 48)
    {
        var rows = Enumerable.Range(0, days).Select(d => Enumerable.Range(0, intervals).Select(i => required(d, i)).ToArray()).ToArray();
        var file = Path.Combine(_folder, "demand.json");
        File.WriteAllText(file, JsonSerializer.Serialize(new { interval_minutes = 30, start_date = "2027-03-01", required = rows, agents, seats, teams }));
        return file;
    }

    /// <summary>Day and evening need, quiet nights.</summary>
    private static int TwoPeaks(int day, int interval) => interval switch { >= 18 and < 24 => 8, >= 38 and < 42 => 7, >= 14 and < 44 => 4, _ => 1 };

    [Fact]
    public async Task Schedule_prints_fit_and_zero_rule_violations_with_design_md_fields()
    {
        var (exit, stdout, stderr) = await CliProcess.RunAsync(null, "wfm", "schedule", "--demand", Demand(TwoPeaks), "--time-limit", "10", "--json");

        Assert.True(exit == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var row = json.RootElement;
        Assert.Equal(["fit", "stdev", "understaffed_intervals", "overstaffed_intervals", "rule_violations", "seconds"], row.EnumerateObject().Select(p => p.Name));
        Assert.Equal(0, row.GetProperty("rule_violations").GetInt32());
        Assert.InRange(row.GetProperty("fit").GetDouble(), 0.3, 1);
        Assert.InRange(row.GetProperty("seconds").GetDouble(), 0, 60);
    }

    [Fact]
    public async Task A_negative_count_is_refused_naming_the_day_and_interval()
    {
        var (exit, stdout, stderr) = await CliProcess.RunAsync(null, "wfm", "schedule", "--demand", Demand((d, i) => d == 1 && i == 3 ? -2 : 1), "--json");

        Assert.Equal(2, exit);
        Assert.Empty(stdout);
        Assert.Contains("day 2 (2027-03-02) 01:30 requires -2 agents", stderr);
    }

    [Fact]
    public async Task A_day_of_the_wrong_length_is_refused()
    {
        var (exit, _, stderr) = await CliProcess.RunAsync(null, "wfm", "schedule", "--demand", Demand((_, _) => 1, intervals: 47), "--json");

        Assert.Equal(2, exit);
        Assert.Contains("has 47 intervals; a day of 30-minute intervals has 48", stderr);
    }

    [Fact]
    public async Task More_required_than_seats_is_refused_naming_the_interval()
    {
        var (exit, _, stderr) = await CliProcess.RunAsync(null, "wfm", "schedule", "--demand", Demand((d, i) => d == 0 && i == 20 ? 15 : 1), "--json");

        Assert.Equal(2, exit);
        Assert.Contains("day 1 (2027-03-01) 10:00 requires 15 agents but there are only 14 seats", stderr);
    }

    [Fact]
    public async Task Rules_no_roster_can_keep_are_explained_not_hung_on()
    {
        // Sixteen agents owed a month's minimum hours cannot all work from one seat.
        var (exit, stdout, stderr) = await CliProcess.RunAsync(null, "wfm", "schedule", "--demand", Demand((_, _) => 1, days: 28, seats: 1), "--time-limit", "20", "--json");

        Assert.Equal(1, exit);
        Assert.Empty(stdout);
        Assert.Contains("no roster can keep these rules together", stderr);
        Assert.Contains("seats", stderr);
    }

    [Fact]
    public async Task Malformed_demand_json_is_a_clear_error()
    {
        var file = Path.Combine(_folder, "bad.json");
        File.WriteAllText(file, """{"interval_minutes":30,"start_date":"2027-03-01","required":[[1,"x"]],"agents":4,"seats":4}""");

        var (exit, _, stderr) = await CliProcess.RunAsync(null, "wfm", "schedule", "--demand", file, "--json");

        Assert.Equal(2, exit);
        Assert.Contains("the demand file is not valid JSON of the expected shape at $.required", stderr);
    }
}
