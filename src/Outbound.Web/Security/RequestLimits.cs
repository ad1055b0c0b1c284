using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;
using Outbound.Web.Localization;
using Outbound.Web.Pages;

namespace Outbound.Web.Security;

/// <summary>
/// Requests too big or too odd to serve get a clear answer before any page sees them, instead of a bare 400 from deep in
/// the framework: an upload larger than its page allows (413, "the file is larger than … MB"), a form whose values are
/// too long to read (400), a query or form with a NUL character (400; no text in the product holds one).
/// </summary>
public static class RequestLimits
{
    public static readonly Text FileTooLarge = new("文件大于 {0} MB，无法上传。请拆分后分批上传。", "The file is larger than {0} MB and cannot be uploaded; split it and upload the parts.");
    public static readonly Text FormTooLong = new("表单内容过长，无法提交：请缩短过长的内容（如名称、说明）后重试。",
        "The form is too long to be sent: shorten the long entries (a name, a note) and try again.");
    public static readonly Text NulCharacter = new("请求中含有无效字符（NUL）。", "The request contains an invalid character (NUL).");

    /// <summary>After routing, so that a page's own upload limit (its [RequestSizeLimit]) is known.</summary>
    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        // The error page that shows a refusal runs through here again, with the same request: let it.
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerFeature>() is not null)
        {
            await next(context);
            return;
        }
        var request = context.Request;
        if (request.QueryString.Value?.Contains("%00", StringComparison.Ordinal) == true)
        {
            Refuse(context, StatusCodes.Status400BadRequest, NulCharacter);
            return;
        }
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize;
        if (limit is { } max && request.ContentLength > max)
        {
            Refuse(context, StatusCodes.Status413PayloadTooLarge, new(FileTooLarge.Zh.Replace("{0}", Megabytes(max)), FileTooLarge.En.Replace("{0}", Megabytes(max))));
            return;
        }
        if (request.HasFormContentType && !request.ContentType!.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
        {
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(context.RequestAborted);
            }
            catch (InvalidDataException)
            {
                Refuse(context, StatusCodes.Status400BadRequest, FormTooLong);
                return;
            }
            if (form.Any(f => f.Value.Any(v => v?.Contains('\0') == true)))
            {
                Refuse(context, StatusCodes.Status400BadRequest, NulCharacter);
                return;
            }
        }
        await next(context);
    });

    private static void Refuse(HttpContext context, int status, Text message)
    {
        context.SetProblem(message);
        context.Response.StatusCode = status;
    }

    private static string Megabytes(long bytes) => (bytes / (1024 * 1024)).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
