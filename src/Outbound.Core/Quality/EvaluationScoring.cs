namespace Outbound.Core.Quality;

/// <summary>
/// A scorer's answer to one item: the value (1/0 for yes/no, 0–N on a scale, occurrences of a deduction), or N/A;
/// a note and the second of the call it refers to, both optional.
/// </summary>
public sealed record ItemAnswer(string Key, decimal? Value, bool NotApplicable = false, string? Note = null, int? AtSecond = null)
{
    public static ItemAnswer Yes(string key) => new(key, 1);
    public static ItemAnswer No(string key) => new(key, 0);
    public static ItemAnswer NA(string key) => new(key, null, true);
}

public enum AnswerProblem
{
    Unanswered,
    UnknownItem,
    NotApplicableRefused,
    ValueRange,
    NothingApplicable,
    NoteTooLong,
    TimeRange,
}

public sealed record AnswerError(string Key, AnswerProblem Problem, params object[] Args);

/// <summary>The outcome of scoring: the score (0–100, two decimals), its band, and the critical items that failed.</summary>
public sealed record EvaluationScore(
    decimal Score,
    Band Band,
    bool CriticalFailed,
    IReadOnlyList<string> FailedCriticalItems,
    decimal Earned,
    decimal Possible,
    decimal Deducted)
{
    /// <summary>Failed critical items of a topic the HR side hears of (rule 1 for service language).</summary>
    public IEnumerable<CriticalTopic> FailedTopics(EvaluationForm form) =>
        FailedCriticalItems.Select(k => form.Item(k)?.Topic ?? CriticalTopic.None).Where(t => t != CriticalTopic.None).Distinct();
}

/// <summary>
/// Scores answers against a form version: weighted items earn weight × value / max; N/A items leave the denominator,
/// so the weighted part is 100 × earned / possible; deductions then take their points off (not below 0). A critical
/// item answered "no" fails the evaluation: score 0, or the score kept and the band 不合格, as the form chooses.
/// </summary>
public static class EvaluationScoring
{
    public const int MaxNoteLength = 1000;

    /// <summary>Every problem of the answers (an unanswered item, a value out of range …); empty when they can be scored.</summary>
    public static IReadOnlyList<AnswerError> Check(EvaluationForm form, IReadOnlyCollection<ItemAnswer> answers, int? callSeconds = null)
    {
        var errors = new List<AnswerError>();
        var byKey = answers.GroupBy(a => a.Key).ToDictionary(g => g.Key, g => g.Last());
        foreach (var key in byKey.Keys.Where(k => form.Item(k) is null)) errors.Add(new(key, AnswerProblem.UnknownItem));
        foreach (var item in form.Items)
        {
            if (!byKey.TryGetValue(item.Key, out var a) || (!a.NotApplicable && a.Value is null))
            {
                errors.Add(new(item.Key, AnswerProblem.Unanswered, item.Label));
                continue;
            }
            if (a.NotApplicable && !item.AllowNotApplicable) errors.Add(new(item.Key, AnswerProblem.NotApplicableRefused, item.Label));
            if (!a.NotApplicable && (a.Value < 0 || a.Value > item.MaxValue || a.Value != decimal.Truncate(a.Value!.Value)))
                errors.Add(new(item.Key, AnswerProblem.ValueRange, item.Label, 0, item.MaxValue));
            if (a.Note?.Length > MaxNoteLength) errors.Add(new(item.Key, AnswerProblem.NoteTooLong, item.Label, MaxNoteLength));
            if (a.AtSecond is { } at && (at < 0 || (callSeconds is { } length && at > length)))
                errors.Add(new(item.Key, AnswerProblem.TimeRange, item.Label, callSeconds ?? 0));
        }
        if (errors.Count == 0 && !form.Items.Where(i => i.IsWeighted).Any(i => !byKey[i.Key].NotApplicable))
            errors.Add(new("", AnswerProblem.NothingApplicable));
        return errors;
    }

    /// <summary>Scores answers that passed <see cref="Check"/>; throws when they did not.</summary>
    public static EvaluationScore Score(EvaluationForm form, IReadOnlyCollection<ItemAnswer> answers)
    {
        if (Check(form, answers) is { Count: > 0 } errors)
            throw new ArgumentException($"the answers cannot be scored: {string.Join(", ", errors.Select(e => $"{e.Key} {e.Problem}"))}", nameof(answers));
        var byKey = answers.GroupBy(a => a.Key).ToDictionary(g => g.Key, g => g.Last());
        decimal earned = 0, possible = 0, deducted = 0;
        var failed = new List<string>();
        foreach (var item in form.Items)
        {
            var a = byKey[item.Key];
            if (a.NotApplicable) continue;
            var value = a.Value!.Value;
            switch (item.Kind)
            {
                case ItemKind.Deduction:
                    deducted += item.DeductionPoints * value;
                    break;
                default:
                    if (item.Critical && value == 0) failed.Add(item.Key);
                    if (!item.IsWeighted) break;
                    possible += item.Weight;
                    earned += item.Weight * value / item.MaxValue;
                    break;
            }
        }
        var weighted = EvaluationForm.TotalWeight * earned / possible;
        var score = Math.Round(Math.Max(0, weighted - deducted), 2, MidpointRounding.AwayFromZero);
        var criticalFailed = failed.Count > 0;
        if (criticalFailed && form.CriticalMode == CriticalFailureMode.ScoreZero) score = 0;
        return new EvaluationScore(score, form.BandOf(score, criticalFailed), criticalFailed, failed,
            Math.Round(earned, 4), possible, deducted);
    }
}
