using Microsoft.AspNetCore.Identity;

namespace Outbound.Data.Identity;

/// <summary>A login. Operator staff have no tenant; a Client user belongs to exactly one tenant and sees only its rows.</summary>
public sealed class OutboundUser : IdentityUser<Guid>
{
    public Guid? TenantId { get; set; }
    public string DisplayName { get; set; } = "";
}
