using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Outbound.Reports.Pdf;
using Outbound.Web.Pages;

namespace Outbound.Web.Pdf;

/// <summary>
/// A PDF download while the Chinese font is missing answers 503 with the reason on the error page, not a 500:
/// the font is a fault of the server's set-up that an administrator fixes (see the admin's system page).
/// </summary>
public sealed class PdfFontMissingFilter(ILogger<PdfFontMissingFilter> logger) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is not ReportFontMissingException missing) return;
        logger.LogError("PDF refused at {Path}: {Message}", context.HttpContext.Request.Path, missing.Message);
        executed.ExceptionHandled = true;
        ErrorModel.Explain(context.HttpContext, PdfTexts.FontMissing);
        executed.Result = new StatusCodeResult(StatusCodes.Status503ServiceUnavailable);
    }
}
