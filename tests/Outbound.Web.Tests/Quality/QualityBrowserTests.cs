using Microsoft.Playwright;
using Outbound.Web.Tests.Support;

namespace Outbound.Web.Tests.Quality;

/// <summary>The feedback loop in a real browser: a Qa plays and scores a call, the agent disputes, the supervisor decides.</summary>
public sealed class QualityBrowserTests(QualityWebFactory app) : IClassFixture<QualityWebFactory>
{
    [Fact]
    public async Task A_qa_plays_and_scores_a_recording_the_agent_disputes_it_and_the_supervisor_decides()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await KestrelDeskWebFactory.LaunchChromiumAsync(playwright);

        // The Qa of the bank campaign opens the call: the stereo WAV loads through the authorised endpoint and seeks.
        var qa = await BrowserPages.SignedInAsync(browser, app.Address, "qa2@demo.local");
        await qa.GotoAsync($"/Quality/Score?call={app.BankCall}");
        await qa.WaitForFunctionAsync("() => document.getElementById('recording').readyState >= 1", null, new() { Timeout = BrowserPages.Patience });
        Assert.Equal(60, await qa.EvaluateAsync<double>("() => Math.round(document.getElementById('recording').duration)"));
        await qa.ClickAsync("[data-speed='1.5']");
        Assert.Equal(1.5, await qa.EvaluateAsync<double>("() => document.getElementById('recording').playbackRate"));
        await qa.EvaluateAsync("() => { const a = document.getElementById('recording'); a.muted = true; a.currentTime = 12; }");
        await qa.WaitForFunctionAsync("() => Math.round(document.getElementById('recording').currentTime) === 12");
        await qa.ClickAsync("[data-speed='2']");
        Assert.Equal(2, await qa.EvaluateAsync<double>("() => document.getElementById('recording').playbackRate"));
        Assert.Contains("坐席 1 号", await qa.TextContentAsync("#call-agent"));

        // Score it: every yes/no "yes" but the service language, scales at the top, no deductions; a note at 0:12.
        foreach (var key in new[] { "greeting", "identity", "privacy", "summary", "closing" }) await qa.CheckAsync($"input[name='v.{key}'][value='1']");
        await qa.CheckAsync("input[name='v.service-language'][value='0']");
        await qa.FillAsync("input[name='n.service-language']", "对客户说\"你烦不烦\"");
        await qa.ClickAsync("tr[data-item='service-language'] .use-time");
        Assert.Equal("0:12", await qa.InputValueAsync("input[name='t.service-language']"));
        foreach (var key in new[] { "listening", "accuracy", "tone" }) await qa.SelectOptionAsync($"select[name='v.{key}']", "5");
        await qa.ClickAsync("#submit-evaluation");
        await qa.WaitForSelectorAsync("#evaluation", new() { Timeout = BrowserPages.Patience });
        Assert.Equal("0", await qa.TextContentAsync("#evaluation-score"));
        Assert.Contains("致命项未通过", await qa.TextContentAsync("#evaluation"));

        // The agent sees it with the note at 0:12, and disputes it.
        var agent = await BrowserPages.SignedInAsync(browser, app.Address, "agent1@demo.local");
        await agent.GotoAsync("/Agent/Quality");
        await agent.ClickAsync("#my-evaluations a");
        Assert.Contains("0:12", await agent.TextContentAsync("tr[data-item='service-language']"));
        await agent.WaitForFunctionAsync("() => document.getElementById('recording').readyState >= 1", null, new() { Timeout = BrowserPages.Patience });
        await agent.FillAsync("textarea[name=reason]", "客户先辱骂,我没有说这句话");
        await agent.ClickAsync("#dispute-submit");
        await agent.WaitForSelectorAsync("#dispute");
        Assert.Equal("申诉中", await agent.TextContentAsync("#evaluation-state"));
        Assert.Equal(0, await agent.Locator("#dispute-form").CountAsync());

        // The supervisor finds the dispute on the dashboard and upholds the score; the decision is final and logged.
        var supervisor = await BrowserPages.SignedInAsync(browser, app.Address, "supervisor@demo.local");
        await supervisor.GotoAsync("/Quality");
        await supervisor.ClickAsync("#disputes a");
        await supervisor.FillAsync("#decide textarea[name=note]", "复听 0:12 处录音,确有不规范用语,维持原评分。");
        await supervisor.ClickAsync("#decide button[type=submit]");
        await supervisor.WaitForSelectorAsync("#decision");
        Assert.Equal("维持原评分", await supervisor.TextContentAsync("#decision"));
        Assert.Equal(0, await supervisor.Locator("#decide").CountAsync());
        Assert.Contains("upheld", await supervisor.TextContentAsync("#log"));

        await agent.ReloadAsync();
        Assert.Equal("已裁定", await agent.TextContentAsync("#evaluation-state"));
    }
}
