using System.Security.Claims;
using Outbound.Core.Identity;
using Outbound.Core.Tenants;
using Outbound.Data.Campaigns;
using Outbound.Data.Identity;

namespace Outbound.Web.Security;

/// <summary>
/// The <see cref="TenantScope"/> of the signed-in user: one tenant for a Client user, the assigned campaigns for a
/// supervisor (none when it has no assignment), every tenant for other operator staff. It is worked out once per request
/// (<see cref="UseTenantScope"/>, after sign-in) and page models take it from DI and pass it to every tenant-owned query;
/// hubs ask <see cref="ScopeOfAsync"/> per call, so that a changed assignment applies at once.
/// </summary>
public static class TenantScopeAccessor
{
    /// <summary>An anonymous caller, or a Client user without a valid tenant claim, sees no tenant rather than every tenant.</summary>
    private static readonly TenantScope Nothing = TenantScope.For(new TenantId(Guid.Empty));

    private static readonly object Key = new();

    public static async Task<TenantScope> ScopeOfAsync(ClaimsPrincipal user, CampaignAgentRepository assignments, CancellationToken ct)
    {
        if (user.Identity?.IsAuthenticated != true) return Nothing;
        if (user.IsInRole(Roles.Client))
            return Guid.TryParse(user.FindFirstValue(OutboundClaims.TenantId), out var tenant) ? TenantScope.For(new TenantId(tenant)) : Nothing;
        if (user.IsInRole(Roles.Supervisor))
            return Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
                ? TenantScope.ForCampaigns(await assignments.CampaignsOfAsync(id, ct))
                : Nothing;
        return TenantScope.AllTenants;
    }

    public static IServiceCollection AddTenantScope(this IServiceCollection services) => services
        .AddHttpContextAccessor()
        .AddScoped(sp => sp.GetRequiredService<IHttpContextAccessor>().HttpContext?.Items[Key] as TenantScope ?? Nothing);

    public static IApplicationBuilder UseTenantScope(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Items[Key] = await ScopeOfAsync(context.User, context.RequestServices.GetRequiredService<CampaignAgentRepository>(), context.RequestAborted);
        await next(context);
    });
}
