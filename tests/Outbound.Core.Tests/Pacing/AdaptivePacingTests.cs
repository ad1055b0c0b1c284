using Outbound.Core.Pacing;
using static Outbound.Core.Tests.Pacing.Snapshots;

namespace Outbound.Core.Tests.Pacing;

public sealed class AdaptivePacingTests
{
    private static readonly AdaptiveOptions Options = new() { InitialLevel = 1, MaxLevel = 3, Step = 0.25, Period = TimeSpan.FromSeconds(15) };

    /// <summary>Feeds the same situation every <paramref name="everySeconds"/> and returns the levels seen.</summary>
    private static List<double> Levels(Func<double, PacingSnapshot> at, int decisions, double everySeconds = 15, PacingState? start = null)
    {
        var adaptive = new AdaptivePacing(Options);
        var state = start ?? adaptive.InitialState;
        var levels = new List<double>();
        for (var i = 0; i < decisions; i++)
        {
            (_, state) = adaptive.Decide(at(i * everySeconds), state);
            levels.Add(state.DialLevel);
        }
        return levels;
    }

    [Fact]
    public void Level_drifts_up_while_agents_wait_and_drops_stay_low_but_never_passes_the_maximum()
    {
        var levels = Levels(t => Make(ready: 5, busy: Talking(5, 60), connected: 400, abandoned: 2, secondsAfterStart: t), decisions: 40);

        Assert.True(levels[5] > levels[0]);
        Assert.Equal(3.0, levels[^1]);
        Assert.All(levels, l => Assert.InRange(l, 1.0, 3.0));
    }

    [Fact]
    public void Level_drifts_down_while_callers_wait_for_agents_but_never_below_one()
    {
        var levels = Levels(t => Make(ready: 0, busy: Talking(10, 60), waiting: 2, connected: 400, abandoned: 2, secondsAfterStart: t),
            decisions: 30, start: new PacingState(2.5, Start));

        Assert.True(levels[3] < 2.5);
        Assert.Equal(1.0, levels[^1]);
        Assert.All(levels, l => Assert.InRange(l, 1.0, 3.0));
    }

    [Fact]
    public void Level_falls_to_one_at_once_when_the_rolling_drop_rate_reaches_the_cap()
    {
        var adaptive = new AdaptivePacing(Options);
        var before = new PacingState(2.75, Start);

        var (decision, after) = adaptive.Decide(Make(ready: 5, connected: 97, abandoned: 3, secondsAfterStart: 15), before);

        Assert.Equal(1.0, after.DialLevel);
        Assert.Equal(5, decision.Lines); // level 1 is progressive
    }

    [Fact]
    public void Level_is_recomputed_once_per_period_only()
    {
        var levels = Levels(t => Make(ready: 5, busy: Talking(5, 60), connected: 400, secondsAfterStart: t), decisions: 31, everySeconds: 1);

        // First decision only starts the clock; then one step at 15 s and one at 30 s.
        Assert.Equal([1.0, 1.25, 1.5], levels.Distinct());
        Assert.Equal(1.25, levels[15]);
        Assert.Equal(1.25, levels[29]);
    }

    [Fact]
    public void Lines_follow_the_level_times_ready_and_talking_agents_less_calls_in_progress()
    {
        var adaptive = new AdaptivePacing(Options);
        var state = new PacingState(2.0, Start);

        var (decision, _) = adaptive.Decide(Make(ready: 2, busy: Talking(4, 60).Concat(Wrapping(3, 5)), ringingSeconds: [1, 2, 3], secondsAfterStart: 1), state);

        Assert.Equal((int)(2.0 * (2 + 4)) - 3 - 4, decision.Lines);
    }
}
