using Outbound.Core.Campaigns;

namespace Outbound.Core.Tests.Campaigns;

public sealed class SurveyPathTests
{
    // 是否本人 → 否 ends; 问题是否解决 → 已解决 skips the reason; 满意度 → any; 建议 (text).
    private static readonly Questionnaire Callback = new("服务回访",
    [
        new Question("owner", "是否本人？", QuestionType.SingleChoice, ["是", "否"], SkipTo: new Dictionary<string, string> { ["否"] = "end" }),
        new Question("resolved", "问题是否解决？", QuestionType.SingleChoice, ["已解决", "未解决"], SkipTo: new Dictionary<string, string> { ["已解决"] = "overall" }),
        new Question("reason", "未解决原因", QuestionType.Text, []),
        new Question("overall", "总体满意度", QuestionType.Scale, [], 1, 5),
        new Question("channels", "常用渠道", QuestionType.MultipleChoice, ["短信", "App", "电话"]),
    ]);

    private static Dictionary<string, IReadOnlyList<string>> Answers(params (string Id, string[] Values)[] answers) =>
        answers.ToDictionary(a => a.Id, a => (IReadOnlyList<string>)a.Values);

    [Fact]
    public void A_skip_target_jumps_over_the_questions_between()
    {
        var reached = SurveyPath.Reached(Callback, Answers(("owner", ["是"]), ("resolved", ["已解决"])));
        Assert.Equal(["owner", "resolved", "overall", "channels"], reached.Select(q => q.Id));
    }

    [Fact]
    public void An_end_target_finishes_the_questionnaire_complete()
    {
        var answers = Answers(("owner", ["否"]));
        Assert.Equal(["owner"], SurveyPath.Reached(Callback, answers).Select(q => q.Id));
        Assert.True(SurveyPath.IsComplete(Callback, answers));
    }

    [Fact]
    public void A_reached_question_left_blank_makes_the_questionnaire_incomplete()
    {
        var answers = Answers(("owner", ["是"]), ("resolved", ["未解决"]), ("reason", ["  "]), ("overall", ["2"]), ("channels", ["电话"]));
        Assert.False(SurveyPath.IsComplete(Callback, answers));
        Assert.True(SurveyPath.IsComplete(Callback, Answers(("owner", ["是"]), ("resolved", ["未解决"]), ("reason", ["等待太久"]),
            ("overall", ["2"]), ("channels", ["电话"]))));
    }

    [Fact]
    public void Answers_to_questions_the_path_skips_are_not_kept()
    {
        var kept = SurveyPath.Kept(Callback, Answers(("owner", ["是"]), ("resolved", ["已解决"]), ("reason", ["残留的文字"]),
            ("overall", ["5"]), ("channels", ["短信", " App "])));
        Assert.False(kept.ContainsKey("reason"));
        Assert.Equal(["短信", "App"], kept["channels"]);
        Assert.Equal(["5"], kept["overall"]);
    }
}
