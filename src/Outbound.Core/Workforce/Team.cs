namespace Outbound.Core.Workforce;

public sealed record TeamId(Guid Value)
{
    public static TeamId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

/// <summary>A team (班组) and its leader (班长). In 大轮班 the leader works every shift the team works.</summary>
public sealed record Team(TeamId Id, string Name, AgentId Leader, IReadOnlyList<AgentId> Members)
{
    public IEnumerable<AgentId> Everyone() => Members.Prepend(Leader).Distinct();
}
