using System.Security.Cryptography;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Outbound.Web.Security;

/// <summary>
/// Headers every response carries: a Content-Security-Policy that runs only our own scripts (inline ones need the
/// request's nonce, which <see cref="ScriptNonceTagHelper"/> puts on every script tag), no framing by other sites, and
/// no content-type sniffing. Inline style attributes stay allowed: a few pages draw bars and heat maps with them, and a
/// style cannot run code.
/// </summary>
public static class SecurityHeaders
{
    private static readonly object NonceKey = new();

    /// <summary>The nonce of this request's inline scripts.</summary>
    public static string CspNonce(this HttpContext context) => (string)context.Items[NonceKey]!;

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        // Set as the response starts: the error pages clear the headers of a failed response before they write theirs.
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = string.Join("; ",
                "default-src 'self'", $"script-src 'self' 'nonce-{nonce}'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:",
                "connect-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'");
            headers.XFrameOptions = "DENY";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    });
}

/// <summary>Gives every &lt;script&gt; the request's CSP nonce, so that pages keep their small inline configuration scripts.</summary>
[HtmlTargetElement("script")]
public sealed class ScriptNonceTagHelper(IHttpContextAccessor http) : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (http.HttpContext is { } request) output.Attributes.SetAttribute("nonce", request.CspNonce());
    }
}
