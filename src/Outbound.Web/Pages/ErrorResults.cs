using Microsoft.AspNetCore.Mvc;
using Outbound.Web.Localization;

namespace Outbound.Web.Pages;

/// <summary>
/// An error status with a message for the user: the status code page (<see cref="ErrorModel"/>) shows the message in the
/// user's language under its title, so a bad link gets "the month must be …", not a bare 400 or a stack trace.
/// </summary>
public static class ErrorResults
{
    private static readonly object Key = new();

    public static IActionResult Problem(this HttpContext context, int status, Text message)
    {
        context.Items[Key] = message;
        return new StatusCodeResult(status);
    }

    /// <summary>400: a parameter the page cannot use.</summary>
    public static IActionResult BadParameter(this HttpContext context, Text message) => context.Problem(StatusCodes.Status400BadRequest, message);

    /// <summary>404 with what was not found.</summary>
    public static IActionResult NotFoundWith(this HttpContext context, Text message) => context.Problem(StatusCodes.Status404NotFound, message);

    /// <summary>Sets the message for a status written outside MVC (middleware, rate limiter).</summary>
    public static void SetProblem(this HttpContext context, Text message) => context.Items[Key] = message;

    internal static Text? MessageOf(HttpContext context) => context.Items[Key] as Text;
}

/// <summary>A query parameter the page cannot use; <see cref="BadParameterFilter"/> answers 400 with <see cref="Text"/>.</summary>
public sealed class BadParameterException(Text text) : Exception(text.En)
{
    public Text Text { get; } = text;
}

/// <summary>
/// Turns a <see cref="BadParameterException"/> thrown while a page handler reads its parameters (a month out of range, a
/// malformed day) into a 400 page that says what was wrong, so each page need not check every parameter itself.
/// </summary>
public sealed class BadParameterFilter : Microsoft.AspNetCore.Mvc.Filters.IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context,
        Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is BadParameterException bad)
        {
            executed.Result = context.HttpContext.BadParameter(bad.Text);
            executed.ExceptionHandled = true;
        }
    }
}
