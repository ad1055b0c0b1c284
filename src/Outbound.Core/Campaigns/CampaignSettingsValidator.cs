using System.Text.RegularExpressions;

namespace Outbound.Core.Campaigns;

/// <summary>
/// Checks a campaign definition before it is stored: platform bounds, the regulator preset's limits,
/// and the consistency of dispositions, custom fields and the questionnaire. Pure; returns every problem found.
/// </summary>
public static partial class CampaignSettingsValidator
{
    public const decimal MaxAbandonCap = 0.05m;
    public const int MaxScriptLength = 20_000;
    public const int MaxRetryDelayMinutes = 43_200; // 30 days
    public const string EndOfSurvey = "end";

    public static IReadOnlyList<CampaignValidationError> Validate(CampaignDefinition campaign)
    {
        var errors = new List<CampaignValidationError>();
        void Add(string field, CampaignProblem problem, params object[] args) => errors.Add(new(field, problem, args));

        if (!CodePattern().IsMatch(campaign.Code ?? "")) Add(nameof(campaign.Code), CampaignProblem.CodeFormat);
        if (string.IsNullOrWhiteSpace(campaign.Name)) Add(nameof(campaign.Name), CampaignProblem.NameRequired);
        else if (campaign.Name.Length > 200) Add(nameof(campaign.Name), CampaignProblem.NameTooLong, 200);

        var s = campaign.Settings;
        var rules = RegulatorPresetRules.For(s.Regulator);
        const string settings = nameof(CampaignDefinition.Settings);

        if (s.AbandonCap <= 0 || s.AbandonCap > MaxAbandonCap)
            Add($"{settings}.{nameof(s.AbandonCap)}", CampaignProblem.AbandonCapRange, MaxAbandonCap);
        else if (s.AbandonCap > rules.MaxAbandonCap)
            Add($"{settings}.{nameof(s.AbandonCap)}", CampaignProblem.AbandonCapAbovePreset, rules.MaxAbandonCap);

        if (s.AbandonWindowHours is < 1 or > 720)
            Add($"{settings}.{nameof(s.AbandonWindowHours)}", CampaignProblem.AbandonWindowRange, 1, 720);
        else if (s.AbandonWindowHours > rules.MaxWindowHours)
            Add($"{settings}.{nameof(s.AbandonWindowHours)}", CampaignProblem.AbandonWindowAbovePreset, rules.MaxWindowHours);

        if (s.AmdFalsePositiveRate is < 0 or > 0.5m)
            Add($"{settings}.{nameof(s.AmdFalsePositiveRate)}", CampaignProblem.AmdFalsePositiveRange, 0.5m);

        ValidateWindows(s, rules, Add);

        foreach (var (outcome, minutes) in s.RetryDelayMinutes)
            if (minutes < 1 || minutes > MaxRetryDelayMinutes)
                Add($"{settings}.{nameof(s.RetryDelayMinutes)}[{outcome}]", CampaignProblem.RetryDelayRange, outcome, 1, MaxRetryDelayMinutes);

        if (s.MaxAttempts is < 1 or > 50) Add($"{settings}.{nameof(s.MaxAttempts)}", CampaignProblem.MaxAttemptsRange, 1, 50);

        if (string.IsNullOrWhiteSpace(s.CallerId))
        {
            if (campaign.Kind != CampaignKind.Inbound) Add($"{settings}.{nameof(s.CallerId)}", CampaignProblem.CallerIdRequired);
        }
        else if (!CallerIdPattern().IsMatch(s.CallerId)) Add($"{settings}.{nameof(s.CallerId)}", CampaignProblem.CallerIdFormat);

        if ((s.Script?.Length ?? 0) > MaxScriptLength) Add($"{settings}.{nameof(s.Script)}", CampaignProblem.ScriptTooLong, MaxScriptLength);
        if (s.WrapUpSeconds is < 0 or > 600) Add($"{settings}.{nameof(s.WrapUpSeconds)}", CampaignProblem.WrapUpRange, 0, 600);
        if (s.PreviewCountdownSeconds is < 0 or > 300)
            Add($"{settings}.{nameof(s.PreviewCountdownSeconds)}", CampaignProblem.PreviewCountdownRange, 0, 300);

        ValidateFields(s, Add);
        ValidateDispositions(s, Add);
        if (s.Questionnaire is null)
        {
            if (campaign.Kind == CampaignKind.CallbackSurvey) Add($"{settings}.{nameof(s.Questionnaire)}", CampaignProblem.QuestionnaireRequired);
        }
        else ValidateQuestionnaire(s.Questionnaire, Add);
        return errors;
    }

    private delegate void Report(string field, CampaignProblem problem, params object[] args);

    private static void ValidateWindows(CampaignSettings s, RegulatorPresetRules rules, Report add)
    {
        var windows = s.CallingWindows;
        for (var i = 0; i < windows.Count; i++)
        {
            var w = windows[i];
            var field = $"Settings.CallingWindows[{i}]";
            if (w.Start >= w.End) { add(field, CampaignProblem.WindowStartNotBeforeEnd, w.Day, w.Start, w.End); continue; }
            if (w.Start < rules.EarliestCall || w.End > rules.LatestCall)
                add(field, CampaignProblem.WindowOutsidePreset, w.Day, w.Start, w.End, rules.EarliestCall, rules.LatestCall);
            for (var j = 0; j < i; j++)
            {
                var other = windows[j];
                if (other.Day == w.Day && other.Start < other.End && w.Start < other.End && other.Start < w.End)
                    add(field, CampaignProblem.WindowsOverlap, w.Day, w.Start, w.End, other.Start, other.End);
            }
        }
    }

    private static void ValidateFields(CampaignSettings s, Report add)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < s.CustomFields.Count; i++)
        {
            var f = s.CustomFields[i];
            var field = $"Settings.CustomFields[{i}]";
            var key = f.Key ?? "";
            if (!KeyPattern().IsMatch(key)) add(field, CampaignProblem.FieldKeyFormat, key);
            else if (!seen.Add(key)) add(field, CampaignProblem.FieldKeyDuplicate, key);
            if (string.IsNullOrWhiteSpace(f.Label)) add(field, CampaignProblem.FieldLabelRequired, key);
        }
    }

    private static void ValidateDispositions(CampaignSettings s, Report add)
    {
        if (s.Dispositions.Count == 0) { add("Settings.Dispositions", CampaignProblem.DispositionRequired); return; }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < s.Dispositions.Count; i++)
        {
            var d = s.Dispositions[i];
            var field = $"Settings.Dispositions[{i}]";
            var code = d.Code ?? "";
            if (!KeyPattern().IsMatch(code)) add(field, CampaignProblem.DispositionCodeFormat, code);
            else if (!seen.Add(code)) add(field, CampaignProblem.DispositionCodeDuplicate, code);
            if (string.IsNullOrWhiteSpace(d.Label)) add(field, CampaignProblem.DispositionLabelRequired, code);
        }
    }

    private static void ValidateQuestionnaire(Questionnaire q, Report add)
    {
        const string root = "Settings.Questionnaire";
        if (string.IsNullOrWhiteSpace(q.Title)) add(root, CampaignProblem.QuestionnaireTitleRequired);
        if (q.Questions.Count == 0) { add(root, CampaignProblem.QuestionRequired); return; }

        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < q.Questions.Count; i++)
        {
            var id = q.Questions[i].Id ?? "";
            var field = $"{root}.Questions[{i}]";
            if (!KeyPattern().IsMatch(id)) add(field, CampaignProblem.QuestionIdFormat, id);
            else if (!position.TryAdd(id, i)) add(field, CampaignProblem.QuestionIdDuplicate, id);
        }
        for (var i = 0; i < q.Questions.Count; i++)
        {
            var question = q.Questions[i];
            var field = $"{root}.Questions[{i}]";
            if (string.IsNullOrWhiteSpace(question.Text)) add(field, CampaignProblem.QuestionTextRequired, question.Id ?? "");
            var answers = ValidateAnswers(question, field, add);
            foreach (var (answer, target) in question.SkipTo ?? new Dictionary<string, string>())
            {
                if (!answers.Contains(answer)) add(field, CampaignProblem.SkipAnswerUnknown, question.Id ?? "", answer);
                if (target == EndOfSurvey) continue;
                if (!position.TryGetValue(target, out var at)) add(field, CampaignProblem.SkipTargetUnknown, question.Id ?? "", target);
                else if (at <= i) add(field, CampaignProblem.SkipTargetNotForward, question.Id ?? "", target);
            }
        }
    }

    /// <summary>Checks a question's options or scale and returns the answers a skip rule may name.</summary>
    private static HashSet<string> ValidateAnswers(Question question, string field, Report add)
    {
        var answers = new HashSet<string>(StringComparer.Ordinal);
        switch (question.Type)
        {
            case QuestionType.SingleChoice or QuestionType.MultipleChoice:
                var options = question.Options ?? [];
                if (options.Count(o => !string.IsNullOrWhiteSpace(o)) < 2) add(field, CampaignProblem.QuestionOptionsTooFew, question.Id ?? "");
                foreach (var option in options)
                    if (!answers.Add(option)) add(field, CampaignProblem.QuestionOptionDuplicate, question.Id ?? "", option);
                break;
            case QuestionType.Scale:
                if (question.ScaleMin >= question.ScaleMax || question.ScaleMin < 0 || question.ScaleMax > 10)
                    add(field, CampaignProblem.QuestionScaleRange, question.Id ?? "");
                else
                    for (var v = question.ScaleMin; v <= question.ScaleMax; v++) answers.Add(v.ToString(System.Globalization.CultureInfo.InvariantCulture));
                break;
        }
        return answers;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,62}$")]
    private static partial Regex CodePattern();

    /// <summary>E.164 (+ and 7–15 digits) or a plain national number / short code of 3–20 digits.</summary>
    [GeneratedRegex(@"^(\+[1-9]\d{6,14}|\d{3,20})$")]
    private static partial Regex CallerIdPattern();

    [GeneratedRegex("^[a-z][a-z0-9_]{0,39}$")]
    private static partial Regex KeyPattern();
}
