using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outbound.Data.Identity;
using Outbound.Web.Localization;

namespace Outbound.Web.Pages.Account;

/// <summary>Password sign-in. Five wrong passwords in a row lock the account (IdentityServiceCollectionExtensions).</summary>
public sealed class LoginModel(SignInManager<OutboundUser> signIn) : PageModel
{
    [BindProperty] public string Email { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public Text? Problem { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email) || string.IsNullOrEmpty(Password))
        {
            Problem = AccountTexts.Required;
            return Page();
        }
        var user = await signIn.UserManager.FindByEmailAsync(Email.Trim());
        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        Problem = result.IsLockedOut ? AccountTexts.LockedOut : AccountTexts.Failed;
        return Page();
    }
}
