namespace Outbound.Web.Tests.Security.Access;

/// <summary>The pages outside the areas: home, sign-in and out, language, errors, and the health check.</summary>
internal sealed class AccountAccess : IAccessDeclarations
{
    public void Declare(AccessMap map, AccessWorld world)
    {
        map.Page("/Index", "/", Who.SignedIn);
        map.Page("/Error", "/Error", Who.Anyone).Post("");
        map.PageWithoutGet("/Language", "/Language", Who.Anyone).Post("");
        map.Page("/Account/Login", "/Account/Login", Who.Anyone).Post("");
        map.Page("/Account/Logout", "/Account/Logout", Who.Anyone, allowed: Outcome.Redirect).PostSigningOut("");
        // The page that tells a signed-in user they may not open something answers 403 itself.
        map.Page("/Account/AccessDenied", "/Account/AccessDenied", Who.Anyone, allowed: Outcome.Denied);
        map.Endpoint("GET", "/health", "/health", Who.Anyone, Scope.None, Outcome.Ok);
    }
}
