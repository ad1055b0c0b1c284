using Outbound.Core.Pacing;
using Outbound.Core.Simulation;
using Outbound.Dialer.Simulation;
using Outbound.Testing;

namespace Outbound.Dialer.Tests.Pacing;

/// <summary>
/// The abandon guard on the dialer's own path: the campaign actor, hopper, call actors and simulated agents on a virtual
/// clock against the simulated carrier and PostgreSQL (<see cref="LivePacingBench"/>): a detector whose false positives
/// alone fill the cap is turned off, and every window stays under the cap.
/// </summary>
public sealed class LivePacingGuardSpecs(PgTestDatabase db) : IClassFixture<PgTestDatabase>
{
    /// <summary>The shipped five-agent scenario (answer rate 0.3, 24-hour window), found from the test's folder upwards.</summary>
    private static PacingScenario FiveAgents()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var file = Path.Combine(dir.FullName, "campaigns", "pacing-scenarios.json");
            if (File.Exists(file)) return PacingScenarios.Parse(File.ReadAllText(file)).Single(s => s.Name == "a5-ar30");
        }
        throw new FileNotFoundException("campaigns/pacing-scenarios.json not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public async Task A_detector_whose_false_positives_alone_fill_the_cap_is_turned_off_before_it_hangs_up_on_people()
    {
        var scenario = FiveAgents() with { Name = "a5-ar30-amd-fp3", Hours = 2, AmdFalsePositiveRate = 0.03, CountAmdFalsePositives = true };

        var run = await LivePacingBench.RunAsync(db.DataSource, scenario, PacingStrategies.Predictive);

        Assert.True(run.DetectorOffAt is < 60, $"detector turned off at {run.DetectorOffAt?.ToString() ?? "never"} s");
        Assert.Equal(PacingNoticeKind.DetectorOff, run.Notices[0].Kind);
        Assert.Equal(0, run.AmdFalsePositives);
        Assert.True(run.Row.MaxWindowAbandonRate <= scenario.AbandonCap, $"worst window {run.Row.MaxWindowAbandonRate:P2}");
        Assert.True(run.Row.Connects > 0);
    }
}
