using System.Threading.Channels;
using Dapper;
using Microsoft.AspNetCore.SignalR.Client;
using Outbound.Data.Desk;
using Outbound.Web.Areas.Desk;
using Outbound.Web.Tests.Support;

namespace Outbound.Web.Tests.Desk;

/// <summary>Agent ↔ supervisor messages over SignalR, stored, and only within the supervisor's own campaigns.</summary>
public sealed class DeskMessagesTests(DeskWebFactory factory) : IClassFixture<DeskWebFactory>
{
    private static async Task<DeskMessage> Next(ChannelReader<DeskMessage> reader)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        return await reader.ReadAsync(timeout.Token);
    }

    private async Task<(HubConnection Hub, ChannelReader<DeskMessage> Inbox)> ConnectAsync(string email)
    {
        var (_, cookies) = await factory.SignInAsync(email);
        var hub = factory.Hub(DeskMessagesHub.Path, cookies);
        var inbox = Channel.CreateUnbounded<DeskMessage>();
        hub.On<DeskMessage>(DeskMessagesHub.MessageMethod, m => inbox.Writer.TryWrite(m));
        await hub.StartAsync();
        return (hub, inbox.Reader);
    }

    [Fact]
    public async Task A_supervisor_messages_an_agent_and_its_campaign_the_agent_answers_and_an_unassigned_supervisor_is_refused()
    {
        // The factory assigns the supervisor to the collections campaign, not to the survey one.
        var (_, agentCookies) = await factory.SignInAsync(DeskWebFactory.Agent);
        await using var desk = factory.Hub(AgentDeskHub.Path, agentCookies);
        await desk.StartAsync();
        var (agentHub, agentInbox) = await ConnectAsync(DeskWebFactory.Agent);
        var (supervisorHub, supervisorInbox) = await ConnectAsync(DeskWebFactory.Supervisor);
        await using var _ = agentHub;
        await using var __ = supervisorHub;

        Assert.Equal(MessageTexts.NotLoggedIn.Zh, await agentHub.InvokeAsync<string?>("ToSupervisors", "在吗？"));
        Assert.Null(await desk.InvokeAsync<string?>("LoginTo", new[] { factory.DeskCampaign.Value }));
        var agentId = await AgentIdAsync(DeskWebFactory.Agent);

        Assert.Null(await supervisorHub.InvokeAsync<string?>("ToAgent", agentId, "请注意通话质量"));
        var toAgent = await Next(agentInbox);
        Assert.Equal(("请注意通话质量", agentId), (toAgent.Body, toAgent.Recipient));

        Assert.Null(await agentHub.InvokeAsync<string?>("ToSupervisors", "需要协助"));
        var toSupervisor = await Next(supervisorInbox);
        while (toSupervisor.Body != "需要协助") toSupervisor = await Next(supervisorInbox); // its own copy of the first one comes too
        Assert.True(toSupervisor.ToSupervisors);

        Assert.Null(await supervisorHub.InvokeAsync<string?>("ToCampaign", factory.DeskCampaign.Value, "10 分钟后开会"));
        Assert.Equal("需要协助", (await Next(agentInbox)).Body); // the agent's own copy
        Assert.Equal("10 分钟后开会", (await Next(agentInbox)).Body);

        // The survey campaign is not the supervisor's: nothing goes out there.
        Assert.Equal(MessageTexts.NotAllowed.Zh, await supervisorHub.InvokeAsync<string?>("ToCampaign", factory.SurveyCampaign.Value, "越权"));
        // An agent cannot write as a supervisor.
        Assert.Equal(MessageTexts.NotAllowed.Zh, await agentHub.InvokeAsync<string?>("ToCampaign", factory.DeskCampaign.Value, "冒充"));

        await using var connection2 = await factory.Db.OpenConnectionAsync();
        var stored = (await connection2.QueryAsync<string>("SELECT body FROM desk_messages ORDER BY id")).ToList();
        Assert.Equal(["请注意通话质量", "需要协助", "10 分钟后开会"], stored);
        var recent = await agentHub.InvokeAsync<List<DeskMessage>>("Recent");
        Assert.Equal(["请注意通话质量", "需要协助", "10 分钟后开会"], recent.Select(m => m.Body));
        Assert.Null(await desk.InvokeAsync<string?>("Logout"));
    }

    private async Task<string> AgentIdAsync(string email)
    {
        await using var connection = await factory.Db.OpenConnectionAsync();
        return (await connection.ExecuteScalarAsync<Guid>("SELECT id FROM users WHERE normalized_email = upper(@email)", new { email })).ToString();
    }
}
