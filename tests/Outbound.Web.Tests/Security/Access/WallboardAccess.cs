namespace Outbound.Web.Tests.Security.Access;

/// <summary>The wallboard and the supervisor's team page.</summary>
internal sealed class WallboardAccess : IAccessDeclarations
{
    public void Declare(AccessMap map, AccessWorld world)
    {
        map.Page("/Wallboard/Index", "/Wallboard", Who.Wallboard);
        map.Hub("/hubs/wallboard", Who.Wallboard, "Watch", "Force", "Monitor");
        map.Page("/Supervisor/Team/Index", "/Supervisor/Team", Who.Supervisors);
    }
}
