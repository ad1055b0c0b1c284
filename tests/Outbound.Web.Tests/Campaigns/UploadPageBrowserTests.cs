using System.Text;
using Microsoft.Playwright;
using Outbound.Web.Tests.Support;

namespace Outbound.Web.Tests.Campaigns;

/// <summary>The list upload page in a real browser.</summary>
[Collection(ChineseBrowserCollection.Name)]
public sealed class UploadPageBrowserTests(KestrelDeskWebFactory factory)
{
    [Fact]
    public async Task After_the_import_finishes_the_page_lists_it_without_a_reload()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await KestrelDeskWebFactory.LaunchChromiumAsync(playwright);
        var page = await BrowserPages.SignedInAsync(browser, factory.Address, "manager@demo.local");
        await page.GotoAsync($"/Campaigns/Upload/{factory.SurveyCampaign.Value}");
        var history = page.Locator("#import-history");
        var before = await history.InnerTextAsync();

        await page.SetInputFilesAsync("input[name=file]", new FilePayload
        {
            Name = "回访名单-浏览器.csv", MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes("姓名,电话,工单号\n郑强,13700005555,GD21\n冯洁,138abc12345,GD22\n"),
        });
        await page.ClickAsync("#upload-form button[type=submit]");
        await page.ClickAsync("#mapping-form button[type=submit]");
        await page.WaitForSelectorAsync("#import-progress [data-k=result]:not([hidden])", new() { Timeout = BrowserPages.Patience });

        await history.Locator("tr", new() { HasText = "回访名单-浏览器.csv" }).WaitForAsync(new() { Timeout = BrowserPages.Patience });
        var row = await history.Locator("tr", new() { HasText = "回访名单-浏览器.csv" }).InnerTextAsync();
        Assert.Contains("已完成", row);
        Assert.DoesNotContain("回访名单-浏览器.csv", before);
        Assert.Equal("1", await page.TextContentAsync("#import-progress [data-k=rejected]"));
    }
}
