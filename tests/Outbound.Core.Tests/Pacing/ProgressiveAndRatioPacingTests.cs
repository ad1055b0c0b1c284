using Outbound.Core.Pacing;
using static Outbound.Core.Tests.Pacing.Snapshots;

namespace Outbound.Core.Tests.Pacing;

public sealed class ProgressiveAndRatioPacingTests
{
    [Fact]
    public void Progressive_dials_one_line_per_ready_agent()
    {
        var decision = Decide("progressive", Make(ready: 3, busy: Wrapping(4, 24)));

        Assert.Equal(3, decision.Lines);
        Assert.Equal(1.0, decision.DialLevel);
        Assert.Equal(PacingReason.ReadyAgents, decision.Reason);
    }

    [Fact]
    public void Progressive_counts_lines_already_ringing_and_callers_waiting()
    {
        Assert.Equal(1, Decide("progressive", Make(ready: 3, ringingSeconds: [2, 8])).Lines);
        Assert.Equal(0, Decide("progressive", Make(ready: 2, ringingSeconds: [2], waiting: 1)).Lines);
    }

    [Fact]
    public void Progressive_does_not_dial_ahead_of_agents_about_to_free()
    {
        var decision = Decide("progressive", Make(ready: 0, busy: Wrapping(10, 24.9)));

        Assert.Equal(0, decision.Lines);
    }

    [Fact]
    public void Ratio_dials_a_fixed_number_of_lines_per_ready_agent()
    {
        var ratio = new RatioPacing(new RatioOptions { LinesPerReadyAgent = 2.5 });

        var (decision, _) = ratio.Decide(Make(ready: 4, ringingSeconds: [3, 3, 3]), ratio.InitialState);

        Assert.Equal(10 - 3, decision.Lines);
        Assert.Equal(2.5, decision.DialLevel);
    }
}
