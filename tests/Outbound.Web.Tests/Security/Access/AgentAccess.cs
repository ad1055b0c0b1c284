namespace Outbound.Web.Tests.Security.Access;

/// <summary>An agent's (or supervisor's) own points, statement, appeals, shifts and handover log.</summary>
internal sealed class AgentAccess : IAccessDeclarations
{
    public void Declare(AccessMap map, AccessWorld world)
    {
        map.Page("/Agent/Assessment/Index", "/Agent/Assessment", Who.Staff)
            // The statement is of the caller's own staff record; the sweep's extra supervisor has none.
            .Get("Statement", $"month={world.Month}", except: (Caller.OtherSupervisor, Outcome.NotFound))
            .Post("Appeal");
        map.Page("/Agent/Shift/Index", "/Agent/Shift", Who.Staff).Post("Handover");
    }
}
