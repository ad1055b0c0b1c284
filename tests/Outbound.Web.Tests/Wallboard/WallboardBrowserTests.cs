using System.Globalization;
using Microsoft.Playwright;
using Outbound.Dialer.Campaigns;
using Outbound.Web.Tests.Support;
using static Outbound.Web.Tests.Support.BrowserPages;

namespace Outbound.Web.Tests.Wallboard;

/// <summary>The wallboard in a real browser, as a Chinese supervisor reads it.</summary>
[Collection(ChineseBrowserCollection.Name)]
public sealed class WallboardBrowserTests(KestrelDeskWebFactory factory)
{
    [Fact]
    public async Task Figures_have_headers_and_words_and_an_intervention_enters_the_log_at_once_in_center_time()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await KestrelDeskWebFactory.LaunchChromiumAsync(playwright);
        var agent = await AtDeskAsync(browser, factory.Address, DeskWebFactory.Agent, factory.DeskCampaign);
        await factory.CampaignCommandAsync(c => new CampaignCommands.Start(c));
        try
        {
            var supervisor = await SignedInAsync(browser, factory.Address, DeskWebFactory.Supervisor);
            await supervisor.GotoAsync("/Wallboard");

            Assert.Equal(["项目", "项目状态", "坐席状态", "已拨 / 已完成", "放弃率"], await supervisor.Locator("#campaigns thead th").AllTextContentsAsync());
            await supervisor.Locator("#campaigns tbody tr", new() { HasText = "desk-collect" }).WaitForAsync(new() { Timeout = Patience });
            Assert.Contains("运行中", await supervisor.Locator("#campaigns tbody tr", new() { HasText = "desk-collect" }).InnerTextAsync());
            var row = supervisor.Locator("#agents tr[data-agent]", new() { HasText = "坐席 1 号" });
            await row.WaitForAsync(new() { Timeout = Patience });
            Assert.Contains("刚签入", await row.InnerTextAsync());

            var logged = await supervisor.Locator("#log tbody tr").CountAsync();
            await row.Locator("button[data-action=force_not_ready]").ClickAsync(new() { Timeout = Patience });

            var entry = supervisor.Locator("#log tbody tr[data-action=force_not_ready]").First;
            await entry.WaitForAsync(new() { Timeout = Patience });
            var cells = await entry.Locator("td").AllTextContentsAsync();
            Assert.Equal(["坐席 1 号", "强制离席", ""], cells.Skip(2)); // no reason given by the supervisor
            var shanghai = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
            var at = DateTime.ParseExact(cells[0], "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            Assert.True(Math.Abs((at - shanghai.DateTime).TotalMinutes) < 2, $"{cells[0]} is not the center's time {shanghai:HH:mm:ss}");
            Assert.Equal(logged + 1, await supervisor.Locator("#log tbody tr").CountAsync());
            await agent.WaitForSelectorAsync("#state[data-state=not_ready]", new() { Timeout = Patience });
            Assert.Equal("班长强制离席", await agent.TextContentAsync("#state-reason"));
        }
        finally
        {
            await factory.CampaignCommandAsync(c => new CampaignCommands.Stop(c));
        }
    }
}
