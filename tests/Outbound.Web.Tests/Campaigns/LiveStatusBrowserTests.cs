using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Npgsql;
using Outbound.Web.Tests.Support;

namespace Outbound.Web.Tests.Campaigns;

/// <summary>The live campaign page's script in a real browser.</summary>
public sealed class LiveStatusBrowserTests(KestrelDeskWebFactory factory) : IClassFixture<KestrelDeskWebFactory>
{
    [Fact]
    public async Task The_live_page_fills_in_the_lists_progress_from_the_pushed_figures()
    {
        await using var count = factory.Services.GetRequiredService<NpgsqlDataSource>()
            .CreateCommand($"SELECT count(*) FROM leads WHERE campaign_id = '{factory.DeskCampaign.Value}' AND status <> 'manual'");
        var listed = (long)(await count.ExecuteScalarAsync())!;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await KestrelDeskWebFactory.LaunchChromiumAsync(playwright);
        var page = await BrowserPages.SignedInAsync(browser, factory.Address, "manager@demo.local");

        await page.GotoAsync($"/Campaigns/Live/{factory.DeskCampaign.Value}");
        await page.WaitForFunctionAsync("() => document.getElementById('list-total').textContent !== '–'", null, new() { Timeout = BrowserPages.Patience });

        Assert.True(listed > 0, "the desk campaign has a list");
        Assert.Equal(listed, long.Parse((await page.TextContentAsync("#list-total"))!, NumberStyles.AllowThousands, CultureInfo.InvariantCulture));
        Assert.EndsWith(" %", await page.TextContentAsync("#list-finished"));
    }
}
