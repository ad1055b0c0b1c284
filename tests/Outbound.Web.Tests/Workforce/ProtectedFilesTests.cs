using System.Net;
using Dapper;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Outbound.Core.Assessment;
using Outbound.Core.Workforce;
using Outbound.Data.Assessment;
using Outbound.Data.Identity;
using Outbound.Web.Tests.Support;

namespace Outbound.Web.Tests.Workforce;

/// <summary>
/// DELETE of a recording or a customer file: always refused; the attempt is recorded (and proposed to Hr) only when it names
/// a real file the caller could see, and only with the page's antiforgery token.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class ProtectedFilesTests(OutboundWebFactory app)
{
    private Guid Bank => app.Demo.Campaigns["bank-collect-1"].Value;

    private async Task<AssessmentActor> Actor(string email, AssessmentRole role)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return new AssessmentActor(new AgentId((await scope.ServiceProvider.GetRequiredService<UserManager<OutboundUser>>().FindByEmailAsync(email))!.Id), role);
    }

    /// <summary>A customer of the bank campaign with a recorded call taken by <paramref name="agent"/>.</summary>
    private async Task<(long Lead, Guid Call)> RecordedCallAsync(AgentId agent)
    {
        await using var connection = await app.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        var lead = await connection.ExecuteScalarAsync<long>("""
            INSERT INTO leads (tenant_id, campaign_id, phone_e164, phone_kind, region, time_zone, name, fields)
            SELECT tenant_id, id, '+86139' || lpad((random() * 99999999)::int::text, 8, '0'), 'mobile', 'CN-31', 'Asia/Shanghai', '录音客户', '{}'
            FROM campaigns WHERE id = @c RETURNING id
            """, new { c = Bank });
        var call = Guid.CreateVersion7();
        await connection.ExecuteAsync("""
            INSERT INTO call_records (id, tenant_id, campaign_id, lead_id, attempt, phone_e164, dial_mode, agent, started_at, answered_at, connected_at,
                                      ended_at, outcome, recording_path, run_id)
            SELECT @call, tenant_id, campaign_id, id, 1, phone_e164, 'Predictive', @agent, now() - interval '3 minutes', now() - interval '3 minutes',
                   now() - interval '3 minutes', now() - interval '1 minute', 'Answered', 'recordings/test.wav', 'test'
            FROM leads WHERE id = @lead
            """, new { call, agent = agent.Value.ToString(), lead });
        return (lead, call);
    }

    private async Task<long> AttemptsOnAsync(string target)
    {
        await using var connection = await app.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM workforce_delete_attempts WHERE target = @target", new { target });
    }

    [Fact]
    public async Task Deleting_a_recording_of_ones_own_call_is_refused_and_proposed_to_hr_as_a_rule_7_draft()
    {
        var hr = await Actor("hr@demo.local", AssessmentRole.Hr);
        var agent = await Actor("agent3@demo.local", AssessmentRole.Agent);
        var (_, call) = await RecordedCallAsync(agent.Id);
        var browser = await app.SignedInAs("agent3@demo.local");

        var response = await browser.DeleteAsync("/Agent/Assessment", $"/recordings/{call}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("不得删除", await response.Content.ReadAsStringAsync());
        var deductions = app.Services.GetRequiredService<Deductions>();
        var proposal = Assert.Single(await deductions.InStateAsync(DeductionState.Draft, hr), d => d.Evidence.Note.Contains(call.ToString()));
        Assert.Equal((agent.Id, 7, "detected"), (proposal.Agent, proposal.Rule.Value, proposal.Source));
        // Only Hr turns the proposal into a charge; the agent does not even see the draft.
        Assert.DoesNotContain(call.ToString(), await browser.GetPageAsync("/Agent/Assessment"));
    }

    [Fact]
    public async Task A_delete_without_the_pages_antiforgery_token_is_refused_and_nothing_is_recorded()
    {
        var (lead, call) = await RecordedCallAsync((await Actor("agent3@demo.local", AssessmentRole.Agent)).Id);
        var browser = await app.SignedInAs("agent3@demo.local");
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.Client.DeleteAsync($"/recordings/{call}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.Client.DeleteAsync($"/customers/{lead}")).StatusCode);
        Assert.Equal(0, await AttemptsOnAsync($"call {call}"));
        Assert.Equal(0, await AttemptsOnAsync($"lead {lead}"));
    }

    [Fact]
    public async Task Files_that_do_not_exist_or_are_not_the_callers_to_see_are_not_found_and_nothing_is_recorded()
    {
        var hr = await Actor("hr@demo.local", AssessmentRole.Hr);
        var (lead, call) = await RecordedCallAsync((await Actor("agent3@demo.local", AssessmentRole.Agent)).Id);
        var drafts = (await app.Services.GetRequiredService<Deductions>().InStateAsync(DeductionState.Draft, hr)).Count;
        var missing = Guid.CreateVersion7();

        var agent = await app.SignedInAs("agent2@demo.local");
        Assert.Equal(HttpStatusCode.NotFound, (await agent.DeleteAsync("/Agent/Assessment", $"/recordings/{missing}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.DeleteAsync("/Agent/Assessment", "/customers/987654321")).StatusCode);
        // Another agent's call.
        Assert.Equal(HttpStatusCode.NotFound, (await agent.DeleteAsync("/Agent/Assessment", $"/recordings/{call}")).StatusCode);
        // The other tenant's client.
        var powerClient = await app.SignedInAs("client@demo-power.local");
        Assert.Equal(HttpStatusCode.NotFound, (await powerClient.DeleteAsync("/Client", $"/customers/{lead}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await powerClient.DeleteAsync("/Client", $"/recordings/{call}")).StatusCode);

        Assert.Equal(0, await AttemptsOnAsync($"call {missing}"));
        Assert.Equal(0, await AttemptsOnAsync("lead 987654321"));
        Assert.Equal(0, await AttemptsOnAsync($"call {call}"));
        Assert.Equal(0, await AttemptsOnAsync($"lead {lead}"));
        Assert.Equal(drafts, (await app.Services.GetRequiredService<Deductions>().InStateAsync(DeductionState.Draft, hr)).Count);
    }

    [Fact]
    public async Task A_client_cannot_delete_its_own_customer_file_either_and_no_staff_deduction_is_invented()
    {
        var hr = await Actor("hr@demo.local", AssessmentRole.Hr);
        var (lead, _) = await RecordedCallAsync((await Actor("agent3@demo.local", AssessmentRole.Agent)).Id);
        var browser = await app.SignedInAs("client@demo-bank.local");
        var response = await browser.DeleteAsync("/Client", $"/customers/{lead}");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(1, await AttemptsOnAsync($"lead {lead}"));
        Assert.DoesNotContain(await app.Services.GetRequiredService<Deductions>().InStateAsync(DeductionState.Draft, hr),
            d => d.Evidence.Note.Contains($"lead {lead}"));
    }
}
