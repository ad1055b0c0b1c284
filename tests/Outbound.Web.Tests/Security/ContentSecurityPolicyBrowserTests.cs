using Microsoft.Playwright;
using Outbound.Web.Tests.Support;

namespace Outbound.Web.Tests.Security;

/// <summary>The content security policy in a real browser: the pages' own scripts run, a script slipped into a page does not.</summary>
public sealed class ContentSecurityPolicyBrowserTests(KestrelDeskWebFactory factory) : IClassFixture<KestrelDeskWebFactory>
{
    [Fact]
    public async Task The_desk_and_wallboard_run_their_scripts_under_the_policy_and_an_injected_inline_script_is_blocked()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await KestrelDeskWebFactory.LaunchChromiumAsync(playwright);
        var agent = await BrowserPages.SignedInAsync(browser, factory.Address, DeskWebFactory.Agent);
        var violations = BrowserPages.PolicyViolations(agent);

        var desk = await agent.GotoAsync("/Desk");
        var headers = await desk!.AllHeadersAsync();
        Assert.Contains("'nonce-", headers["content-security-policy"]);
        Assert.Equal("DENY", headers["x-frame-options"]);
        Assert.Equal("nosniff", headers["x-content-type-options"]);
        // The desk's inline configuration and its script files ran, and its hub connected.
        await agent.WaitForFunctionAsync("() => window.desk && window.desk.started", null, new() { Timeout = BrowserPages.Patience });
        await agent.EvaluateAsync("() => window.desk.started");
        Assert.Empty(violations);

        try
        {
            await agent.AddScriptTagAsync(new() { Content = "window.injected = true;" });
        }
        catch (PlaywrightException)
        {
            // the browser may report the refused script as a failed injection
        }
        Assert.False(await agent.EvaluateAsync<bool>("() => window.injected === true"));
        Assert.Contains(violations, v => v.Contains("inline script", StringComparison.OrdinalIgnoreCase));

        var supervisor = await BrowserPages.SignedInAsync(browser, factory.Address, DeskWebFactory.Supervisor);
        var wallboardViolations = BrowserPages.PolicyViolations(supervisor);
        await supervisor.GotoAsync("/Wallboard");
        await supervisor.WaitForFunctionAsync("() => window.wallboardConfig !== undefined && window.signalR !== undefined", null,
            new() { Timeout = BrowserPages.Patience });
        Assert.Empty(wallboardViolations);
    }
}
