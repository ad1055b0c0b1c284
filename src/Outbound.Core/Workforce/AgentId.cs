namespace Outbound.Core.Workforce;

/// <summary>An agent (坐席) as a person: the Identity user's id. Assessment and rosters key on it.</summary>
public sealed record AgentId(Guid Value)
{
    public static AgentId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}
