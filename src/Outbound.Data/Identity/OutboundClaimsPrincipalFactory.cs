using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Outbound.Data.Identity;

/// <summary>Puts the user's tenant and display name into the cookie so that every request knows its tenant scope without a query.</summary>
public sealed class OutboundClaimsPrincipalFactory(
    UserManager<OutboundUser> users, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<OutboundUser, IdentityRole<Guid>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(OutboundUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.TenantId is { } tenant) identity.AddClaim(new Claim(OutboundClaims.TenantId, tenant.ToString()));
        identity.AddClaim(new Claim(OutboundClaims.DisplayName, user.DisplayName));
        return identity;
    }
}
