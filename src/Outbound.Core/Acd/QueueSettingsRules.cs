using System.Text.RegularExpressions;

namespace Outbound.Core.Acd;

/// <summary>What can be wrong with a queue's settings, named so that a page can say it in either language.</summary>
public enum QueueSettingProblemKind
{
    OutOfRange,
    OverflowTargetMissing,
    OverflowTargetIsSelf,
    OverflowWithoutMaxWait,
    PromptInvalid,
    SkillInvalid,
    SkillLevelOutOfRange,
}

/// <param name="Field">The setting (its property name, or the agent for a skill problem).</param>
/// <param name="Detail">The allowed range, or the offending text.</param>
public sealed record QueueSettingProblem(QueueSettingProblemKind Kind, string Field, string? Detail = null);

/// <summary>
/// The rules an inbound queue's editable settings must follow before they are saved and used by the queue:
/// times in sensible ranges, an overflow that has somewhere to go, prompt ids and skill names the media and
/// routing layers accept, and skill levels (tiers) from 1 to <see cref="MaxLevel"/>.
/// </summary>
public static partial class QueueSettingsRules
{
    public const int MaxLevel = 9;

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,31}$")]
    private static partial Regex Name();

    public static IReadOnlyList<QueueSettingProblem> Validate(QueuePolicy policy, Guid? overflowTarget, Guid self,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> agentSkills)
    {
        var problems = new List<QueueSettingProblem>();
        void Range(string field, TimeSpan value, int minSeconds, int maxSeconds)
        {
            if (value < TimeSpan.FromSeconds(minSeconds) || value > TimeSpan.FromSeconds(maxSeconds))
                problems.Add(new(QueueSettingProblemKind.OutOfRange, field, $"{minSeconds}–{maxSeconds}"));
        }
        Range(nameof(policy.TierEscalationStep), policy.TierEscalationStep, 0, 600);
        Range(nameof(policy.WrapUp), policy.WrapUp, 0, 600);
        Range(nameof(policy.OfferTimeout), policy.OfferTimeout, 5, 120);
        Range(nameof(policy.NoAnswerDelay), policy.NoAnswerDelay, 0, 3600);
        Range(nameof(policy.RejectDelay), policy.RejectDelay, 0, 3600);
        Range(nameof(policy.MaxWait), policy.MaxWait, 0, 3600);
        Range(nameof(policy.ServiceLevelTarget), policy.ServiceLevelTarget, 1, 600);
        if (policy.AnnounceEvery != TimeSpan.Zero) Range(nameof(policy.AnnounceEvery), policy.AnnounceEvery, 15, 600);
        if (policy.MaxNoAnswer is < 0 or > 20) problems.Add(new(QueueSettingProblemKind.OutOfRange, nameof(policy.MaxNoAnswer), "0–20"));
        if (policy.PriorityPerMinute is < 0 or > 100 || double.IsNaN(policy.PriorityPerMinute))
            problems.Add(new(QueueSettingProblemKind.OutOfRange, nameof(policy.PriorityPerMinute), "0–100"));
        if (policy.Overflow != OverflowAction.None && policy.MaxWait == TimeSpan.Zero)
            problems.Add(new(QueueSettingProblemKind.OverflowWithoutMaxWait, nameof(policy.Overflow)));
        if (policy.Overflow == OverflowAction.OverflowQueue && overflowTarget is null)
            problems.Add(new(QueueSettingProblemKind.OverflowTargetMissing, nameof(policy.OverflowQueue)));
        if (policy.Overflow == OverflowAction.OverflowQueue && overflowTarget == self)
            problems.Add(new(QueueSettingProblemKind.OverflowTargetIsSelf, nameof(policy.OverflowQueue)));
        if (!Name().IsMatch(policy.MusicOnHoldPrompt ?? ""))
            problems.Add(new(QueueSettingProblemKind.PromptInvalid, nameof(policy.MusicOnHoldPrompt), policy.MusicOnHoldPrompt));
        foreach (var (agent, skills) in agentSkills)
        foreach (var (skill, level) in skills)
        {
            if (!Name().IsMatch(skill)) problems.Add(new(QueueSettingProblemKind.SkillInvalid, agent, skill));
            if (level is < 1 or > MaxLevel) problems.Add(new(QueueSettingProblemKind.SkillLevelOutOfRange, agent, $"{skill}:{level}"));
        }
        return problems;
    }

    /// <summary>
    /// Reads an agent's skills written as <c>skill:level</c> pairs separated by spaces or commas (<c>general:1 billing:2</c>);
    /// a skill without a level is level 1. Null with the offending piece when a level is not a number.
    /// </summary>
    public static (IReadOnlyDictionary<string, int>? Skills, string? Bad) ParseSkills(string? text)
    {
        var skills = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var piece in (text ?? "").Split([' ', ',', '，', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = piece.Split(':', 2);
            var level = 1;
            if (parts.Length == 2 && !int.TryParse(parts[1], out level)) return (null, piece);
            skills[parts[0].ToLowerInvariant()] = level;
        }
        return (skills, null);
    }

    public static string FormatSkills(IReadOnlyDictionary<string, int> skills) =>
        string.Join(' ', skills.OrderBy(s => s.Value).ThenBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}:{s.Value}"));
}
