namespace Outbound.Core.Acd;

/// <summary>
/// One agent as a queue sees it when it routes a caller.
/// </summary>
/// <param name="Order">Position in the queue's agent list (top-down and round-robin walk it).</param>
/// <param name="Ready">The agent's session is ready (not on a call, not in after-call work, not not-ready).</param>
/// <param name="IdleSince">When the agent last became ready.</param>
/// <param name="BlockedUntil">No offer before this: wrap-up, or a no-answer or reject delay.</param>
/// <param name="Skills">Skill → level; level 1 is the first tier, 2 the second, and so on.</param>
public sealed record AcdAgent(
    string AgentId,
    int Order,
    bool Ready,
    DateTimeOffset IdleSince,
    DateTimeOffset? BlockedUntil,
    TimeSpan TalkTime,
    int CallsTaken,
    IReadOnlyDictionary<string, int> Skills)
{
    /// <summary>The agent's tier for a caller who needs <paramref name="skill"/>; null when the agent lacks it.</summary>
    public int? TierFor(string? skill) =>
        skill is null ? (Skills.Count == 0 ? 1 : Skills.Values.Min())
        : Skills.TryGetValue(skill, out var level) ? level : null;

    public bool AvailableAt(DateTimeOffset now) => Ready && (BlockedUntil is null || BlockedUntil <= now);
}
