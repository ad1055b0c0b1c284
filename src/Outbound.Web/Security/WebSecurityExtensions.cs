using System.Net;
using Microsoft.AspNetCore.HttpLogging;
using Microsoft.AspNetCore.HttpOverrides;

namespace Outbound.Web.Security;

/// <summary>
/// Where the web host sits and what it logs. Behind an HTTPS reverse proxy, the proxy's X-Forwarded-For and
/// X-Forwarded-Proto are believed from the addresses in <c>Outbound:Web:KnownProxies</c> (loopback by default), so the
/// client's address feeds the sign-in limits and cookies are marked Secure; served directly over HTTP (the local demo)
/// nothing changes. The request log names method, path, status and time — never the query, where SignalR puts its
/// connection tokens.
/// </summary>
public static class WebSecurityExtensions
{
    public sealed class ProxyOptions
    {
        public const string Section = "Outbound:Web";
        /// <summary>Addresses of reverse proxies whose forwarded headers are believed.</summary>
        public List<string> KnownProxies { get; set; } = [];
    }

    public static WebApplicationBuilder AddOutboundWebSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ProxyOptions>().BindConfiguration(ProxyOptions.Section)
            .Validate(o => o.KnownProxies.All(p => IPAddress.TryParse(p, out _)), "Outbound:Web:KnownProxies must be IP addresses")
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<Microsoft.Extensions.Options.IOptions<ProxyOptions>>((forwarded, proxies) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in proxies.Value.KnownProxies) forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
        });
        services.AddHttpLogging(o =>
        {
            o.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
            o.CombineLogs = true;
        });
        // Hosting's own "Request starting …" lines carry the query string.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        services.AddMemoryCache();
        services.AddSingleton<HubConnectionOwners>();
        return builder;
    }
}
