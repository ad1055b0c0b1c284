using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outbound.Web.Localization;

namespace Outbound.Web.Pages;

/// <summary>Shown for unhandled errors and for error status codes (404, 403 …) without a body of their own.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    private const string ReasonKey = "outbound.error-reason";

    public Text Title { get; private set; } = new("出错了，请稍后再试。", "Something went wrong. Please try again later.");

    /// <summary>Gives the error page the reason of a status code set without a body (it is shown instead of the generic title).</summary>
    public static void Explain(HttpContext context, Text reason) => context.Items[ReasonKey] = reason;

    public void OnGet(int? code) => Describe(code);
    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        if (HttpContext.Items[ReasonKey] is Text reason) Title = reason;
        else if (code == StatusCodes.Status404NotFound) Title = new("页面不存在或无权查看。", "This page does not exist or is not yours to see.");
        else if (code == StatusCodes.Status403Forbidden) Title = new("没有权限访问此页面。", "You are not allowed to open this page.");
    }
}
