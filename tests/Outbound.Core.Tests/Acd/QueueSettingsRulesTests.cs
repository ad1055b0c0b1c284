using Outbound.Core.Acd;

namespace Outbound.Core.Tests.Acd;

public sealed class QueueSettingsRulesTests
{
    private static readonly Guid Self = Guid.NewGuid();
    private static readonly Dictionary<string, IReadOnlyDictionary<string, int>> NoSkills = [];

    [Fact]
    public void The_default_policy_is_valid()
    {
        Assert.Empty(QueueSettingsRules.Validate(new QueuePolicy(), null, Self, NoSkills));
    }

    [Fact]
    public void Times_out_of_range_are_named_with_the_allowed_range()
    {
        var problems = QueueSettingsRules.Validate(new QueuePolicy { WrapUp = TimeSpan.FromSeconds(601), OfferTimeout = TimeSpan.FromSeconds(2), MaxNoAnswer = 21 },
            null, Self, NoSkills);
        Assert.Contains(new QueueSettingProblem(QueueSettingProblemKind.OutOfRange, "WrapUp", "0–600"), problems);
        Assert.Contains(new QueueSettingProblem(QueueSettingProblemKind.OutOfRange, "OfferTimeout", "5–120"), problems);
        Assert.Contains(new QueueSettingProblem(QueueSettingProblemKind.OutOfRange, "MaxNoAnswer", "0–20"), problems);
        Assert.Equal(3, problems.Count);
    }

    [Fact]
    public void An_overflow_queue_needs_a_target_other_than_itself_and_any_overflow_needs_a_max_wait()
    {
        var toQueue = new QueuePolicy { Overflow = OverflowAction.OverflowQueue };
        Assert.Equal([QueueSettingProblemKind.OverflowTargetMissing], QueueSettingsRules.Validate(toQueue, null, Self, NoSkills).Select(p => p.Kind));
        Assert.Equal([QueueSettingProblemKind.OverflowTargetIsSelf], QueueSettingsRules.Validate(toQueue, Self, Self, NoSkills).Select(p => p.Kind));
        Assert.Empty(QueueSettingsRules.Validate(toQueue, Guid.NewGuid(), Self, NoSkills));
        Assert.Equal([QueueSettingProblemKind.OverflowWithoutMaxWait],
            QueueSettingsRules.Validate(new QueuePolicy { Overflow = OverflowAction.Voicemail, MaxWait = TimeSpan.Zero }, null, Self, NoSkills).Select(p => p.Kind));
    }

    [Fact]
    public void Skill_names_and_levels_are_checked_per_agent()
    {
        var skills = new Dictionary<string, IReadOnlyDictionary<string, int>>
        {
            ["agent-a"] = new Dictionary<string, int> { ["billing"] = 1, ["Bad Name"] = 2 },
            ["agent-b"] = new Dictionary<string, int> { ["outage"] = 10 },
        };
        var problems = QueueSettingsRules.Validate(new QueuePolicy(), null, Self, skills);
        Assert.Contains(new QueueSettingProblem(QueueSettingProblemKind.SkillInvalid, "agent-a", "Bad Name"), problems);
        Assert.Contains(new QueueSettingProblem(QueueSettingProblemKind.SkillLevelOutOfRange, "agent-b", "outage:10"), problems);
        Assert.Equal(2, problems.Count);
    }

    [Fact]
    public void Skills_are_read_as_pairs_with_level_one_by_default_and_a_bad_level_is_reported()
    {
        var (skills, bad) = QueueSettingsRules.ParseSkills("general:2, billing  outage:3");
        Assert.Null(bad);
        Assert.Equal(new Dictionary<string, int> { ["general"] = 2, ["billing"] = 1, ["outage"] = 3 }, skills);
        Assert.Equal("billing:1 general:2 outage:3", QueueSettingsRules.FormatSkills(skills!));
        Assert.Equal("billing:x", QueueSettingsRules.ParseSkills("general:1 billing:x").Bad);
    }
}
