using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outbound.Web.Localization;

namespace Outbound.Web.Pages;

/// <summary>
/// Shown for unhandled errors and for error status codes (404, 403 …) without a body of their own, with the message a
/// page gave for it (<see cref="ErrorResults"/>).
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    private const string ReasonKey = "outbound.error-reason";

    public Text Title { get; private set; } = new("出错了，请稍后再试。", "Something went wrong. Please try again later.");
    public Text? Detail { get; private set; }

    /// <summary>Gives the error page the reason of a status code set without a body (it is shown instead of the generic title).</summary>
    public static void Explain(HttpContext context, Text reason) => context.Items[ReasonKey] = reason;

    // No model binding: the page also renders for a request whose form could not be read.
    public void OnGet() => Describe();
    public void OnPost() => Describe();

    private void Describe()
    {
        var code = int.TryParse(Request.Query["code"], out var c) ? c : (int?)null;
        Title = code switch
        {
            StatusCodes.Status400BadRequest => new("请求有误。", "The request cannot be used."),
            StatusCodes.Status403Forbidden => new("没有权限访问此页面。", "You are not allowed to open this page."),
            StatusCodes.Status404NotFound => new("页面不存在或无权查看。", "This page does not exist or is not yours to see."),
            StatusCodes.Status413PayloadTooLarge => new("上传的内容过大。", "What was sent is too large."),
            StatusCodes.Status429TooManyRequests => new("请求过于频繁，请稍后再试。", "Too many requests; please wait a little and try again."),
            _ => Title,
        };
        if (HttpContext.Items[ReasonKey] is Text reason) Title = reason;
        Detail = ErrorResults.MessageOf(HttpContext);
    }
}
