using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Outbound.Core.Assessment;
using Outbound.Core.Workforce;
using Outbound.Data.Assessment;
using Outbound.Data.Identity;
using Outbound.Web.Tests.Support;

namespace Outbound.Web.Tests.Assessment;

/// <summary>An agent who tries other people's deduction ids learns nothing: every one answers like an id that does not exist.</summary>
[Collection(WebCollection.Name)]
public sealed partial class AppealProbingTests(OutboundWebFactory app)
{
    private async Task<AgentId> IdOf(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return new((await scope.ServiceProvider.GetRequiredService<UserManager<OutboundUser>>().FindByEmailAsync(email))!.Id);
    }

    private static async Task<string> AppealAsync(Browser browser, Guid id)
    {
        var response = await browser.PostFormAsync("/Agent/Assessment", [new("reason", "试试")], $"/Agent/Assessment?handler=Appeal&id={id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var problem = Problem().Match(await response.Content.ReadAsStringAsync());
        Assert.True(problem.Success, "the refusal shows no message");
        return WebUtility.HtmlDecode(problem.Groups[1].Value);
    }

    [Fact]
    public async Task Appealing_another_agents_deduction_in_any_state_answers_exactly_like_an_id_that_does_not_exist()
    {
        var hrActor = new AssessmentActor(await IdOf("hr@demo.local"), AssessmentRole.Hr);
        var agent2 = await IdOf("agent2@demo.local");
        var deductions = app.Services.GetRequiredService<Deductions>();
        async Task<DeductionId> Recorded() => await deductions.RecordAsync(
            new NewDeduction(agent2, new RuleNumber(8), DateOnly.FromDateTime(DateTime.Now), null, Evidence.Written("串岗 " + Guid.NewGuid())), hrActor);
        var draft = await Recorded();
        var confirmed = await Recorded();
        await deductions.ApplyAsync(confirmed, DeductionAction.Confirm, hrActor, null);
        var appealed = await Recorded();
        await deductions.ApplyAsync(appealed, DeductionAction.Confirm, hrActor, null);
        await deductions.ApplyAsync(appealed, DeductionAction.Appeal, new AssessmentActor(agent2, AssessmentRole.Agent), "本人申诉");

        var agent1 = await app.SignedInAs("agent1@demo.local");
        var nothing = await AppealAsync(agent1, Guid.CreateVersion7());
        foreach (var id in new[] { draft, confirmed, appealed })
            Assert.Equal(nothing, await AppealAsync(agent1, id.Value));
        // Nothing changed hands either.
        var states = (await deductions.ForAgentAsync(agent2, hrActor)).ToDictionary(d => d.Id, d => d.State);
        Assert.Equal((DeductionState.Draft, DeductionState.Confirmed, DeductionState.Appealed), (states[draft], states[confirmed], states[appealed]));
    }

    [GeneratedRegex("class=\"errors\" role=\"alert\"><li>([^<]+)<")]
    private static partial Regex Problem();
}
