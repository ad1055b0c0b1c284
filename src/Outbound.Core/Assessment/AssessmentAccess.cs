using Outbound.Core.Workforce;

namespace Outbound.Core.Assessment;

/// <summary>Who may see whose deductions: Hr everyone, a supervisor the team they lead, an agent only themself.</summary>
public static class AssessmentAccess
{
    public static bool MayView(AssessmentActor viewer, AgentId subject, IReadOnlySet<AgentId> viewersTeam) => viewer.Role switch
    {
        AssessmentRole.Hr => true,
        AssessmentRole.Supervisor => viewer.Id == subject || viewersTeam.Contains(subject),
        AssessmentRole.Agent => viewer.Id == subject,
        _ => false,
    };
}
