using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Outbound.Data.Identity;
using Outbound.Web.Localization;

namespace Outbound.Web.Pages.Account;

/// <summary>
/// Password sign-in, hard to guess at and hard to turn against a user (<see cref="SignInProtection"/>): posts are rate
/// limited per source, attempts per account wait their turn, and wrong passwords lock an account only from where they
/// came. An email no user has gets the same answers, after the same work, as a real one.
/// </summary>
[EnableRateLimiting(SignInProtection.Policy)]
public sealed class LoginModel(SignInManager<OutboundUser> signIn, SignInThrottle throttle, TrustedDevices devices, IOptions<SignInLimits> limits)
    : PageModel
{
    [BindProperty] public string Email { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public Text? Problem { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Email) || string.IsNullOrEmpty(Password)) return Refuse(AccountTexts.Required);
        var account = SignInThrottle.AccountOf(Email);
        var source = SignInLimits.SourceOf(HttpContext);
        if (throttle.IsLockedOut(account, source)) return Refuse(LockedOut);
        if (!devices.Trusts(Request, account) && !await throttle.WaitForTurnAsync(account, ct))
            return Refuse(AccountTexts.TooManyForAccount, StatusCodes.Status429TooManyRequests);

        var user = await signIn.UserManager.FindByEmailAsync(Email.Trim());
        if (user is null)
        {
            throttle.SpendAPasswordCheck(signIn.UserManager.PasswordHasher, Password);
            return Failed(account, source);
        }
        var result = await signIn.PasswordSignInAsync(user, Password, isPersistent: false, lockoutOnFailure: false);
        if (result.Succeeded)
        {
            throttle.Succeeded(account, source);
            devices.Remember(HttpContext, account);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }
        // Identity answers a locked account before it looks at the password: tell the lock only to whoever knows the password.
        if (result.IsLockedOut && await signIn.UserManager.CheckPasswordAsync(user, Password)) return Refuse(AccountTexts.LockedByAdministrator);
        return Failed(account, source);
    }

    private Text LockedOut => AccountTexts.LockedOut(limits.Value.FailuresBeforeLockout, limits.Value.Lockout);

    private PageResult Failed(string account, string source) => Refuse(throttle.Failed(account, source) ? LockedOut : AccountTexts.Failed);

    private PageResult Refuse(Text problem, int status = StatusCodes.Status200OK)
    {
        Problem = problem;
        Response.StatusCode = status;
        return Page();
    }
}
