using Outbound.Core.Performance;

namespace Outbound.Core.Knowledge;

/// <summary>A policy change of the client (a new fee, a changed procedure) registered for the knowledge base, and when the article carrying it was published.</summary>
public sealed record PolicyChangeFact(DateTimeOffset RegisteredAt, DateTimeOffset? PublishedAt, TimeSpan Target);

/// <summary>
/// 知识库及时率: changes published within their target time (default 24 h after registration) / changes decided. A change
/// is decided once published, or once its target time has passed unpublished (late); one still within its target is
/// not counted yet.
/// </summary>
public static class KnowledgeTimeliness
{
    public static readonly TimeSpan DefaultTarget = TimeSpan.FromHours(24);

    public static bool? OnTime(PolicyChangeFact change, DateTimeOffset asOf)
    {
        var deadline = change.RegisteredAt + change.Target;
        if (change.PublishedAt is { } published) return published <= deadline;
        return asOf > deadline ? false : null;
    }

    public static Ratio Measure(IEnumerable<PolicyChangeFact> changes, DateTimeOffset asOf) =>
        changes.Select(c => OnTime(c, asOf)).Where(o => o is not null).Aggregate(new Ratio(0, 0), (r, o) => r.Add(o == true));
}
