using Outbound.Core.Pacing;
using Outbound.Core.Simulation;
using Outbound.Core.Tests.Simulation;
using Outbound.Dialer.Simulation;
using Outbound.Testing;

namespace Outbound.Dialer.Tests.Pacing;

/// <summary>
/// The abandon guard on the dialer's own path: the campaign actor, hopper, call actors and simulated agents on a virtual
/// clock against the simulated carrier and PostgreSQL (<see cref="LivePacingBench"/>): a detector whose false positives
/// alone fill the cap is turned off, a team too small to absorb its false positives gets its machines, and every window
/// stays under the cap.
/// </summary>
public sealed class LivePacingGuardSpecs(PgTestDatabase db) : IClassFixture<PgTestDatabase>
{
    /// <summary>The shipped five-agent scenario (answer rate 0.3, 24-hour window).</summary>
    private static PacingScenario FiveAgents() => Scenarios.Shipped().Single(s => s.Name == "a5-ar30");

    [Fact]
    public async Task A_small_team_with_an_hours_window_sends_machines_to_its_agents_and_no_window_goes_over_the_cap()
    {
        // Five agents fill an hour's window with about sixty live calls: two false positives of a 0.5 % detector in one
        // hour would already break a 3 % cap, so the small team's machines go to its agents instead.
        var scenario = FiveAgents() with { Name = "a5-ar30-window-1h-4h", AbandonWindowHours = 1, Hours = 4 };

        var run = await LivePacingBench.RunAsync(db.DataSource, scenario, PacingStrategies.Predictive);

        Assert.True(run.Row.MaxWindowAbandonRate <= scenario.AbandonCap, $"worst window {run.Row.MaxWindowAbandonRate:P2}: {run.Row}");
        Assert.Equal(0, run.AmdFalsePositives);
        Assert.Equal(0, run.Row.Violations);
        Assert.True(run.Row.Connects > 200, $"{run.Row}");
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
