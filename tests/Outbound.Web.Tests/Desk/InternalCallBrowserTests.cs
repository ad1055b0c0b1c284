using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Outbound.Telephony;
using Outbound.Telephony.Simulated;
using Outbound.Web.Tests.Support;

namespace Outbound.Web.Tests.Desk;

/// <summary>
/// 内部呼叫 in a real browser: an agent rings a colleague of its campaign from the desk (F8), the colleague answers, the two
/// phones hear each other on the simulated carrier, the colleague hangs up and both desks go back to not ready; the call
/// is in internal_calls.
/// </summary>
public sealed class InternalCallBrowserTests(CallControlWebFactory factory) : IClassFixture<CallControlWebFactory>
{
    private const float Patience = BrowserPages.Patience;
    private const string Colleague = CallControlWebFactory.Colleague;

    [Fact]
    public async Task An_agent_calls_a_colleague_who_answers_they_hear_each_other_and_both_desks_return_to_not_ready_after_the_hang_up()
    {
        var carrier = (SimulatedTelephony)factory.Services.GetRequiredService<ITelephony>();
        var (agentId, colleagueId) = (await factory.UserIdAsync(DeskWebFactory.Agent), await factory.UserIdAsync(Colleague));
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await KestrelDeskWebFactory.LaunchChromiumAsync(playwright);
        var agent = await BrowserPages.AtDeskAsync(browser, factory.Address, DeskWebFactory.Agent, factory.DeskCampaign);
        var colleague = await BrowserPages.AtDeskAsync(browser, factory.Address, Colleague, factory.DeskCampaign);

        await agent.FocusAsync("#colleague");
        await agent.WaitForSelectorAsync($"#colleague option[value='{colleagueId}']", new() { State = WaitForSelectorState.Attached, Timeout = Patience });
        await agent.SelectOptionAsync("#colleague", colleagueId);
        await agent.Keyboard.PressAsync("F8");
        await agent.WaitForSelectorAsync("#internal-call[data-phase=calling]", new() { Timeout = Patience });
        await colleague.WaitForSelectorAsync("#internal-call[data-phase=ringing]", new() { Timeout = Patience });
        Assert.Contains("坐席 1 号", await colleague.TextContentAsync("#internal-status"));

        await colleague.ClickAsync("#answer-colleague");
        await agent.WaitForSelectorAsync("#internal-call[data-phase=talking]", new() { Timeout = Patience });
        await colleague.WaitForSelectorAsync("#state[data-state=talking]", new() { Timeout = Patience });
        Assert.NotNull(await colleague.GetAttributeAsync("#call-control", "hidden")); // the customer call bar is not for an internal call
        Assert.Equal([carrier.LegOf(colleagueId)!], carrier.Hearing(carrier.LegOf(agentId)!).From);
        Assert.Equal([carrier.LegOf(agentId)!], carrier.Hearing(carrier.LegOf(colleagueId)!).From);

        await colleague.ClickAsync("#hangup-colleague");
        await agent.WaitForSelectorAsync("#internal-call[data-phase=none]", new() { Timeout = Patience });
        Assert.Equal("内部通话已结束。", await agent.TextContentAsync("#desk-flash"));
        await agent.WaitForSelectorAsync("#state[data-state=not_ready]", new() { Timeout = Patience });
        await colleague.WaitForSelectorAsync("#state[data-state=not_ready]", new() { Timeout = Patience });
        Assert.Empty(carrier.Hearing(carrier.LegOf(agentId)!).From);

        await using var db = await factory.Db.OpenConnectionAsync();
        for (var i = 0; i < 100 && await db.ExecuteScalarAsync<long>("SELECT count(*) FROM internal_calls WHERE caller_agent = @agentId", new { agentId }) == 0; i++)
            await Task.Delay(100);
        Assert.Equal((colleagueId, "completed", true), await db.QuerySingleAsync<(string, string, bool)>(
            "SELECT callee_agent, outcome, answered_at IS NOT NULL FROM internal_calls WHERE caller_agent = @agentId", new { agentId }));
    }
}
