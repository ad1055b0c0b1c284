using System.Security.Claims;
using Outbound.Core.Identity;
using Outbound.Core.Tenants;
using Outbound.Data.Identity;

namespace Outbound.Web.Security;

/// <summary>
/// The <see cref="TenantScope"/> of the signed-in user: one tenant for a Client user, every tenant for
/// operator staff. Page models take it from DI and pass it to every tenant-owned query.
/// </summary>
public static class TenantScopeAccessor
{
    /// <summary>An anonymous caller, or a Client user without a valid tenant claim, sees no tenant rather than every tenant.</summary>
    private static readonly TenantScope Nothing = TenantScope.For(new TenantId(Guid.Empty));

    public static TenantScope ScopeOf(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true) return Nothing;
        if (!user.IsInRole(Roles.Client)) return TenantScope.AllTenants;
        return Guid.TryParse(user.FindFirstValue(OutboundClaims.TenantId), out var tenant)
            ? TenantScope.For(new TenantId(tenant))
            : Nothing;
    }

    public static IServiceCollection AddTenantScope(this IServiceCollection services) => services
        .AddHttpContextAccessor()
        .AddScoped(sp => ScopeOf(sp.GetRequiredService<IHttpContextAccessor>().HttpContext?.User ?? new ClaimsPrincipal()));
}
