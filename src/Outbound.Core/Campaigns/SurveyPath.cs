namespace Outbound.Core.Campaigns;

/// <summary>
/// A respondent's way through a questionnaire's skip logic, as the desk shows it: from the first question,
/// the first chosen option's <see cref="Question.SkipTo"/> target (or the next question in order) until "end".
/// The server recomputes it rather than trusting what the browser hid.
/// </summary>
public static class SurveyPath
{
    /// <summary>The questions the answers lead through, in the order they were asked.</summary>
    public static IReadOnlyList<Question> Reached(Questionnaire questionnaire, IReadOnlyDictionary<string, IReadOnlyList<string>> answers)
    {
        var questions = questionnaire.Questions;
        var reached = new List<Question>();
        var index = 0;
        // The validator forbids backward jumps; the count bound keeps a bad questionnaire from looping anyway.
        while (index >= 0 && index < questions.Count && reached.Count < questions.Count)
        {
            var question = questions[index];
            reached.Add(question);
            var chosen = Given(answers, question.Id).FirstOrDefault();
            if (chosen is not null && question.SkipTo is { } skips && skips.TryGetValue(chosen, out var target))
            {
                if (target == CampaignSettingsValidator.EndOfSurvey) break;
                index = IndexOf(questions, target);
            }
            else index++;
        }
        return reached;
    }

    /// <summary>The answers to reached questions only, trimmed, blanks dropped.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Kept(Questionnaire questionnaire, IReadOnlyDictionary<string, IReadOnlyList<string>> answers)
    {
        var kept = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var question in Reached(questionnaire, answers))
            if (Given(answers, question.Id) is { Count: > 0 } given) kept[question.Id] = given;
        return kept;
    }

    /// <summary>Completed when every question on the respondent's path has an answer.</summary>
    public static bool IsComplete(Questionnaire questionnaire, IReadOnlyDictionary<string, IReadOnlyList<string>> answers) =>
        Reached(questionnaire, answers).All(q => Given(answers, q.Id).Count > 0);

    private static List<string> Given(IReadOnlyDictionary<string, IReadOnlyList<string>> answers, string id) =>
        answers.TryGetValue(id, out var values)
            ? values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).ToList()
            : [];

    private static int IndexOf(IReadOnlyList<Question> questions, string id)
    {
        for (var i = 0; i < questions.Count; i++)
            if (questions[i].Id == id) return i;
        return -1;
    }
}
