namespace Outbound.Web.Tests.Security.Access;

/// <summary>Tenants, users and telephony: admins only.</summary>
internal sealed class AdminAccess : IAccessDeclarations
{
    public void Declare(AccessMap map, AccessWorld world)
    {
        map.Page("/Admin/Tenants/Index", "/Admin/Tenants", Who.Admin).Post("");
        map.Page("/Admin/Users/Index", "/Admin/Users", Who.Admin).Post("Unlock").Post("Reset");
        map.Page("/Admin/Users/Create", "/Admin/Users/Create", Who.Admin).Post("");
        map.Page("/Admin/Telephony/Trunk", "/Admin/Telephony/Trunk", Who.Admin).Post("");
        map.Page("/Admin/Telephony/Agents", "/Admin/Telephony/Agents", Who.Admin).Post("").Post("Enable").Post("Disable");
    }
}
