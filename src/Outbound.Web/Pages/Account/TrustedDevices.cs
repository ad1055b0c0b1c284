using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Outbound.Web.Pages.Account;

/// <summary>
/// Browsers where an account signed in before (a protected cookie listing those accounts, like OWASP's device cookies).
/// Their attempts skip the account's queue: an attack on an agent's account slows the attacker, not the agent at the
/// desk browser the agent always uses. Several agents may share one browser (more staff than seats).
/// </summary>
public sealed class TrustedDevices(IDataProtectionProvider protection, TimeProvider clock)
{
    public const string CookieName = "outbound.device";
    private const int MaxAccounts = 30;
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(180);
    private readonly IDataProtector _protector = protection.CreateProtector("Outbound.SignIn.TrustedDevice");

    public bool Trusts(HttpRequest request, string account) => AccountsOf(request).Contains(account);

    public void Remember(HttpContext context, string account)
    {
        var accounts = AccountsOf(context.Request).Where(a => a != account).Prepend(account).Take(MaxAccounts);
        context.Response.Cookies.Append(CookieName, _protector.Protect(string.Join('\n', accounts)), new CookieOptions
        {
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            Path = "/Account",
            Expires = clock.GetUtcNow() + Lifetime,
            IsEssential = true,
        });
    }

    private IReadOnlyList<string> AccountsOf(HttpRequest request)
    {
        if (request.Cookies[CookieName] is not { Length: > 0 } cookie) return [];
        try
        {
            return _protector.Unprotect(cookie).Split('\n');
        }
        catch (CryptographicException)
        {
            return []; // forged, or from a key ring this node no longer has
        }
    }
}
