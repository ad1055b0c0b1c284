using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Outbound.Dialer.Campaigns;
using Outbound.Telephony;
using Outbound.Telephony.Simulated;
using Outbound.Web.Tests.Support;

namespace Outbound.Web.Tests.Desk;

/// <summary>
/// Call control in a real browser on a simulated predictive call: the agent holds, retrieves and blind-transfers to a
/// colleague from the keyboard and the desk; the supervisor listens to the colleague's call from the wallboard and
/// force-releases it. Who hears whom is read from the simulated carrier; the log and the record from PostgreSQL.
/// </summary>
public sealed class CallControlBrowserTests(CallControlWebFactory factory) : IClassFixture<CallControlWebFactory>
{
    private const float Patience = BrowserPages.Patience;
    private const string Colleague = CallControlWebFactory.Colleague;

    [Fact]
    public async Task An_agent_holds_retrieves_and_transfers_to_a_colleague_whose_call_the_supervisor_listens_to_and_force_releases()
    {
        var carrier = (SimulatedTelephony)factory.Services.GetRequiredService<ITelephony>();
        var (agentId, colleagueId, supervisorId) = (await factory.UserIdAsync(DeskWebFactory.Agent), await factory.UserIdAsync(Colleague), await factory.UserIdAsync(DeskWebFactory.Supervisor));
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await KestrelDeskWebFactory.LaunchChromiumAsync(playwright);
        var agent = await BrowserPages.AtDeskAsync(browser, factory.Address, DeskWebFactory.Agent, factory.DeskCampaign);
        var colleague = await BrowserPages.AtDeskAsync(browser, factory.Address, Colleague, factory.DeskCampaign);
        await agent.Keyboard.PressAsync("F2");
        await agent.WaitForSelectorAsync("#state[data-state=ready]", new() { Timeout = Patience });

        await factory.CampaignCommandAsync(c => new CampaignCommands.Start(c));
        try
        {
            await agent.WaitForSelectorAsync("#pop:not([hidden])", new() { Timeout = Patience });
            await agent.WaitForSelectorAsync("#call-control:not([hidden])", new() { Timeout = Patience });
            await factory.CampaignCommandAsync(c => new CampaignCommands.Stop(c));
            var customer = carrier.Hearing(carrier.LegOf(agentId)!).From.Single();

            await agent.Keyboard.PressAsync("F4");   // hold
            await agent.WaitForSelectorAsync("#call-control[data-held=true]", new() { Timeout = Patience });
            Assert.Equal("music-on-hold", carrier.Hearing(customer).Music);
            Assert.True(await agent.IsVisibleAsync("#retrieve"));
            await agent.ClickAsync("#retrieve");
            await agent.WaitForSelectorAsync("#call-control[data-held=false]", new() { Timeout = Patience });
            Assert.Equal([carrier.LegOf(agentId)!], carrier.Hearing(customer).From);

            await colleague.ClickAsync("#ready");
            await colleague.WaitForSelectorAsync("#state[data-state=ready]", new() { Timeout = Patience });
            await agent.FocusAsync("#transfer-agent");
            await agent.WaitForSelectorAsync($"#transfer-agent option[value='{colleagueId}']", new() { State = WaitForSelectorState.Attached, Timeout = Patience });
            await agent.SelectOptionAsync("#transfer-agent", colleagueId);
            await agent.ClickAsync("#transfer");
            await colleague.WaitForSelectorAsync("#pop:not([hidden])", new() { Timeout = Patience });
            await agent.WaitForSelectorAsync("#acw:not([hidden])", new() { Timeout = Patience });
            Assert.Equal([carrier.LegOf(colleagueId)!], carrier.Hearing(customer).From);

            var supervisor = await BrowserPages.SignedInAsync(browser, factory.Address, DeskWebFactory.Supervisor);
            await supervisor.GotoAsync("/Wallboard");
            var row = supervisor.Locator("#agents tr[data-agent][data-state=on_call]", new() { HasText = "坐席 4 号" });
            await row.Locator("button[data-action=listen]").ClickAsync(new() { Timeout = Patience });
            await WaitUntil(() => carrier.LegOf(supervisorId) is { } leg && carrier.Hearing(leg).From.Count == 2, "the supervisor hears both sides");
            Assert.Equal([carrier.LegOf(colleagueId)!], carrier.Hearing(customer).From);   // nobody hears the listening supervisor

            await row.Locator("button[data-action=force_release]").ClickAsync(new() { Timeout = Patience });
            await colleague.WaitForSelectorAsync("#acw:not([hidden])", new() { Timeout = Patience });
            await colleague.SelectOptionAsync("#disposition", "refused");
            await colleague.ClickAsync("#submit-disposition");
            await colleague.WaitForSelectorAsync("#desk-flash:not([hidden])", new() { Timeout = Patience });

            await using var connection = await factory.Db.OpenConnectionAsync();
            Assert.Equal("listen,force_release", await connection.ExecuteScalarAsync<string>(
                "SELECT string_agg(action, ',' ORDER BY id) FROM supervisor_actions WHERE agent = @colleagueId AND supervisor = @supervisorId",
                new { colleagueId, supervisorId }));
            await WaitUntil(async () => await connection.ExecuteScalarAsync<long>(
                "SELECT count(*) FROM call_records WHERE agent = @colleagueId AND disposition = 'refused' AND connected_at IS NOT NULL", new { colleagueId }) == 1,
                "the transferred call's record, with the colleague as its agent");
            Assert.Equal(0L, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM call_records WHERE agent = @agentId", new { agentId }));
        }
        finally
        {
            await factory.CampaignCommandAsync(c => new CampaignCommands.Stop(c));
        }
    }

    private static Task WaitUntil(Func<bool> condition, string what) => WaitUntil(() => Task.FromResult(condition()), what);

    private static async Task WaitUntil(Func<Task<bool>> condition, string what)
    {
        for (var i = 0; i < 300; i++)
        {
            if (await condition()) return;
            await Task.Delay(100);
        }
        Assert.Fail("timed out waiting for " + what);
    }
}
