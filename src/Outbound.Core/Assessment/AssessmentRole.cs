using Outbound.Core.Workforce;

namespace Outbound.Core.Assessment;

/// <summary>The roles that touch assessment. Supervisors only read their team.</summary>
public enum AssessmentRole
{
    Hr,
    Supervisor,
    Agent,
}

/// <summary>Who is acting: the signed-in user's id (the same id an agent's deductions carry) and role.</summary>
public sealed record AssessmentActor(AgentId Id, AssessmentRole Role);
