using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Outbound.Core.Tenants;
using Outbound.Data.Identity;
using Outbound.Data.Tenants;
using Outbound.Web.Localization;
using Outbound.Web.Pages.Account;

namespace Outbound.Web.Areas.Admin.Pages.Users;

/// <summary>Every login with its role, tenant and lock state; unlock (解冻) and password reset (重置) act on one user.</summary>
public sealed class IndexModel(OutboundDbContext db, UserManager<OutboundUser> users, UserAccounts accounts, TenantRepository tenants,
    SignInThrottle throttle, TimeProvider clock)
    : PageModel
{
    public sealed record UserRow(Guid Id, string Email, string DisplayName, string Role, string? TenantCode, bool IsLockedOut, int FailedLogins);

    public IReadOnlyList<UserRow> Rows { get; private set; } = [];
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Rows = await LoadAsync(ct);

    public async Task<IActionResult> OnPostUnlockAsync(Guid id, CancellationToken ct)
    {
        if (await users.FindByIdAsync(id.ToString()) is not { } user) return NotFound();
        var result = await accounts.UnlockAsync(user);
        throttle.Unlock(SignInThrottle.AccountOf(user.Email ?? ""));
        return await Done(result, AdminTexts.Unlocked.Format(user.Email ?? ""), ct);
    }

    public async Task<IActionResult> OnPostResetAsync(Guid id, string newPassword, CancellationToken ct)
    {
        if (await users.FindByIdAsync(id.ToString()) is not { } user) return NotFound();
        var result = await accounts.ResetPasswordAsync(user, newPassword ?? "");
        return await Done(result, AdminTexts.PasswordReset.Format(user.Email ?? ""), ct);
    }

    private async Task<IActionResult> Done(IdentityResult result, string message, CancellationToken ct)
    {
        if (result.Succeeded)
        {
            TempData["Flash"] = message;
            return RedirectToPage();
        }
        Problems = IdentityErrorText.Describe(result);
        Rows = await LoadAsync(ct);
        return Page();
    }

    private async Task<IReadOnlyList<UserRow>> LoadAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var tenantCodes = (await tenants.ListAsync(TenantScope.AllTenants, ct)).ToDictionary(t => t.Id.Value, t => t.Code);
        var rows = await (
            from u in db.Users
            join ur in db.UserRoles on u.Id equals ur.UserId into urs
            from ur in urs.DefaultIfEmpty()
            join r in db.Roles on ur.RoleId equals r.Id into rs
            from r in rs.DefaultIfEmpty()
            orderby u.Email
            select new { u.Id, u.Email, u.DisplayName, Role = r == null ? "" : r.Name, u.TenantId, u.LockoutEnd, u.AccessFailedCount })
            .ToListAsync(ct);
        return rows.Select(r =>
            {
                // Wrong passwords lock an account only from where they came (SignInThrottle); an older lock is Identity's own.
                var (failures, lockedSomewhere) = throttle.StateOf(SignInThrottle.AccountOf(r.Email ?? ""));
                return new UserRow(r.Id, r.Email ?? "", r.DisplayName, r.Role ?? "",
                    r.TenantId is { } t && tenantCodes.TryGetValue(t, out var code) ? code : null,
                    r.LockoutEnd > now || lockedSomewhere, r.AccessFailedCount + failures);
            })
            .ToList();
    }
}
