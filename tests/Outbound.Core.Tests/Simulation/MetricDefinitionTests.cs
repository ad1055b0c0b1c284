using Outbound.Core.Pacing;
using Outbound.Core.Simulation;

namespace Outbound.Core.Tests.Simulation;

/// <summary>DESIGN.md's metric definitions, checked against runs worked out by hand.</summary>
public sealed class MetricDefinitionTests
{
    [Fact]
    public void Progressive_on_the_tiny_scenario_gives_the_hand_computed_row()
    {
        // Dials at 0, 90, 180, 270; answered 10 s later; 60 s talk each (the last ends at 340 < 360);
        // 20 s wrap; the fifth dial would be at 360, the end of the shift.
        var run = PacingSimulator.Run(Scenarios.Tiny(), PacingStrategies.Create("progressive"));
        var row = run.Row;

        Assert.Equal(4, row.Calls);
        Assert.Equal(4, row.Connects);
        Assert.Equal(240, run.TalkSeconds, 6);
        Assert.Equal(240.0 / 360, row.Utilization, 4);
        Assert.Equal(60.0 / 80, row.Ideal, 4);
        Assert.Equal(240.0 / 360 / 0.75, row.RatioToIdeal, 3);
        Assert.Equal(0, row.AbandonRate);
        Assert.Equal(4.0 / 0.1, row.TalkMinutesPerAgentHour, 3);
        Assert.Equal(0, row.Violations);
    }

    [Fact]
    public void A_second_caller_with_no_agent_hears_the_message_and_counts_as_abandoned()
    {
        // Ratio 2 dials two lines per free agent: both answer at once, one is connected, the other
        // waits the 2 s connect window, hears the information message and is abandoned. Four rounds.
        var run = PacingSimulator.Run(Scenarios.Tiny(), new RatioPacing(new RatioOptions { LinesPerReadyAgent = 2 }));

        Assert.Equal(8, run.Row.Calls);
        Assert.Equal(4, run.Row.Connects);
        Assert.Equal(4, run.Abandoned);
        Assert.Equal(4, run.InformationMessages);
        Assert.Equal(0.5, run.Row.AbandonRate);
        Assert.Equal(240.0 / 360, run.Row.Utilization, 4);
    }

    [Fact]
    public void Humans_hung_up_on_as_machines_count_as_abandoned()
    {
        // No detector checks: every machine verdict is hung up on.
        var noChecks = new GuardOptions { DetectorCheckShare = 0, DetectorCheckShareInDoubt = 0 };
        var run = PacingSimulator.Run(Scenarios.Tiny(amdFalsePositiveRate: 1.0), PacingStrategies.Create("progressive"), noChecks);

        // A new dial every 10 s (the agent stays free); the last, at 350 s, is still ringing at the end.
        Assert.Equal(0, run.Row.Connects);
        Assert.Equal(36, run.Row.Calls);
        Assert.Equal(35, run.AmdFalsePositives);
        Assert.Equal(run.AmdFalsePositives, run.Abandoned);
        Assert.Equal(0, run.InformationMessages);
        Assert.Equal(1.0, run.Row.AbandonRate);
        Assert.Equal(0, run.Row.Utilization);
    }

    [Fact]
    public void Humans_the_detector_check_puts_through_count_as_connected_and_only_those_hung_up_on_as_abandoned()
    {
        // The detector takes every human for a machine; the checks put a share of its verdicts through to the agent.
        var run = PacingSimulator.Run(Scenarios.Tiny(amdFalsePositiveRate: 1.0), PacingStrategies.Create("progressive"));

        Assert.InRange(run.Row.Connects, 1, run.Row.Calls - 1);
        Assert.True(run.AmdFalsePositives > 0);
        Assert.Equal(run.AmdFalsePositives, run.Abandoned);
        Assert.Equal(Math.Round((double)run.Abandoned / (run.Abandoned + run.Row.Connects), 5), run.Row.AbandonRate);
    }

    [Fact]
    public void The_worst_rolling_window_is_found_among_windows_inside_the_shift()
    {
        var ledger = SevenCalls(windowSeconds: 100);

        Assert.Equal(1.0 / 7, ledger.Rate, 9);
        // (20, 120] holds 60, 110 and the abandon at 120; no full window does worse.
        Assert.Equal(1.0 / 3, ledger.MaxWindowRate(end: 300), 9);
        // A window as long as the shift is the shift.
        Assert.Equal(1.0 / 7, SevenCalls(windowSeconds: 300).MaxWindowRate(end: 300), 9);
    }

    [Fact]
    public void Trailing_counts_cover_the_last_window_only()
    {
        var ledger = new AbandonLedger(windowSeconds: 100);
        foreach (var t in new[] { 10.0, 60, 110 }) ledger.Record(t, abandoned: false);
        ledger.Record(120, abandoned: true);

        Assert.Equal((1, 2), ledger.Trailing(now: 125));

        foreach (var t in new[] { 160.0, 210, 260 }) ledger.Record(t, abandoned: false);

        Assert.Equal((0, 2), ledger.Trailing(now: 260));
    }

    /// <summary>Connects at 10, 60, 110, 160, 210, 260 s and one abandon at 120 s.</summary>
    private static AbandonLedger SevenCalls(double windowSeconds)
    {
        var ledger = new AbandonLedger(windowSeconds);
        foreach (var t in new[] { 10.0, 60, 110 }) ledger.Record(t, abandoned: false);
        ledger.Record(120, abandoned: true);
        foreach (var t in new[] { 160.0, 210, 260 }) ledger.Record(t, abandoned: false);
        return ledger;
    }
}
