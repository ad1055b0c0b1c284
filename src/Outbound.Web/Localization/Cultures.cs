using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Outbound.Web.Localization;

/// <summary>The UI languages: zh-CN by default, English by choice (a cookie set by the switch in the layout).</summary>
public static class Cultures
{
    public const string Chinese = "zh-CN";
    public const string English = "en";
    public static readonly string[] Supported = [Chinese, English];

    public static RequestLocalizationOptions Options()
    {
        var cultures = Supported.Select(c => new CultureInfo(c)).ToList();
        return new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Chinese),
            SupportedCultures = cultures,
            SupportedUICultures = cultures,
            // Only an explicit choice switches language; the browser's Accept-Language does not.
            RequestCultureProviders = [new CookieRequestCultureProvider()],
        };
    }
}
