using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Outbound.Web.Tests.Support;

namespace Outbound.Web.Tests.Account;

/// <summary>
/// The web app with tight sign-in limits and no refill during a test, where requests come from a proxy on loopback, so
/// that a test picks its client's address with X-Forwarded-For (as behind an HTTPS reverse proxy).
/// </summary>
public sealed class SignInWebFactory : OutboundWebFactory
{
    public const int SourceBurst = 6;
    public const int AccountBurst = 8;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Outbound:SignIn:SourceBurst", SourceBurst.ToString());
        builder.UseSetting("Outbound:SignIn:SourceInterval", "01:00:00");
        builder.UseSetting("Outbound:SignIn:SourceQueue", "0");
        builder.UseSetting("Outbound:SignIn:AccountBurst", AccountBurst.ToString());
        builder.UseSetting("Outbound:SignIn:AccountInterval", "01:00:00");
        builder.UseSetting("Outbound:SignIn:AccountQueue", "0");
        builder.ConfigureServices(services => services.AddTransient<IStartupFilter, FromLoopbackProxy>());
    }

    /// <summary>A cookie-keeping client whose requests come from <paramref name="address"/> through the proxy.</summary>
    public Browser From(string address, bool https = false)
    {
        var browser = NewBrowser();
        browser.Client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        if (https) browser.Client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        return browser;
    }

    /// <summary>A fresh client address for each test (10.x.y.z).</summary>
    public static string NewAddress() => $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}";

    /// <summary>The test server has no connection address: this one is the proxy's, on loopback.</summary>
    private sealed class FromLoopbackProxy : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress ??= IPAddress.Loopback;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
