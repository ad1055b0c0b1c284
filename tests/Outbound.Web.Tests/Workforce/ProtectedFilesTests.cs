using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Outbound.Core.Assessment;
using Outbound.Core.Workforce;
using Outbound.Data.Assessment;
using Outbound.Data.Identity;
using Outbound.Web.Tests.Support;

namespace Outbound.Web.Tests.Workforce;

[Collection(WebCollection.Name)]
public sealed class ProtectedFilesTests(OutboundWebFactory app)
{
    private async Task<AssessmentActor> Actor(string email, AssessmentRole role)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return new AssessmentActor(new AgentId((await scope.ServiceProvider.GetRequiredService<UserManager<OutboundUser>>().FindByEmailAsync(email))!.Id), role);
    }

    [Fact]
    public async Task Deleting_a_recording_is_refused_and_proposed_to_hr_as_a_rule_7_draft()
    {
        var hr = await Actor("hr@demo.local", AssessmentRole.Hr);
        var agent = await Actor("agent3@demo.local", AssessmentRole.Agent);
        var call = Guid.NewGuid();
        var browser = await app.SignedInAs("agent3@demo.local");

        var response = await browser.Client.DeleteAsync($"/recordings/{call}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("不得删除", await response.Content.ReadAsStringAsync());
        var deductions = app.Services.GetRequiredService<Deductions>();
        var proposal = Assert.Single(await deductions.InStateAsync(DeductionState.Draft, hr), d => d.Evidence.Note.Contains(call.ToString()));
        Assert.Equal((agent.Id, 7, "detected"), (proposal.Agent, proposal.Rule.Value, proposal.Source));
        // Only Hr turns the proposal into a charge; the agent does not even see the draft.
        Assert.DoesNotContain(call.ToString(), await browser.GetPageAsync("/Agent/Assessment"));
    }

    [Fact]
    public async Task A_client_cannot_delete_a_customer_file_either_and_no_staff_deduction_is_invented()
    {
        var hr = await Actor("hr@demo.local", AssessmentRole.Hr);
        var browser = await app.SignedInAs("client@demo-bank.local");
        var response = await browser.Client.DeleteAsync("/customers/424242");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain(await app.Services.GetRequiredService<Deductions>().InStateAsync(DeductionState.Draft, hr),
            d => d.Evidence.Note.Contains("424242"));
    }
}
