using System.Security.Claims;
using Outbound.Core.Assessment;
using Outbound.Core.Identity;
using Outbound.Core.Workforce;

namespace Outbound.Web.Security;

/// <summary>The signed-in user as the assessment rules see them: their user id (= agent id) and their assessment role.</summary>
public static class AssessmentActors
{
    public static AssessmentActor ToAssessmentActor(this ClaimsPrincipal user)
    {
        var id = Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var g)
            ? g
            : throw new InvalidOperationException("the signed-in user has no id claim");
        var role = user.IsInRole(Roles.Hr) ? AssessmentRole.Hr
            : user.IsInRole(Roles.Supervisor) ? AssessmentRole.Supervisor
            : AssessmentRole.Agent;
        return new AssessmentActor(new AgentId(id), role);
    }
}
