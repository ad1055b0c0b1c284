using Microsoft.Playwright;
using Outbound.Web.Tests.Support;

namespace Outbound.Web.Tests.Hr;

/// <summary>Hr's rule catalogue in a real browser.</summary>
[Collection(ChineseBrowserCollection.Name)]
public sealed class RuleCatalogueBrowserTests(KestrelDeskWebFactory factory)
{
    [Fact]
    public async Task The_rule_text_is_wide_enough_to_read_a_rule_in_a_few_lines()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await KestrelDeskWebFactory.LaunchChromiumAsync(playwright);
        var page = await BrowserPages.SignedInAsync(browser, factory.Address, "hr@demo.local");
        await page.SetViewportSizeAsync(1280, 900);

        await page.GotoAsync("/Hr/Rules");

        var text = page.Locator("tr[data-rule-text='5'] textarea[name=TextZh]");
        var box = await text.BoundingBoxAsync();
        Assert.NotNull(box);
        // 24 Chinese characters a line at 15 px: rule 5 (about 60 characters) reads in three lines.
        Assert.True(box.Width >= 24 * 15, $"the rule text is {box.Width:0} px wide");
        var table = await page.Locator("table.rule-catalogue").BoundingBoxAsync();
        Assert.True(table!.X + table.Width <= 1280, "the catalogue fits the window");
    }
}
