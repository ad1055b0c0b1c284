using Microsoft.Playwright;
using Outbound.Web.Tests.Support;

namespace Outbound.Web.Tests.Campaigns;

/// <summary>The campaign editor's script in a real browser.</summary>
public sealed class CampaignEditorBrowserTests(KestrelDeskWebFactory factory) : IClassFixture<KestrelDeskWebFactory>
{
    [Fact]
    public async Task Choosing_the_inbound_kind_relabels_the_caller_id_as_the_hotline_number()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await KestrelDeskWebFactory.LaunchChromiumAsync(playwright);
        var page = await BrowserPages.SignedInAsync(browser, factory.Address, "manager@demo.local");

        await page.GotoAsync("/Campaigns/Create");
        Assert.Equal("主叫号码", await page.TextContentAsync("#caller-id-label"));
        await page.SelectOptionAsync("select[name$=Kind]", "Inbound");
        Assert.Equal("热线号码", await page.TextContentAsync("#caller-id-label"));
        await page.SelectOptionAsync("select[name$=Kind]", "Collections");
        Assert.Equal("主叫号码", await page.TextContentAsync("#caller-id-label"));
    }
}
