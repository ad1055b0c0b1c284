using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Outbound.Web.Tests.Support;

/// <summary>
/// <see cref="DeskWebFactory"/> on a real Kestrel port, for a real browser: Debian's chromium driven by
/// Playwright's bundled driver (FINDINGS.md).
/// </summary>
public sealed class KestrelDeskWebFactory : DeskWebFactory
{
    public KestrelDeskWebFactory() => UseKestrel(0);

    public string Address => Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    public static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new()
    {
        ExecutablePath = "/usr/bin/chromium",
        Headless = true,
        Args = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"],
    });
}
