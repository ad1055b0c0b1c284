using Microsoft.Playwright;
using Outbound.Dialer.Campaigns;
using Outbound.Web.Areas.Desk;
using Outbound.Web.Tests.Support;

namespace Outbound.Web.Tests.Desk;

/// <summary>The desk and the wallboard in a real browser, with a simulated predictive call.</summary>
public sealed class DeskBrowserTests(KestrelDeskWebFactory factory) : IClassFixture<KestrelDeskWebFactory>
{
    private const float Patience = BrowserPages.Patience;

    [Fact]
    public async Task An_agent_takes_a_call_fills_the_collections_form_books_a_callback_and_the_supervisor_forces_it_not_ready()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await KestrelDeskWebFactory.LaunchChromiumAsync(playwright);
        var agent = await BrowserPages.SignedInAsync(browser, factory.Address, DeskWebFactory.Agent);

        await agent.GotoAsync("/Desk");
        // Under load the page can render before its hub connection is up: a click before that would be lost.
        await agent.WaitForFunctionAsync("() => window.desk && window.desk.started", null, new() { Timeout = Patience });
        await agent.EvaluateAsync("() => window.desk.started");
        await agent.SelectOptionAsync("#campaign", factory.DeskCampaign.Value.ToString());
        await agent.ClickAsync("#login");
        await agent.WaitForSelectorAsync("#state[data-state=not_ready]", new() { Timeout = Patience });
        await agent.Keyboard.PressAsync("F2"); // ready, from the keyboard
        await agent.WaitForSelectorAsync("#state[data-state=ready]", new() { Timeout = Patience });

        await factory.CampaignCommandAsync(c => new CampaignCommands.Start(c));
        try
        {
            await agent.WaitForSelectorAsync("#pop:not([hidden])", new() { Timeout = Patience });
            Assert.Equal("call", await agent.GetAttributeAsync("#pop", "data-kind"));
            Assert.StartsWith("测试客户", await agent.TextContentAsync("#pop-name"));
            Assert.Contains("逾期金额（元）", await agent.TextContentAsync("#pop-fields"));
            Assert.Contains("信用卡中心", await agent.TextContentAsync("#pop-script"));
            Assert.True(await agent.IsVisibleAsync("#collections"));

            await agent.WaitForSelectorAsync("#acw:not([hidden])", new() { Timeout = Patience }); // the customer hung up
            await factory.CampaignCommandAsync(c => new CampaignCommands.Stop(c));
            await Task.Delay(TimeSpan.FromSeconds(4)); // lines still ringing end meanwhile

            // Ready is not offered until the call's result is saved, and the desk says so.
            Assert.True(await agent.IsHiddenAsync("#ready"));
            Assert.Equal(DeskTexts.ResultMissing.Zh, await agent.TextContentAsync("#result-status"));

            await agent.CheckAsync("#right-party");
            await agent.FillAsync("#amount-due", "1001.50");
            await agent.FillAsync("#promise-amount", "600");
            await agent.FillAsync("#promise-date", DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd"));
            await agent.FillAsync("#payment-plan", "分 3 期");
            await agent.SelectOptionAsync("#disposition", "promise_to_pay");
            await agent.FillAsync("#callback-at", DateTime.Now.AddDays(1).ToString("yyyy-MM-dd'T'HH:mm"));
            await agent.CheckAsync("#callback-mine");
            await agent.ClickAsync("#submit-disposition");
            await agent.WaitForSelectorAsync("#desk-flash:not([hidden])", new() { Timeout = Patience });
            await agent.WaitForSelectorAsync("#state[data-state=ready]", new() { Timeout = Patience });

            await using (var cmd = factory.Db.CreateCommand(
                "SELECT count(*) FROM desk_call_forms WHERE disposition = 'promise_to_pay' AND promise_amount = 600 AND payment_plan = '分 3 期' AND callback_mine AND right_party"))
                Assert.Equal(1L, await cmd.ExecuteScalarAsync());

            var supervisor = await BrowserPages.SignedInAsync(browser, factory.Address, DeskWebFactory.Supervisor);
            await supervisor.GotoAsync("/Wallboard");
            var row = supervisor.Locator("#agents tr[data-agent]", new() { HasText = "坐席 1 号" });
            await row.Locator("button[data-action=force_not_ready]").ClickAsync(new() { Timeout = Patience });
            await agent.WaitForSelectorAsync("#state[data-state=not_ready]", new() { Timeout = Patience });
            Assert.Equal(DeskTexts.ReasonName(Outbound.Web.Areas.Wallboard.WallboardHub.ForcedReason).Zh, await agent.TextContentAsync("#state-reason")); // worded, not the raw code
            await supervisor.WaitForSelectorAsync("#agents tr[data-state=not_ready]", new() { Timeout = Patience });
        }
        finally
        {
            await factory.CampaignCommandAsync(c => new CampaignCommands.Stop(c));
        }
    }

    [Fact]
    public async Task An_agent_answers_the_survey_questionnaire_following_its_skip_logic_and_dispositions()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await KestrelDeskWebFactory.LaunchChromiumAsync(playwright);
        var agent = await BrowserPages.SignedInAsync(browser, factory.Address, DeskWebFactory.SurveyAgent);

        await agent.GotoAsync("/Desk");
        await agent.SelectOptionAsync("#campaign", factory.SurveyCampaign.Value.ToString());
        await agent.ClickAsync("#login");
        await agent.WaitForSelectorAsync("#state[data-state=not_ready]", new() { Timeout = Patience });
        await agent.ClickAsync("#ready");
        await agent.WaitForSelectorAsync("#state[data-state=ready]", new() { Timeout = Patience });

        await factory.CampaignCommandAsync(factory.SurveyCampaign, c => new CampaignCommands.Start(c));
        try
        {
            await agent.WaitForSelectorAsync("#pop:not([hidden])", new() { Timeout = Patience });
            Assert.StartsWith("回访客户", await agent.TextContentAsync("#pop-name"));
            Assert.False(await agent.IsVisibleAsync("#collections"));
            Assert.True(await agent.IsVisibleAsync("#survey"));

            await agent.CheckAsync("input[name='q-owner'][value='是']");
            await agent.CheckAsync("input[name='q-resolved'][value='已解决']");
            // "已解决" skips the reason question.
            Assert.False(await agent.IsVisibleAsync(".question[data-id='unresolved_reason']"));
            await agent.CheckAsync("input[name='q-attitude'][value='5']");
            await agent.CheckAsync("input[name='q-overall'][value='满意']");
            Assert.False(await agent.IsVisibleAsync(".question[data-id='suggestion']")); // "满意" ends the survey

            await agent.WaitForSelectorAsync("#acw:not([hidden])", new() { Timeout = Patience });
            await factory.CampaignCommandAsync(factory.SurveyCampaign, c => new CampaignCommands.Stop(c));
            await agent.SelectOptionAsync("#disposition", "completed");
            await agent.ClickAsync("#submit-disposition");
            await agent.WaitForSelectorAsync("#desk-flash:not([hidden])", new() { Timeout = Patience });

            await using var cmd = factory.Db.CreateCommand(
                "SELECT survey_answers::text FROM desk_call_forms WHERE campaign_id = @c AND disposition = 'completed'");
            cmd.Parameters.AddWithValue("c", factory.SurveyCampaign.Value);
            using var answers = System.Text.Json.JsonDocument.Parse((string)(await cmd.ExecuteScalarAsync())!);
            var root = answers.RootElement;
            Assert.Equal("是", root.GetProperty("owner")[0].GetString());
            Assert.Equal("5", root.GetProperty("attitude")[0].GetString());
            Assert.Equal("满意", root.GetProperty("overall")[0].GetString());
            Assert.False(root.TryGetProperty("unresolved_reason", out _));

            // The report's survey figures read the same questionnaire, completed along the skip path.
            await using var response = factory.Db.CreateCommand(
                "SELECT completed FROM survey_responses WHERE campaign_id = @c AND answers->'overall'->>0 = '满意'");
            response.Parameters.AddWithValue("c", factory.SurveyCampaign.Value);
            Assert.True((bool)(await response.ExecuteScalarAsync())!);
        }
        finally
        {
            await factory.CampaignCommandAsync(factory.SurveyCampaign, c => new CampaignCommands.Stop(c));
        }
    }
}
