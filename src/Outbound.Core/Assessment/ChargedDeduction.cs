namespace Outbound.Core.Assessment;

/// <summary>One counted occurrence as settlement sees it: which part of the points it draws on, how many, and the fine in yuan.</summary>
public sealed record ChargedDeduction(RuleCategory Category, int Points, decimal Fine);
