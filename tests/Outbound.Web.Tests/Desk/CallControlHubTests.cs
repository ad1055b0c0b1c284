using Dapper;
using Microsoft.AspNetCore.SignalR.Client;
using Outbound.Web.Areas.Desk;
using Outbound.Web.Areas.Wallboard;
using Outbound.Web.Tests.Support;

namespace Outbound.Web.Tests.Desk;

/// <summary>The gates of call control and monitoring, through the hubs, without a call in progress.</summary>
public sealed class CallControlHubTests(DeskWebFactory factory) : IClassFixture<DeskWebFactory>
{
    [Fact]
    public async Task An_agent_cannot_reach_the_monitoring_of_the_wallboard_and_nothing_is_logged()
    {
        var (_, cookies) = await factory.SignInAsync(DeskWebFactory.SurveyAgent);
        await using var wallboard = factory.Hub(WallboardHub.Path, cookies);
        await Assert.ThrowsAnyAsync<Exception>(() => wallboard.StartAsync());
        await using var connection = await factory.Db.OpenConnectionAsync();
        Assert.Equal(0L, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM supervisor_actions WHERE action = 'listen'"));
    }

    [Fact]
    public async Task Call_control_without_a_call_or_with_a_bad_target_is_refused_with_a_reason()
    {
        var (_, cookies) = await factory.SignInAsync(DeskWebFactory.Agent);
        await using var desk = factory.Hub(AgentDeskHub.Path, cookies);
        await desk.StartAsync();
        Assert.Null(await desk.InvokeAsync<string?>("Login", factory.DeskCampaign.Value));

        Assert.Equal(CallControlTexts.NotOnCall.Zh, await desk.InvokeAsync<string?>("Hold"));
        Assert.Equal(CallControlTexts.BadNumber.Zh, await desk.InvokeAsync<string?>("Transfer", null, "call me maybe"));
        Assert.Equal(CallControlTexts.ChooseTarget.Zh, await desk.InvokeAsync<string?>("Consult", null, " "));
        // agent3 is not logged in to this campaign (nor to any).
        await using (var connection = await factory.Db.OpenConnectionAsync())
        {
            var stranger = await connection.ExecuteScalarAsync<Guid>("SELECT id FROM users WHERE normalized_email = upper(@e)", new { e = DeskWebFactory.HotlineAgent });
            Assert.Equal(CallControlTexts.BadTarget.Zh, await desk.InvokeAsync<string?>("Transfer", stranger.ToString(), null));
        }
        Assert.Equal(CallControlTexts.NotOnCall.Zh, await desk.InvokeAsync<string?>("Transfer", null, "+8613900001111"));
        await desk.InvokeAsync<string?>("Logout");
    }

    [Fact]
    public async Task A_supervisors_monitoring_of_an_agent_without_a_call_is_refused_but_logged_with_who_and_when()
    {
        var (_, agentCookies) = await factory.SignInAsync(DeskWebFactory.Agent);
        await using var desk = factory.Hub(AgentDeskHub.Path, agentCookies);
        await desk.StartAsync();
        await desk.InvokeAsync<string?>("Login", factory.DeskCampaign.Value);
        await using var connection = await factory.Db.OpenConnectionAsync();
        var agentId = (await connection.ExecuteScalarAsync<Guid>("SELECT id FROM users WHERE normalized_email = upper(@e)", new { e = DeskWebFactory.Agent })).ToString();

        var (_, supervisorCookies) = await factory.SignInAsync(DeskWebFactory.Supervisor);
        await using var wallboard = factory.Hub(WallboardHub.Path, supervisorCookies);
        await wallboard.StartAsync();
        Assert.Equal(CallControlTexts.NotOnCall.Zh, await wallboard.InvokeAsync<string?>("Monitor", agentId, "barge"));
        Assert.Equal(CallControlTexts.NotOnCall.Zh, await wallboard.InvokeAsync<string?>("Monitor", agentId, "sing"));

        var logged = await connection.QuerySingleAsync<(string Supervisor, DateTime At)>(
            "SELECT u.email, a.at FROM supervisor_actions a JOIN users u ON u.id::text = a.supervisor WHERE a.agent = @agentId AND a.action = 'barge'", new { agentId });
        Assert.Equal(DeskWebFactory.Supervisor, logged.Supervisor);
        Assert.InRange(logged.At, DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddMinutes(1));
        Assert.Equal(0L, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM supervisor_actions WHERE action = 'sing'"));
        await desk.InvokeAsync<string?>("Logout");
    }

    [Fact]
    public async Task An_internal_call_to_no_one_or_to_an_agent_outside_the_campaigns_is_refused_with_a_reason()
    {
        var (_, cookies) = await factory.SignInAsync(DeskWebFactory.Agent);
        await using var desk = factory.Hub(AgentDeskHub.Path, cookies);
        await desk.StartAsync();
        Assert.Equal(InternalCallTexts.LogInFirst.Zh, await desk.InvokeAsync<string?>("CallColleague", "someone"));
        Assert.Null(await desk.InvokeAsync<string?>("Login", factory.DeskCampaign.Value));

        Assert.Equal(InternalCallTexts.ChooseColleague.Zh, await desk.InvokeAsync<string?>("CallColleague", " "));
        await using var connection = await factory.Db.OpenConnectionAsync();
        var stranger = await connection.ExecuteScalarAsync<Guid>("SELECT id FROM users WHERE normalized_email = upper(@e)", new { e = DeskWebFactory.HotlineAgent });
        Assert.Equal(CallControlTexts.BadTarget.Zh, await desk.InvokeAsync<string?>("CallColleague", stranger.ToString()));
        Assert.Equal(0L, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM internal_calls"));
        await desk.InvokeAsync<string?>("Logout");
    }
}
