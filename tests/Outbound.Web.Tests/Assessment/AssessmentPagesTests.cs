using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Outbound.Core.Assessment;
using Outbound.Core.Workforce;
using Outbound.Data.Assessment;
using Outbound.Data.Identity;
using Outbound.Data.Workforce;
using Outbound.Web.Tests.Support;

namespace Outbound.Web.Tests.Assessment;

[Collection(WebCollection.Name)]
public sealed class AssessmentPagesTests(OutboundWebFactory app)
{
    private async Task<(AgentId Agent1, AgentId Agent2, AssessmentActor Hr, Deductions Deductions)> ArrangeAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<OutboundUser>>();
        async Task<AgentId> Id(string email) => new((await users.FindByEmailAsync(email))!.Id);
        var agent1 = await Id("agent1@demo.local");
        var agent2 = await Id("agent2@demo.local");
        var supervisor = await Id("supervisor@demo.local");
        var hr = new AssessmentActor(await Id("hr@demo.local"), AssessmentRole.Hr);
        // The demo seed gives agents 1 and 2 staff records W001 and W002 in team 一组, which the supervisor leads.
        var people = (await app.Services.GetRequiredService<Staff>().ListAsync()).ToDictionary(p => p.Agent);
        Assert.Equal("W001", people[agent1].EmployeeNo);
        Assert.Contains(agent1, await app.Services.GetRequiredService<Staff>().TeamLedByAsync(supervisor));
        return (agent1, agent2, hr, app.Services.GetRequiredService<Deductions>());
    }

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.Now);

    private static async Task<DeductionId> Draft(Deductions deductions, AgentId agent, AssessmentActor hr, string note) =>
        await deductions.RecordAsync(new NewDeduction(agent, new RuleNumber(8), Today, null, Evidence.Written(note)), hr);

    [Fact]
    public async Task An_agent_sees_their_own_deductions_but_not_another_agents_nor_hr_pages()
    {
        var (agent1, _, hr, deductions) = await ArrangeAsync();
        var marker = $"串岗-{Guid.NewGuid():N}";
        var id = await Draft(deductions, agent1, hr, marker);
        await deductions.ApplyAsync(id, DeductionAction.Confirm, hr, null);

        Assert.Contains(marker, await (await app.SignedInAs("agent1@demo.local")).GetPageAsync("/Agent/Assessment"));
        var other = await app.SignedInAs("agent2@demo.local");
        Assert.DoesNotContain(marker, await other.GetPageAsync("/Agent/Assessment"));
        Assert.NotEqual(HttpStatusCode.OK, (await other.GetAsync("/Hr/Deductions")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await other.GetAsync("/Supervisor/Team")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await other.GetAsync($"/Hr?handler=Statement&agent={agent1.Value}&month={CalendarMonth.Of(Today)}")).StatusCode);
        // The supervisor leads agent 1's team and sees the deduction there.
        Assert.Contains("W001", await (await app.SignedInAs("supervisor@demo.local")).GetPageAsync("/Supervisor/Team"));
    }

    [Fact]
    public async Task Only_hr_confirms_a_draft()
    {
        var (agent1, _, hr, deductions) = await ArrangeAsync();
        var id = await Draft(deductions, agent1, hr, "待确认");
        var supervisor = await app.SignedInAs("supervisor@demo.local");
        var refused = await supervisor.PostFormAsync("/Campaigns", [], $"/Hr/Deductions?handler=Confirm&id={id.Value}");
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("AccessDenied", refused.Headers.Location?.ToString() ?? "");
        Assert.Equal(DeductionState.Draft, (await deductions.ForAgentAsync(agent1, hr)).Single(d => d.Id == id).State);

        var hrBrowser = await app.SignedInAs("hr@demo.local");
        Assert.Contains(id.Value.ToString(), await hrBrowser.GetPageAsync("/Hr/Deductions"));
        var confirmed = await hrBrowser.PostFormAsync("/Hr/Deductions", [], $"/Hr/Deductions?handler=Confirm&id={id.Value}");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(DeductionState.Confirmed, (await deductions.ForAgentAsync(agent1, hr)).Single(d => d.Id == id).State);
    }

    [Fact]
    public async Task An_agent_appeals_their_own_deduction_but_not_someone_elses()
    {
        var (agent1, _, hr, deductions) = await ArrangeAsync();
        var id = await Draft(deductions, agent1, hr, "申诉测试");
        await deductions.ApplyAsync(id, DeductionAction.Confirm, hr, null);

        var other = await app.SignedInAs("agent2@demo.local");
        var refused = await other.PostFormAsync("/Agent/Assessment", [new("reason", "不是我")], $"/Agent/Assessment?handler=Appeal&id={id.Value}");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("没有这条扣分记录。", await refused.Content.ReadAsStringAsync()); // someone else's reads as no such deduction
        Assert.Equal(DeductionState.Confirmed, (await deductions.ForAgentAsync(agent1, hr)).Single(d => d.Id == id).State);

        var owner = await app.SignedInAs("agent1@demo.local");
        var appealed = await owner.PostFormAsync("/Agent/Assessment", [new("reason", "当时在处理客户投诉")], $"/Agent/Assessment?handler=Appeal&id={id.Value}");
        Assert.Equal(HttpStatusCode.Redirect, appealed.StatusCode);
        Assert.Equal(DeductionState.Appealed, (await deductions.ForAgentAsync(agent1, hr)).Single(d => d.Id == id).State);
        Assert.Contains("当时在处理客户投诉", await (await app.SignedInAs("hr@demo.local")).GetPageAsync("/Hr/Appeals"));
    }

    [Fact]
    public async Task Hr_cannot_settle_a_month_while_an_appeal_is_open_and_settles_it_once_decided()
    {
        var (agent1, _, hr, deductions) = await ArrangeAsync();
        var month = new CalendarMonth(2025, 1); // long ended, and no other test dates anything into it
        var id = await deductions.RecordAsync(new NewDeduction(agent1, new RuleNumber(8), month.FirstDay.AddDays(9), null, Evidence.Written("串岗聊天")), hr);
        await deductions.ApplyAsync(id, DeductionAction.Confirm, hr, null);
        var owner = await app.SignedInAs("agent1@demo.local");
        await owner.PostFormAsync("/Agent/Assessment", [new("reason", "在帮同事处理投诉")], $"/Agent/Assessment?handler=Appeal&id={id.Value}&month={month}");

        var hrBrowser = await app.SignedInAs("hr@demo.local");
        var overview = await hrBrowser.GetPageAsync($"/Hr?month={month}");
        Assert.Contains("本月还有 1 条申诉未处理", overview);
        Assert.DoesNotContain("handler=Settle", overview);
        var refused = await hrBrowser.PostFormAsync($"/Hr?month={month}", [new("month", month.ToString())], "/Hr?handler=Settle");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("2025-01 还有 1 条申诉未处理", await refused.Content.ReadAsStringAsync());
        Assert.DoesNotContain(month, await app.Services.GetRequiredService<Settlements>().SettledMonthsAsync());

        var voided = await hrBrowser.PostFormAsync("/Hr/Appeals", [new("reason", "申诉成立")], $"/Hr/Appeals?handler=Void&id={id.Value}");
        Assert.Equal(HttpStatusCode.Redirect, voided.StatusCode);
        Assert.Contains("已撤销扣分，2025-01 结算时不再计入。", await hrBrowser.GetPageAsync("/Hr/Appeals"));
        var settled = await hrBrowser.PostFormAsync($"/Hr?month={month}", [new("month", month.ToString())], "/Hr?handler=Settle");
        Assert.Equal(HttpStatusCode.Redirect, settled.StatusCode);
        var line = (await app.Services.GetRequiredService<Settlements>().FindAsync(month))!.Rows.Single(r => r.Line.Agent == agent1).Line;
        Assert.Equal(100, line.Points);
    }

    [Fact]
    public async Task A_fine_outside_the_rule_is_refused_in_chinese()
    {
        var (agent1, _, _, _) = await ArrangeAsync();
        var hr = await app.SignedInAs("hr@demo.local");

        var refused = await hr.PostFormAsync("/Hr/Deductions",
            [new("Agent", agent1.Value.ToString()), new("Rule", "9"), new("OccurredOn", Today.ToString("yyyy-MM-dd")), new("Fine", "30"), new("Note", "与客户争吵")],
            "/Hr/Deductions?handler=Record");

        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("条款 9 的罚款固定为 ¥100，不能是 ¥30。", page);
        Assert.DoesNotContain("fines", page);
    }

    [Fact]
    public async Task Hr_overview_and_catalogue_render_in_chinese()
    {
        await ArrangeAsync();
        var hr = await app.SignedInAs("hr@demo.local");
        var overview = await hr.GetPageAsync("/Hr");
        Assert.Contains("得分分布", overview);
        Assert.Contains("W001", overview);
        Assert.Contains("严禁与客户发生争吵", await hr.GetPageAsync("/Hr/Rules"));
    }
}
