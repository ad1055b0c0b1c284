using Outbound.Core.Quality;

namespace Outbound.Core.Tests.Quality;

public sealed class CalibrationAnalysisTests
{
    private static readonly Guid[] Calls = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];
    private static readonly Guid A = new("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid B = new("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid C = new("00000000-0000-0000-0000-00000000000c");

    private static CalibrationScore Score(int call, Guid scorer, double total, double? greeting = 1) =>
        new(Calls[call], scorer, total, new Dictionary<string, double?> { ["greeting"] = greeting });

    private static readonly CalibrationScore[] Scores =
    [
        Score(0, A, 80), Score(0, B, 82), Score(0, C, 60, 0),
        Score(1, A, 70), Score(1, B, 71), Score(1, C, 50, 0),
        Score(2, A, 90), Score(2, B, 88), Score(2, C, 75, null),
    ];

    [Fact]
    public void The_spread_per_call_is_the_sample_deviation_and_range_of_the_blind_scores()
    {
        var result = CalibrationAnalysis.Analyze(Scores, tolerance: 8);
        var first = result.Calls.Single(c => c.Call == Calls[0]);
        Assert.Equal(74, first.Mean, 9);
        Assert.Equal(12.1655, Math.Round(first.StandardDeviation, 4));
        Assert.Equal(22, first.Range, 9);
        var item = result.Items.Single(i => i.Call == Calls[2] && i.Item == "greeting");
        Assert.Equal(2, item.Scorers);
    }

    [Fact]
    public void A_scorer_far_from_the_others_is_flagged_and_the_agreement_is_measured()
    {
        var result = CalibrationAnalysis.Analyze(Scores, tolerance: 8);
        Assert.True(result.Scorers.Single(s => s.Scorer == C).OutsideTolerance);
        Assert.False(result.Scorers.Single(s => s.Scorer == A).OutsideTolerance);
        Assert.True(result.Scorers.Single(s => s.Scorer == C).MeanDeviation < 0);
        Assert.NotNull(result.Icc21);
        Assert.NotNull(result.KrippendorffAlpha);
        Assert.True(result.Icc21 < 0.9);
    }

    [Fact]
    public void Against_an_expert_the_expert_is_the_consensus_and_is_not_judged()
    {
        var result = CalibrationAnalysis.Analyze(Scores, tolerance: 8, expert: C);
        Assert.True(result.AgainstExpert);
        Assert.Equal(60, result.Calls.Single(c => c.Call == Calls[0]).Consensus);
        Assert.DoesNotContain(result.Scorers, s => s.Scorer == C);
        Assert.All(result.Scorers, s => Assert.True(s.OutsideTolerance));
    }
}
