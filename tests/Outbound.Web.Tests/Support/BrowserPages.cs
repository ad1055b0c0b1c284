using Microsoft.Playwright;
using Outbound.Core.Campaigns;
using Outbound.Data.Demo;

namespace Outbound.Web.Tests.Support;

/// <summary>Pages of a real browser as the browser tests start them: signed in as a demo user, or at the desk logged in to a campaign.</summary>
internal static class BrowserPages
{
    /// <summary>How long a browser test waits for the page to show something (calls take seconds under a loaded CI).</summary>
    public const float Patience = 45_000;

    /// <summary>Every content security policy violation the page reports from now on, with the address it happened on.</summary>
    public static List<string> PolicyViolations(IPage page)
    {
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal)) violations.Add($"{page.Url}: {message.Text}");
        };
        return violations;
    }

    public static async Task<IPage> SignedInAsync(IBrowser browser, string address, string email)
    {
        var context = await browser.NewContextAsync(new() { BaseURL = address, Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("input[name=Email]", email);
        await page.FillAsync("input[name=Password]", DemoUsers.Password);
        await page.PressAsync("input[name=Password]", "Enter");
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal), new() { Timeout = Patience });
        return page;
    }

    /// <summary>The desk once its hub is connected (a click before that would be lost), logged in to <paramref name="campaign"/>.</summary>
    public static async Task<IPage> AtDeskAsync(IBrowser browser, string address, string email, CampaignId campaign)
    {
        var page = await SignedInAsync(browser, address, email);
        await page.GotoAsync("/Desk");
        await page.WaitForFunctionAsync("() => window.desk && window.desk.started", null, new() { Timeout = Patience });
        await page.EvaluateAsync("() => window.desk.started");
        await page.SelectOptionAsync("#campaign", campaign.Value.ToString());
        await page.ClickAsync("#login");
        await page.WaitForSelectorAsync("#state[data-state=not_ready]", new() { Timeout = Patience });
        return page;
    }
}
