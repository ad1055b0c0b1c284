using Outbound.Core.Pacing;
using static Outbound.Core.Tests.Pacing.Snapshots;

namespace Outbound.Core.Tests.Pacing;

public sealed class PredictivePacingTests
{
    private static PacingDecision Predict(PacingSnapshot snapshot) => Decide("predictive", snapshot);

    [Fact]
    public void Dials_ahead_for_agents_about_to_finish_wrap_up_where_progressive_waits()
    {
        var snapshot = Make(ready: 0, busy: Wrapping(10, 24.9), connected: 500, abandoned: 5);

        Assert.True(Predict(snapshot).Lines >= 10);
        Assert.Equal(0, Decide("progressive", snapshot).Lines);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    public void Waits_to_dial_for_an_agent_leaving_wrap_up_until_a_quick_answer_can_no_longer_beat_the_agent(int team)
    {
        // Answers come 5–15 s after dialling and wait 2 s for an agent. With 8 s of wrap-up left, one
        // human in ten would answer and give up before the agent is free; with 7 s left, none would.
        PacingDecision WithWrapLeft(double seconds) =>
            Predict(Make(ready: 0, busy: Wrapping(1, 25 - seconds).Concat(Talking(team - 1, 10)), connected: 500, abandoned: 5));

        Assert.Equal(0, WithWrapLeft(8).Lines);
        Assert.Equal(1, WithWrapLeft(7).Lines);
    }

    [Fact]
    public void Does_not_dial_for_agents_who_just_started_talking()
    {
        var decision = Predict(Make(ready: 0, busy: Talking(10, 5), connected: 500, abandoned: 5));

        Assert.Equal(0, decision.Lines);
        Assert.Equal(PacingReason.EnoughInFlight, decision.Reason);
    }

    [Fact]
    public void Does_not_dial_while_callers_already_wait_for_the_agents_about_to_free()
    {
        var decision = Predict(Make(ready: 0, busy: Wrapping(3, 24.9), waiting: 3, connected: 500, abandoned: 5));

        Assert.Equal(0, decision.Lines);
    }

    [Fact]
    public void Backs_off_as_the_rolling_abandon_rate_nears_the_cap()
    {
        PacingDecision At(int abandonedPerThousand) =>
            Predict(Make(ready: 0, busy: Wrapping(20, 24.9), connected: 1000 - abandonedPerThousand, abandoned: abandonedPerThousand));

        var relaxed = At(5);
        var near = At(27);
        var atCap = At(30);

        Assert.True(relaxed.Lines > near.Lines, $"{relaxed.Lines} lines at 0.5 % vs {near.Lines} at 2.7 %");
        Assert.True(near.Lines >= atCap.Lines);
        Assert.Equal(PacingReason.NearCap, atCap.Reason);
        // At the cap only lines a free agent is certain to take: one per agent about to be free.
        Assert.Equal(20, atCap.Lines);
    }

    [Fact]
    public void Lines_ringing_count_as_callers_ahead_until_they_can_no_longer_be_answered()
    {
        var agents = Wrapping(10, 24.9).ToList();
        var none = Predict(Make(busy: agents, connected: 500, abandoned: 5)).Lines;
        var fresh = Predict(Make(busy: agents, ringingSeconds: Enumerable.Repeat(6.0, 20), connected: 500, abandoned: 5)).Lines;
        var pastAnswerWindow = Predict(Make(busy: agents, ringingSeconds: Enumerable.Repeat(16.0, 20), connected: 500, abandoned: 5)).Lines;

        Assert.True(fresh < none, $"{fresh} lines with 20 ringing vs {none} with none");
        Assert.Equal(none, pastAnswerWindow);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void Small_team_lines_keep_the_expected_abandons_of_their_callers_under_the_cap(int agents)
    {
        var lines = Predict(Make(ready: 0, busy: Wrapping(agents, 24.9), connected: 300, abandoned: 3)).Lines;

        var humans = Binomial(lines, 0.3);
        var expectedAbandons = humans.Select((p, k) => p * Math.Max(0, k - agents)).Sum();
        var expectedCallers = lines * 0.3;
        Assert.True(lines >= agents);
        Assert.True(expectedAbandons / expectedCallers <= 0.03, $"{lines} lines for {agents} agents: {expectedAbandons / expectedCallers:P2} of callers abandoned");
    }

    [Fact]
    public void Small_teams_dial_fewer_lines_per_agent_than_large_ones_in_the_same_situation()
    {
        double PerAgent(int agents) => (double)Predict(Make(ready: 0, busy: Wrapping(agents, 24.9), connected: 3000, abandoned: 30)).Lines / agents;

        Assert.True(PerAgent(3) < PerAgent(60), $"{PerAgent(3):F2} lines per agent for 3 agents, {PerAgent(60):F2} for 60");
    }

    [Fact]
    public void Spends_abandons_the_window_has_to_spare_and_tightens_once_they_are_used()
    {
        // 20 agents a moment from the end of wrap-up: lines beyond 20 carry a growing risk.
        int Lines(int abandonedPerThousand) =>
            Predict(Make(ready: 0, busy: Wrapping(20, 24.9), connected: 1000 - abandonedPerThousand, abandoned: abandonedPerThousand)).Lines;

        var spare = Lines(5);      // 22 abandons under the 2.7 % target
        var atTarget = Lines(26);  // about on target
        var over = Lines(29);      // beyond the target, still under the cap

        Assert.True(spare > atTarget, $"{spare} lines with abandons to spare vs {atTarget} on target");
        Assert.True(atTarget > over, $"{atTarget} lines on target vs {over} beyond it");
    }

    [Fact]
    public void Is_a_function_of_the_snapshot_alone()
    {
        var predictive = new PredictivePacing(new PredictiveOptions());
        var snapshot = Make(ready: 1, busy: Talking(9, 150), connected: 400, abandoned: 9);
        var someState = new PacingState(2.5, Start.AddMinutes(-5));

        var (fresh, freshState) = predictive.Decide(snapshot, predictive.InitialState);
        var (later, laterState) = predictive.Decide(snapshot, someState);

        Assert.Equal(fresh, later);
        Assert.Equal(predictive.InitialState, freshState);
        Assert.Equal(someState, laterState);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void A_small_team_with_a_young_window_dials_no_further_ahead_than_a_settled_one(int agents)
    {
        // Two abandons in the first 50 live calls: over the target, so no bolder than with none.
        var young = Predict(Make(ready: 0, busy: Wrapping(agents, 20), connected: 48, abandoned: 2)).Lines;
        var settled = Predict(Make(ready: 0, busy: Wrapping(agents, 20), connected: 970, abandoned: 26)).Lines;

        Assert.True(young <= settled, $"{young} lines with 2 of 50 abandoned vs {settled} with 26 of 996");
    }

    [Fact]
    public void Reports_lines_in_flight_per_eligible_agent_as_its_dial_level()
    {
        var decision = Predict(Make(ready: 0, busy: Wrapping(8, 24.9), ringingSeconds: [1, 1], connected: 500, abandoned: 5));

        Assert.True(decision.Lines > 0);
        Assert.Equal(Math.Round((2.0 + decision.Lines) / 8, 3), decision.DialLevel);
    }

    private static double[] Binomial(int n, double p)
    {
        var pmf = new double[n + 1];
        pmf[0] = 1;
        for (var i = 0; i < n; i++)
            for (var k = i + 1; k >= 0; k--)
                pmf[k] = pmf[k] * (1 - p) + (k > 0 ? pmf[k - 1] * p : 0);
        return pmf;
    }
}
