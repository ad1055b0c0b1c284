using Outbound.Core.Assessment;
using Outbound.Core.Workforce;

namespace Outbound.Data.Assessment;

/// <summary>Hr's request to record an occurrence. <see cref="Fine"/> null takes the rule's minimum.</summary>
public sealed record NewDeduction(AgentId Agent, RuleNumber Rule, DateOnly OccurredOn, decimal? Fine, Evidence Evidence);

public sealed record DeductionView(
    DeductionId Id, AgentId Agent, RuleNumber Rule, RuleCategory Category, int Points, decimal Fine, DateOnly OccurredOn,
    DeductionState State, Evidence Evidence, string Source, DateTimeOffset CreatedAt)
{
    public ChargedDeduction Charge => new(Category, Points, Fine);
}

public sealed record DeductionAuditEntry(long Id, AgentId? Actor, DateTimeOffset At, string Action, DeductionState? From, DeductionState To, string? Reason);
