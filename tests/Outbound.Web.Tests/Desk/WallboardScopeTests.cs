using Dapper;
using Microsoft.AspNetCore.SignalR.Client;
using Outbound.Web.Areas.Desk;
using Outbound.Web.Areas.Wallboard;
using Outbound.Web.Tests.Support;

namespace Outbound.Web.Tests.Desk;

/// <summary>
/// A supervisor sees and acts on only the agents of the campaigns it is assigned to on the wallboard; a supervisor
/// assigned to none oversees no one.
/// </summary>
public sealed class WallboardScopeTests(DeskWebFactory factory) : IClassFixture<DeskWebFactory>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private async Task<string> UserIdAsync(string email)
    {
        await using var connection = await factory.Db.OpenConnectionAsync();
        return (await connection.ExecuteScalarAsync<Guid>("SELECT id FROM users WHERE normalized_email = upper(@email)", new { email })).ToString();
    }

    /// <summary>Leaves the supervisor assigned to <paramref name="campaigns"/> only; disposing puts its assignments back.</summary>
    private async Task<IAsyncDisposable> SupervisorOverseesOnlyAsync(params Guid[] campaigns)
    {
        await using var connection = await factory.Db.OpenConnectionAsync();
        var supervisor = Guid.Parse(await UserIdAsync(DeskWebFactory.Supervisor));
        var before = (await connection.QueryAsync<Guid>("SELECT campaign_id FROM campaign_agents WHERE user_id = @supervisor", new { supervisor })).ToArray();
        await Assign(supervisor, campaigns);
        return new Restore(() => Assign(supervisor, before));
    }

    private async Task Assign(Guid supervisor, Guid[] campaigns)
    {
        await using var connection = await factory.Db.OpenConnectionAsync();
        await connection.ExecuteAsync("""
            DELETE FROM campaign_agents WHERE user_id = @supervisor;
            INSERT INTO campaign_agents (tenant_id, campaign_id, user_id) SELECT c.tenant_id, c.id, @supervisor FROM campaigns c WHERE c.id = ANY(@campaigns);
            """, new { supervisor, campaigns });
    }

    private sealed class Restore(Func<Task> restore) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await restore();
    }

    [Fact]
    public async Task A_supervisor_of_other_campaigns_neither_sees_nor_forces_nor_monitors_an_agent_and_nothing_is_logged()
    {
        var (agentId, otherId) = (await UserIdAsync(DeskWebFactory.Agent), await UserIdAsync(DeskWebFactory.SurveyAgent));
        await using var agent = await DeskClient.ConnectAsync(factory, DeskWebFactory.Agent);
        await using var other = await DeskClient.ConnectAsync(factory, DeskWebFactory.SurveyAgent);
        Assert.Null(await agent.Hub.InvokeAsync<string?>("Login", factory.DeskCampaign.Value));
        Assert.Null(await other.Hub.InvokeAsync<string?>("Login", factory.SurveyCampaign.Value));
        await agent.States.WaitFor(s => s.State == "not_ready", Patience);
        await other.States.WaitFor(s => s.State == "not_ready", Patience);
        await using (await SupervisorOverseesOnlyAsync(factory.SurveyCampaign.Value))
        {
            var (_, cookies) = await factory.SignInAsync(DeskWebFactory.Supervisor);
            await using var wallboard = factory.Hub(WallboardHub.Path, cookies);
            await wallboard.StartAsync();
            var rows = await wallboard.InvokeAsync<List<BoardRow>>("Watch");
            Assert.Contains(rows, r => r.AgentId == otherId);
            Assert.DoesNotContain(rows, r => r.AgentId == agentId);

            await using var connection = await factory.Db.OpenConnectionAsync();
            Task<long> ActionsOnAgent() => connection.ExecuteScalarAsync<long>("SELECT count(*) FROM supervisor_actions WHERE agent = @agentId", new { agentId });
            var logged = await ActionsOnAgent();
            Assert.False(await wallboard.InvokeAsync<bool>("Force", agentId, "force_ready", null));
            Assert.Equal(WallboardTexts.NotOverseen.Zh, await wallboard.InvokeAsync<string?>("Monitor", agentId, "listen"));
            Assert.Equal(logged, await ActionsOnAgent());

            Assert.True(await wallboard.InvokeAsync<bool>("Force", otherId, "force_ready", null));
            await other.States.WaitFor(s => s.State == "ready", Patience);
        }
        await agent.Hub.InvokeAsync<string?>("Logout");
        await other.Hub.InvokeAsync<string?>("Logout");
    }

    [Fact]
    public async Task A_supervisor_assigned_to_no_campaign_oversees_no_agent()
    {
        var agentId = await UserIdAsync(DeskWebFactory.Agent);
        await using var agent = await DeskClient.ConnectAsync(factory, DeskWebFactory.Agent);
        Assert.Null(await agent.Hub.InvokeAsync<string?>("Login", factory.DeskCampaign.Value));
        await agent.States.WaitFor(s => s.State == "not_ready", Patience);

        await using (await SupervisorOverseesOnlyAsync())
        {
            var (_, cookies) = await factory.SignInAsync(DeskWebFactory.Supervisor);
            await using var wallboard = factory.Hub(WallboardHub.Path, cookies);
            await wallboard.StartAsync();
            Assert.Empty(await wallboard.InvokeAsync<List<BoardRow>>("Watch"));
            Assert.False(await wallboard.InvokeAsync<bool>("Force", agentId, "force_ready", null));
            Assert.Equal(WallboardTexts.NotOverseen.Zh, await wallboard.InvokeAsync<string?>("Monitor", agentId, "listen"));
        }
        await agent.Hub.InvokeAsync<string?>("Logout");
    }
}
