using Microsoft.AspNetCore.Identity;
using Outbound.Core.Identity;
using Outbound.Core.Tenants;

namespace Outbound.Data.Identity;

/// <summary>
/// Creating and resetting logins with the rules Identity does not know: exactly one role per user, a
/// tenant for Client users and none for operator staff.
/// </summary>
public sealed class UserAccounts(UserManager<OutboundUser> users)
{
    public const string ClientNeedsTenant = "ClientNeedsTenant";
    public const string StaffHasNoTenant = "StaffHasNoTenant";
    public const string UnknownRole = "UnknownRole";

    public async Task<IdentityResult> CreateAsync(string email, string displayName, string role, TenantId? tenant, string password)
    {
        if (CheckRoleAndTenant(role, tenant) is { } refused) return refused;
        var user = new OutboundUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, TenantId = tenant?.Value };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) return created;
        return await users.AddToRoleAsync(user, role);
    }

    /// <summary>Creates the user or brings an existing one back to the given state (role, tenant, password, unlocked).</summary>
    public async Task<IdentityResult> EnsureAsync(string email, string displayName, string role, TenantId? tenant, string password)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null) return await CreateAsync(email, displayName, role, tenant, password);
        if (CheckRoleAndTenant(role, tenant) is { } refused) return refused;

        user.DisplayName = displayName;
        user.TenantId = tenant?.Value;
        var steps = new List<Func<Task<IdentityResult>>>
        {
            () => users.UpdateAsync(user),
            async () => await users.GetRolesAsync(user) is { Count: > 0 } old ? await users.RemoveFromRolesAsync(user, old) : IdentityResult.Success,
            () => users.AddToRoleAsync(user, role),
            () => users.RemovePasswordAsync(user),
            () => users.AddPasswordAsync(user, password),
            () => UnlockAsync(user),
        };
        foreach (var step in steps)
            if (await step() is { Succeeded: false } failed) return failed;
        return IdentityResult.Success;
    }

    /// <summary>解冻: lifts a lock-out and forgets failed attempts.</summary>
    public async Task<IdentityResult> UnlockAsync(OutboundUser user)
    {
        var result = await users.SetLockoutEndDateAsync(user, null);
        return result.Succeeded ? await users.ResetAccessFailedCountAsync(user) : result;
    }

    /// <summary>重置: sets a new password chosen by the admin, and unlocks the account.</summary>
    public async Task<IdentityResult> ResetPasswordAsync(OutboundUser user, string newPassword)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, newPassword);
        return result.Succeeded ? await UnlockAsync(user) : result;
    }

    private static IdentityResult? CheckRoleAndTenant(string role, TenantId? tenant)
    {
        if (!Roles.All.Contains(role)) return Fail(UnknownRole, $"Unknown role '{role}'.");
        if (role == Roles.Client && tenant is null) return Fail(ClientNeedsTenant, "A Client user needs a tenant.");
        if (role != Roles.Client && tenant is not null) return Fail(StaffHasNoTenant, "Operator staff belong to no tenant.");
        return null;
    }

    private static IdentityResult Fail(string code, string description) =>
        IdentityResult.Failed(new IdentityError { Code = code, Description = description });
}
