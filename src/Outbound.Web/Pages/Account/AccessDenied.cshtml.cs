using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Outbound.Web.Pages.Account;

/// <summary>Where the cookie handler sends a signed-in user whose role does not fit; answers 403.</summary>
public sealed class AccessDeniedModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
