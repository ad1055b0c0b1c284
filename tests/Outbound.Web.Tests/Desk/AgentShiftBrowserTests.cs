using Dapper;
using Microsoft.Playwright;
using Outbound.Core.Campaigns;
using Outbound.Dialer.Campaigns;
using Outbound.Web.Areas.Desk;
using Outbound.Web.Tests.Support;

namespace Outbound.Web.Tests.Desk;

/// <summary>
/// Whole working days at the desk in a real browser, in the orders people really use it: a predictive shift of eight
/// calls with results saved during and after calls, reloads, callbacks, hold, consult, transfer and hang-up; and a
/// manager switching a running campaign to preview while an agent works it. The database is checked afterwards.
/// The simulated customers talk for an hour, so every call ends by the agent's hand.
/// </summary>
public sealed class AgentShiftBrowserTests(CallControlWebFactory factory) : IClassFixture<CallControlWebFactory>
{
    private const float Patience = BrowserPages.Patience;
    private const string SwitchAgent = "agent5@demo.local";

    private static Task WaitStateAsync(IPage page, string state) =>
        page.WaitForSelectorAsync($"#state[data-state={state}]", new() { Timeout = Patience });

    /// <summary>The next customer call on the desk (another number than <paramref name="previous"/>): its number.</summary>
    private static async Task<string> NextCallAsync(IPage page, string? previous)
    {
        await page.WaitForFunctionAsync("""
            prev => document.querySelector('#state').dataset.state === 'talking' && !document.getElementById('pop').hidden
                && document.getElementById('pop').dataset.kind === 'call' && document.getElementById('pop-phone').textContent !== prev
            """, previous ?? "", new() { Timeout = Patience });
        return (await page.TextContentAsync("#pop-phone"))!;
    }

    private static async Task SaveAsync(IPage page, string disposition, int? callbackDays = null, bool mine = true)
    {
        await page.SelectOptionAsync("#disposition", disposition);
        if (callbackDays is { } days)
        {
            await page.FillAsync("#callback-at", DateTime.Now.AddDays(days).ToString("yyyy-MM-dd'T'HH:mm"));
            await page.CheckAsync(mine ? "#callback-mine" : "#callback-anyone");
        }
        await page.ClickAsync("#save-result");
        await page.WaitForFunctionAsync("t => document.getElementById('result-status').textContent === t", DeskTexts.ResultSaved.Zh,
            new() { Timeout = Patience });
    }

    private static async Task HangUpAsync(IPage page)
    {
        await page.ClickAsync("#hang-up");
        await WaitStateAsync(page, "after_call_work");
    }

    /// <summary>A reload, as an agent presses F5: the desk comes back from the server with its state, lead and saved result.</summary>
    private static async Task ReloadAsync(IPage page)
    {
        await page.ReloadAsync();
        await page.WaitForFunctionAsync("() => window.desk && window.desk.started", null, new() { Timeout = Patience });
        await page.EvaluateAsync("() => window.desk.started");
    }

    /// <summary>Leaves after-call work by the ready button: the desk is no longer in it (a next call may come at once).</summary>
    private static async Task ReadyAsync(IPage page)
    {
        await page.ClickAsync("#ready");
        await page.WaitForSelectorAsync("#state:not([data-state=after_call_work])", new() { Timeout = Patience });
    }

    private async Task<string> UserIdAsync(string email) => await factory.UserIdAsync(email);

    [Fact]
    public async Task An_agent_works_a_predictive_shift_of_eight_calls_and_every_call_ends_with_its_result_without_a_supervisor()
    {
        var (agentId, colleagueId) = (await UserIdAsync(DeskWebFactory.Agent), await UserIdAsync(CallControlWebFactory.Colleague));
        await using (var connection = await factory.Db.OpenConnectionAsync())
            await connection.ExecuteAsync("UPDATE leads SET fields = fields - 'days_past_due' WHERE campaign_id = @c AND id % 3 <> 1",
                new { c = factory.DeskCampaign.Value }); // some leads of the list lack a field the script names
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await KestrelDeskWebFactory.LaunchChromiumAsync(playwright);

        // Signed out, the desk offers signing in and nothing else.
        var agent = await BrowserPages.SignedInAsync(browser, factory.Address, DeskWebFactory.Agent);
        await agent.GotoAsync("/Desk");
        await agent.WaitForFunctionAsync("() => window.desk && window.desk.started", null, new() { Timeout = Patience });
        await agent.EvaluateAsync("() => window.desk.started");
        await WaitStateAsync(agent, "signed_out");
        foreach (var hidden in new[] { "#call-control", "#hang-up", "#hold", "#retrieve", "#transfer", "#ready", "#not-ready", "#logout",
                     "#manual-dial", "#disposition-form", "#pop" })
            Assert.True(await agent.IsHiddenAsync(hidden), $"{hidden} shown on a signed-out desk");
        Assert.True(await agent.IsVisibleAsync("#login"));
        await agent.SelectOptionAsync("#campaign", factory.DeskCampaign.Value.ToString());
        await agent.ClickAsync("#login");
        await WaitStateAsync(agent, "not_ready");
        await agent.ClickAsync("#ready"); // right after signing in
        await WaitStateAsync(agent, "ready");
        var colleague = await BrowserPages.AtDeskAsync(browser, factory.Address, CallControlWebFactory.Colleague, factory.DeskCampaign);

        var calls = new List<(string Phone, string Agent, string Disposition)>();
        var markers = new List<(string Phone, string Marker)>();
        string? phone = null;
        async Task<string> NextAsync()
        {
            phone = await NextCallAsync(agent, phone);
            var script = (await agent.TextContentAsync("#pop-script"))!;
            Assert.DoesNotContain("{", script); // filled, or marked where the lead lacks the field
            foreach (var mark in await agent.Locator("#pop-script mark.missing-field").AllTextContentsAsync()) markers.Add((phone, mark));
            return phone;
        }

        await factory.CampaignCommandAsync(c => new CampaignCommands.Start(c));
        try
        {
            // 1. The result, with a promise and a callback for the agent itself, saved while the customer talks; then hang up and ready.
            await NextAsync();
            await agent.CheckAsync("#right-party");
            await agent.FillAsync("#promise-amount", "800");
            await agent.FillAsync("#promise-date", DateTime.Now.AddDays(5).ToString("yyyy-MM-dd"));
            await SaveAsync(agent, "promise_to_pay", callbackDays: 1, mine: true);
            Assert.Equal("talking", await agent.GetAttributeAsync("#state", "data-state"));
            await HangUpAsync(agent);
            Assert.True(await agent.IsVisibleAsync("#ready")); // the result saved during the call is enough
            await ReadyAsync(agent);
            calls.Add((phone!, agentId, "promise_to_pay"));

            // 2. Hold and retrieve (never offered together); hang up; the result and a callback for anyone after the call.
            await NextAsync();
            await agent.Keyboard.PressAsync("F4");
            await agent.WaitForSelectorAsync("#call-control[data-held=true]", new() { Timeout = Patience });
            await WaitStateAsync(agent, "held");
            Assert.True(await agent.IsVisibleAsync("#retrieve"));
            Assert.True(await agent.IsHiddenAsync("#hold"));
            await agent.ClickAsync("#retrieve");
            await WaitStateAsync(agent, "talking");
            Assert.True(await agent.IsVisibleAsync("#hold"));
            Assert.True(await agent.IsHiddenAsync("#retrieve"));
            await HangUpAsync(agent);
            Assert.True(await agent.IsHiddenAsync("#ready"));
            Assert.Equal(DeskTexts.ResultMissing.Zh, await agent.TextContentAsync("#result-status"));
            await agent.SelectOptionAsync("#disposition", "callback");
            await agent.FillAsync("#callback-at", DateTime.Now.AddDays(2).ToString("yyyy-MM-dd'T'HH:mm"));
            await agent.CheckAsync("#callback-anyone");
            await agent.ClickAsync("#submit-disposition"); // save and ready
            await agent.WaitForSelectorAsync("#state:not([data-state=after_call_work])", new() { Timeout = Patience });
            calls.Add((phone!, agentId, "callback"));

            // 3. Reloads during the call and during after-call work: the call, the lead and the saved result come back.
            var third = await NextAsync();
            await ReloadAsync(agent);
            await WaitStateAsync(agent, "talking");
            Assert.Equal(third, await agent.TextContentAsync("#pop-phone"));
            await SaveAsync(agent, "refused");
            await HangUpAsync(agent);
            await ReloadAsync(agent);
            await WaitStateAsync(agent, "after_call_work");
            Assert.Equal(third, await agent.TextContentAsync("#pop-phone"));
            Assert.Equal("refused", await agent.InputValueAsync("#disposition"));
            Assert.Equal(DeskTexts.ResultSaved.Zh, await agent.TextContentAsync("#result-status"));
            await ReadyAsync(agent);
            calls.Add((third, agentId, "refused"));

            // 4. A consult with an outside number, answered, then cancelled: the customer is back; hang up; result after.
            await NextAsync();
            await agent.FillAsync("#transfer-number", "13800138000");
            await agent.ClickAsync("#consult");
            await WaitStateAsync(agent, "consulting");
            await agent.WaitForSelectorAsync("#call-control[data-consult=up]", new() { Timeout = Patience });
            Assert.True(await agent.IsVisibleAsync("#complete-transfer"));
            Assert.True(await agent.IsHiddenAsync("#hang-up"));
            await agent.ClickAsync("#cancel-consult");
            await WaitStateAsync(agent, "talking");
            await agent.FillAsync("#transfer-number", "");
            await HangUpAsync(agent);
            await SaveAsync(agent, "third_party");
            await ReadyAsync(agent);
            calls.Add((phone!, agentId, "third_party"));

            // 5. A transfer to a colleague (the campaign paused meanwhile, so the colleague's ready brings it no call of its own):
            //    the colleague gives the result; the agent needs none to go on.
            var fifth = await NextAsync();
            await factory.CampaignCommandAsync(c => new CampaignCommands.Pause(c));
            await colleague.ClickAsync("#ready");
            await WaitStateAsync(colleague, "ready");
            await agent.FocusAsync("#transfer-agent");
            await agent.WaitForSelectorAsync($"#transfer-agent option[value='{colleagueId}']", new() { State = WaitForSelectorState.Attached, Timeout = Patience });
            await agent.SelectOptionAsync("#transfer-agent", colleagueId);
            await agent.ClickAsync("#transfer");
            await WaitStateAsync(agent, "after_call_work");
            Assert.Equal(fifth, await NextCallAsync(colleague, null));
            await SaveAsync(colleague, "paid");
            await HangUpAsync(colleague);
            await colleague.ClickAsync("#not-ready"); // after-call work closed into a break
            await WaitStateAsync(colleague, "not_ready");
            Assert.True(await agent.IsVisibleAsync("#ready"));
            await ReadyAsync(agent);
            calls.Add((fifth, colleagueId, "paid"));
            await factory.CampaignCommandAsync(c => new CampaignCommands.Start(c));

            // 6. A result saved during the call and corrected after it: the correction is what the call keeps.
            await NextAsync();
            await SaveAsync(agent, "refused");
            await HangUpAsync(agent);
            await agent.FillAsync("#promise-amount", "300");
            await agent.FillAsync("#promise-date", DateTime.Now.AddDays(3).ToString("yyyy-MM-dd"));
            await SaveAsync(agent, "promise_to_pay");
            await ReadyAsync(agent);
            calls.Add((phone!, agentId, "promise_to_pay"));

            // 7. Not ready asked for during the call (training) applies when the call is done; then ready again.
            await NextAsync();
            await agent.SelectOptionAsync("#reason", "training");
            await agent.ClickAsync("#not-ready");
            await agent.WaitForFunctionAsync("t => document.getElementById('state-reason').textContent.includes(t)", DeskTexts.ReasonTraining.Zh,
                new() { Timeout = Patience });
            await HangUpAsync(agent);
            await agent.SelectOptionAsync("#disposition", "wrong_number");
            await agent.ClickAsync("#submit-disposition");
            await WaitStateAsync(agent, "not_ready");
            Assert.Equal(DeskTexts.ReasonTraining.Zh, await agent.TextContentAsync("#state-reason"));
            calls.Add((phone!, agentId, "wrong_number"));
            await agent.ClickAsync("#ready");

            // 8. The last call of the shift: not ready during it, result during it, hang up, close, log out.
            await NextAsync();
            await agent.ClickAsync("#not-ready");
            await SaveAsync(agent, "paid");
            await HangUpAsync(agent);
            await agent.ClickAsync("#not-ready");
            await WaitStateAsync(agent, "not_ready");
            calls.Add((phone!, agentId, "paid"));
            await agent.ClickAsync("#logout");
            await WaitStateAsync(agent, "signed_out");
            Assert.True(await agent.IsHiddenAsync("#call-control"));
        }
        finally
        {
            await factory.CampaignCommandAsync(c => new CampaignCommands.Stop(c));
        }

        await using var db = await factory.Db.OpenConnectionAsync();
        // Every call has its record, with its agent and its result (the writer flushes within a moment).
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        List<(string Phone, string Agent, string? Disposition)> records;
        do
        {
            records = (await db.QueryAsync<(string, string, string?)>("""
                SELECT r.phone_e164, r.agent, r.disposition FROM call_records r
                WHERE r.campaign_id = @c AND r.outcome = 'Answered' AND r.agent IS NOT NULL
                """, new { c = factory.DeskCampaign.Value })).ToList();
            if (records.Count < calls.Count) await Task.Delay(250);
        } while (records.Count < calls.Count && DateTime.UtcNow < deadline);
        Assert.Equal(calls.OrderBy(c => c.Phone).Select(c => (c.Phone.Replace(" ", ""), c.Agent, (string?)c.Disposition)),
            records.OrderBy(r => r.Phone));
        // One form per call, however often it was saved.
        Assert.Equal(calls.Count, await db.ExecuteScalarAsync<long>(
            "SELECT count(DISTINCT lead_id) FROM desk_call_forms WHERE campaign_id = @c", new { c = factory.DeskCampaign.Value }));
        Assert.Equal(calls.Count, await db.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM desk_call_forms WHERE campaign_id = @c", new { c = factory.DeskCampaign.Value }));
        // The callbacks are on their leads: the first for the agent, the second for anyone.
        var callbacks = (await db.QueryAsync<(string Phone, string? Owner, DateTime? Next)>(
            "SELECT phone_e164, callback_agent, next_call_at FROM leads WHERE campaign_id = @c AND status = 'callback'",
            new { c = factory.DeskCampaign.Value })).ToDictionary(l => l.Phone);
        Assert.Equal(agentId, callbacks[calls[0].Phone].Owner);
        Assert.Null(callbacks[calls[1].Phone].Owner);
        Assert.All(callbacks.Values, c => Assert.True(c.Next > DateTime.UtcNow.AddHours(12)));
        Assert.Equal(2, callbacks.Count);
        // The promises the client's report counts: the one of call 6 replaced nothing of call 1's.
        Assert.Equal(2L, await db.ExecuteScalarAsync<long>("SELECT count(*) FROM collection_promises WHERE campaign_id = @c",
            new { c = factory.DeskCampaign.Value }));
        // No supervisor was needed, and none acted.
        Assert.Equal(0L, await db.ExecuteScalarAsync<long>("SELECT count(*) FROM supervisor_actions"));
        Assert.Equal(0L, await db.ExecuteScalarAsync<long>("SELECT count(*) FROM agent_state_events WHERE reason = 'supervisor'"));
        Assert.Equal("logout", await db.ExecuteScalarAsync<string>(
            "SELECT logout_reason FROM agent_sessions WHERE agent = @agentId ORDER BY logged_in_at DESC LIMIT 1", new { agentId }));
        // Where a lead lacked a field the script names, the desk marked it, and only there.
        Assert.All(markers, m => Assert.Equal(DeskTexts.MissingField.Zh.Replace("{0}", "逾期天数"), m.Marker));
        foreach (var (callPhone, _, _) in calls)
            Assert.Equal(!await db.ExecuteScalarAsync<bool>("SELECT fields ? 'days_past_due' FROM leads WHERE phone_e164 = @p", new { p = callPhone }),
                markers.Any(m => m.Phone == callPhone));
    }

    [Fact]
    public async Task A_manager_switches_a_running_campaign_to_preview_and_the_agent_then_gets_previews_that_ring_when_dialled()
    {
        var agentId = await UserIdAsync(SwitchAgent);
        var campaign = await factory.AddCollectionsCampaignAsync("switch-collect", "切换拨号模式测试", SwitchAgent, "+8613500", "切换客户", 30);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await KestrelDeskWebFactory.LaunchChromiumAsync(playwright);
        var agent = await BrowserPages.AtDeskAsync(browser, factory.Address, SwitchAgent, campaign);
        await agent.ClickAsync("#ready");
        await WaitStateAsync(agent, "ready");

        // The manager starts the campaign from its live page: the agent gets a predictive call.
        var manager = await BrowserPages.SignedInAsync(browser, factory.Address, "manager@demo.local");
        await manager.GotoAsync($"/Campaigns/Live/{campaign.Value}");
        await manager.ClickAsync("#start");
        try
        {
            var first = await NextCallAsync(agent, null);
            await agent.ClickAsync("#not-ready"); // no more predictive calls after this one

            // Switched to preview while it runs: saved, applied from the next dial, and the pages say so.
            await manager.GotoAsync($"/Campaigns/Edit/{campaign.Value}");
            await manager.SelectOptionAsync("select[name='Form.DialMode']", "Preview");
            await manager.ClickAsync("#campaign-form button[type=submit]");
            await manager.WaitForURLAsync(url => url.Contains("/Campaigns/Details/", StringComparison.Ordinal), new() { Timeout = Patience });
            var switchedAt = DateTimeOffset.UtcNow;
            var flash = (await manager.TextContentAsync("main p.flash"))!;
            Assert.Contains("自下一次拨号起生效", flash);
            Assert.Contains("预测式 → 预览式", flash);
            await manager.GotoAsync($"/Campaigns/Live/{campaign.Value}");
            await manager.WaitForFunctionAsync("t => document.getElementById('dial-mode').textContent === t", "预览式", new() { Timeout = Patience });
            await manager.WaitForSelectorAsync("#settings-changed:not([hidden])", new() { Timeout = Patience });
            Assert.Contains("预测式 → 预览式", await manager.TextContentAsync("#settings-changed"));

            // The agent finishes the predictive call and gets previews: dial one (it rings at once, 呼叫中, not 预占), skip the next.
            await SaveAsync(agent, "paid");
            await HangUpAsync(agent);
            await ReadyAsync(agent);
            await agent.WaitForSelectorAsync("#pop[data-kind=preview]:not([hidden])", new() { Timeout = Patience });
            await WaitStateAsync(agent, "reserved");
            Assert.True(await agent.IsVisibleAsync("#dial"));
            Assert.True(await agent.IsVisibleAsync("#skip"));
            var previewed = (await agent.TextContentAsync("#pop-phone"))!;
            await agent.ClickAsync("#dial");
            await agent.WaitForSelectorAsync("#state[data-state=ringing], #state[data-state=talking]", new() { Timeout = Patience });
            Assert.Equal(previewed, await NextCallAsync(agent, first));
            await SaveAsync(agent, "promise_to_pay", callbackDays: 3);
            await HangUpAsync(agent);
            await ReadyAsync(agent);
            await agent.WaitForSelectorAsync("#pop[data-kind=preview]:not([hidden])", new() { Timeout = Patience });
            var skipped = (await agent.TextContentAsync("#pop-phone"))!;
            Assert.NotEqual(previewed, skipped);
            await agent.ClickAsync("#not-ready"); // a break: the lead stays on screen to dial or skip
            await agent.ClickAsync("#skip");
            await WaitStateAsync(agent, "not_ready");
            await agent.ClickAsync("#logout");
            await WaitStateAsync(agent, "signed_out");

            await using var db = await factory.Db.OpenConnectionAsync();
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            while (await db.ExecuteScalarAsync<long>("SELECT count(*) FROM call_records WHERE campaign_id = @c AND dial_mode = 'Preview'",
                       new { c = campaign.Value }) == 0 && DateTime.UtcNow < deadline)
                await Task.Delay(250);
            Assert.Equal(("Preview", agentId, "promise_to_pay"), await db.QuerySingleAsync<(string, string, string)>(
                "SELECT dial_mode, agent, disposition FROM call_records WHERE campaign_id = @c AND phone_e164 = @p",
                new { c = campaign.Value, p = previewed.Replace(" ", "") }));
            Assert.Equal(0L, await db.ExecuteScalarAsync<long>(
                "SELECT count(*) FROM call_records WHERE campaign_id = @c AND dial_mode = 'Predictive' AND started_at > @at",
                new { c = campaign.Value, at = switchedAt.AddSeconds(1).UtcDateTime }));
            Assert.Equal(0L, await db.ExecuteScalarAsync<long>(
                "SELECT count(*) FROM call_records WHERE campaign_id = @c AND phone_e164 = @p", new { c = campaign.Value, p = skipped.Replace(" ", "") }));
        }
        finally
        {
            await factory.CampaignCommandAsync(campaign, c => new CampaignCommands.Stop(c));
        }
    }
}
