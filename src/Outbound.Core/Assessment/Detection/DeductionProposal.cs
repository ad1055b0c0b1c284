using Outbound.Core.Workforce;

namespace Outbound.Core.Assessment.Detection;

/// <summary>
/// A deduction the system suggests from its own data. It becomes a draft for Hr to confirm or void;
/// it is never charged on its own. <c>Evidence.Reference</c> identifies the occurrence so that
/// running detection twice proposes nothing new.
/// </summary>
public sealed record DeductionProposal(AgentId Agent, RuleNumber Rule, DateOnly OccurredOn, Evidence Evidence);
