using Outbound.Core.Quality;

namespace Outbound.Core.Tests.Quality;

public sealed class EvaluationScoringTests
{
    private static EvaluationForm Form(CriticalFailureMode mode = CriticalFailureMode.ScoreZero) => new("测试表",
    [
        new FormSection("A",
        [
            new FormItem("a", "开场白", ItemKind.YesNo, 20),
            new FormItem("b", "倾听", ItemKind.Scale, 50, ScaleMax: 5),
            new FormItem("c", "结束语", ItemKind.YesNo, 30),
            new FormItem("lang", "服务用语规范", ItemKind.YesNo, 0, Critical: true, AllowNotApplicable: false, Topic: CriticalTopic.ServiceLanguage),
            new FormItem("silence", "静音", ItemKind.Deduction, 0, DeductionPoints: 2.5m),
        ]),
    ], EvaluationForm.DefaultBands, mode);

    private static ItemAnswer[] Answers(decimal a, decimal b, decimal? c, decimal lang = 1, decimal silence = 0) =>
    [
        new("a", a), new("b", b), c is null ? ItemAnswer.NA("c") : new("c", c), new("lang", lang), new("silence", silence),
    ];

    [Fact]
    public void Weighted_items_earn_their_weight_times_the_share_of_the_scale()
    {
        // 20 (yes) + 50 × 3/5 + 0 (no) = 50 of 100.
        var score = EvaluationScoring.Score(Form(), Answers(1, 3, 0));
        Assert.Equal(50m, score.Score);
        Assert.Equal(Band.Fail, score.Band);
        Assert.False(score.CriticalFailed);
    }

    [Fact]
    public void An_item_answered_not_applicable_leaves_the_denominator()
    {
        // c (30) is N/A: (20 + 50 × 4/5) / 70 = 60 / 70 → 85.71.
        var score = EvaluationScoring.Score(Form(), Answers(1, 4, null));
        Assert.Equal(70m, score.Possible);
        Assert.Equal(85.71m, score.Score);
        Assert.Equal(Band.Good, score.Band);
    }

    [Fact]
    public void Deductions_take_their_points_per_occurrence_off_the_total_but_not_below_zero()
    {
        Assert.Equal(95m, EvaluationScoring.Score(Form(), Answers(1, 5, 1, silence: 2)).Score);
        Assert.Equal(0m, EvaluationScoring.Score(Form(), Answers(0, 0, 1, silence: 20)).Score);
    }

    [Fact]
    public void A_failed_critical_item_scores_zero_when_the_form_says_so()
    {
        var score = EvaluationScoring.Score(Form(CriticalFailureMode.ScoreZero), Answers(1, 5, 1, lang: 0));
        Assert.Equal(0m, score.Score);
        Assert.True(score.CriticalFailed);
        Assert.Equal(["lang"], score.FailedCriticalItems);
        Assert.Equal([CriticalTopic.ServiceLanguage], score.FailedTopics(Form()));
    }

    [Fact]
    public void A_failed_critical_item_keeps_the_score_but_fails_the_band_when_the_form_flags_it()
    {
        var score = EvaluationScoring.Score(Form(CriticalFailureMode.FailFlag), Answers(1, 5, 1, lang: 0));
        Assert.Equal(100m, score.Score);
        Assert.True(score.CriticalFailed);
        Assert.Equal(Band.Fail, score.Band);
    }

    [Fact]
    public void Bands_follow_the_thresholds_and_100_is_excellent()
    {
        var form = Form();
        Assert.Equal(Band.Excellent, form.BandOf(100));
        Assert.Equal(Band.Excellent, form.BandOf(90));
        Assert.Equal(Band.Good, form.BandOf(89.99m));
        Assert.Equal(Band.Pass, form.BandOf(60));
        Assert.Equal(Band.Fail, form.BandOf(59.99m));
    }

    [Fact]
    public void Missing_out_of_range_and_refused_not_applicable_answers_are_reported_not_scored()
    {
        var form = Form();
        var errors = EvaluationScoring.Check(form, [new("a", 2), new("b", 6), ItemAnswer.NA("lang"), new("silence", 0), new("zz", 1)], callSeconds: 60);
        Assert.Contains(errors, e => e is { Key: "a", Problem: AnswerProblem.ValueRange });
        Assert.Contains(errors, e => e is { Key: "b", Problem: AnswerProblem.ValueRange });
        Assert.Contains(errors, e => e is { Key: "c", Problem: AnswerProblem.Unanswered });
        Assert.Contains(errors, e => e is { Key: "lang", Problem: AnswerProblem.NotApplicableRefused });
        Assert.Contains(errors, e => e is { Key: "zz", Problem: AnswerProblem.UnknownItem });
        Assert.Throws<ArgumentException>(() => EvaluationScoring.Score(form, [new("a", 1)]));
    }

    [Fact]
    public void A_note_time_beyond_the_end_of_the_call_is_refused()
    {
        var answers = Answers(1, 5, 1).Select(a => a.Key == "b" ? a with { Note = "打断客户", AtSecond = 95 } : a).ToArray();
        Assert.Contains(EvaluationScoring.Check(Form(), answers, callSeconds: 90), e => e is { Key: "b", Problem: AnswerProblem.TimeRange });
        Assert.Empty(EvaluationScoring.Check(Form(), answers, callSeconds: 120));
    }

    [Fact]
    public void Every_weighted_item_not_applicable_cannot_be_scored()
    {
        Assert.Contains(EvaluationScoring.Check(Form(), [ItemAnswer.NA("a"), ItemAnswer.NA("b"), ItemAnswer.NA("c"), new("lang", 1), new("silence", 0)]),
            e => e.Problem == AnswerProblem.NothingApplicable);
    }

    [Fact]
    public void The_starter_form_is_valid_and_scores_a_perfect_call_100()
    {
        var form = StarterForm.Create();
        Assert.Empty(FormValidator.Validate(form));
        var perfect = form.Items.Select(i => new ItemAnswer(i.Key, i.Kind == ItemKind.Deduction ? 0 : i.MaxValue)).ToList();
        Assert.Equal(100m, EvaluationScoring.Score(form, perfect).Score);
    }
}
