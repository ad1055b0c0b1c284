using System.Net;
using Dapper;
using Outbound.Core.Acd;
using Outbound.Core.Campaigns;
using Outbound.Data.Desk;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Akka.Actor;
using Outbound.Dialer.Calls;
using Outbound.Dialer.Inbound;
using Outbound.Telephony;
using Outbound.Telephony.Simulated;
using Outbound.Web.Tests.Support;

namespace Outbound.Web.Tests.Desk;

/// <summary>The inbound queue settings page stores only valid settings, says what is wrong, and is for campaign writers only.</summary>
public sealed class QueueSettingsTests(DeskWebFactory factory) : IClassFixture<DeskWebFactory>
{
    private string Page => $"/Desk/Queue/{factory.HotlineCampaign.Value}";

    private static List<KeyValuePair<string, string>> Form(params (string Key, string Value)[] changes)
    {
        var fields = new Dictionary<string, string>
        {
            ["Form.Strategy"] = "TopDown", ["Form.TierEscalationSeconds"] = "20", ["Form.PriorityPerMinute"] = "2", ["Form.WrapUpSeconds"] = "25",
            ["Form.OfferTimeoutSeconds"] = "12", ["Form.NoAnswerDelaySeconds"] = "40", ["Form.RejectDelaySeconds"] = "8", ["Form.MaxNoAnswer"] = "4",
            ["Form.MaxWaitSeconds"] = "90", ["Form.Overflow"] = "Voicemail", ["Form.OverflowCampaign"] = "", ["Form.MusicOnHoldPrompt"] = "hold-jazz",
            ["Form.AnnounceEverySeconds"] = "30", ["Form.AnnouncePosition"] = "true", ["Form.AnnounceExpectedWait"] = "false",
            ["Form.ServiceLevelSeconds"] = "15",
        };
        foreach (var (key, value) in changes) fields[key] = value;
        return fields.ToList();
    }

    private async Task<Guid> HotlineAgentIdAsync()
    {
        await using var connection = await factory.Db.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<Guid>("SELECT id FROM users WHERE normalized_email = upper(@e)", new { e = DeskWebFactory.HotlineAgent });
    }

    [Fact]
    public async Task A_manager_saves_the_queue_settings_and_agent_skills_and_reads_them_back()
    {
        var (manager, _) = await factory.SignInAsync("manager@demo.local");
        var agent = await HotlineAgentIdAsync();
        var response = await manager.PostFormAsync(Page, [.. Form(), new($"Skills[{agent}]", "general:2 billing:1")]);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("queue-saved", html);

        var stored = await new InboundQueueSettings(factory.Db).FindAsync(factory.HotlineCampaign);
        Assert.NotNull(stored);
        Assert.Equal(RoutingStrategy.TopDown, stored.Policy.Strategy);
        Assert.Equal(TimeSpan.FromSeconds(25), stored.Policy.WrapUp);
        Assert.Equal(TimeSpan.FromSeconds(40), stored.Policy.NoAnswerDelay);
        Assert.Equal(TimeSpan.FromSeconds(8), stored.Policy.RejectDelay);
        Assert.Equal(4, stored.Policy.MaxNoAnswer);
        Assert.Equal(TimeSpan.FromSeconds(90), stored.Policy.MaxWait);
        Assert.Equal(OverflowAction.Voicemail, stored.Policy.Overflow);
        Assert.Equal("hold-jazz", stored.Policy.MusicOnHoldPrompt);
        Assert.True(stored.Policy.AnnouncePosition);
        Assert.False(stored.Policy.AnnounceExpectedWait);
        Assert.Equal(new Dictionary<string, int> { ["general"] = 2, ["billing"] = 1 }, stored.AgentSkills[agent.ToString()]);

        var page = await manager.GetPageAsync(Page);
        Assert.Contains("value=\"hold-jazz\"", page);
        Assert.Contains("billing:1 general:2", page);
    }

    [Fact]
    public async Task Invalid_settings_are_refused_with_each_problem_said_and_nothing_is_stored()
    {
        var (manager, _) = await factory.SignInAsync("manager@demo.local");
        var agent = await HotlineAgentIdAsync();
        await using (var connection = await factory.Db.OpenConnectionAsync())
            await connection.ExecuteAsync("DELETE FROM inbound_queue_settings WHERE campaign_id = @c", new { c = factory.HotlineCampaign.Value });

        var response = await manager.PostFormAsync(Page, [.. Form(("Form.OfferTimeoutSeconds", "2"), ("Form.Overflow", "OverflowQueue"),
            ("Form.MusicOnHoldPrompt", "Bad Prompt")), new($"Skills[{agent}]", "billing:12")]);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("queue-problems", html);
        Assert.Contains("“振铃超时（秒）”须在 5–120 之间。", html);
        Assert.Contains("选择“转溢出队列”时必须指定溢出队列。", html);
        Assert.Contains("提示音名称“Bad Prompt”无效", html);
        Assert.Contains("billing:12：层级须在 1–9 之间", html);
        Assert.Null(await new InboundQueueSettings(factory.Db).FindAsync(factory.HotlineCampaign));

        // Another client's campaign is not an overflow target.
        var response2 = await manager.PostFormAsync(Page, Form(("Form.Overflow", "OverflowQueue"), ("Form.OverflowCampaign", factory.DeskCampaign.Value.ToString())));
        Assert.Contains("选择“转溢出队列”时必须指定溢出队列。", await response2.Content.ReadAsStringAsync());
        Assert.Null(await new InboundQueueSettings(factory.Db).FindAsync(factory.HotlineCampaign));
    }

    [Fact]
    public async Task An_agent_cannot_open_the_queue_settings_and_an_outbound_campaign_has_none()
    {
        var (agent, _) = await factory.SignInAsync(DeskWebFactory.HotlineAgent);
        var response = await agent.GetAsync(Page);
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden || response.Headers.Location?.ToString().Contains("AccessDenied") == true);

        var (manager, _) = await factory.SignInAsync("manager@demo.local");
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.GetAsync($"/Desk/Queue/{factory.DeskCampaign.Value}")).StatusCode);
    }

    [Fact]
    public async Task Skills_saved_on_the_page_reach_the_running_queue_at_once_and_a_caller_waiting_for_the_skill_is_offered_to_the_agent()
    {
        var (manager, _) = await factory.SignInAsync("manager@demo.local");
        var agent = await HotlineAgentIdAsync();
        Assert.Contains("queue-saved", await (await manager.PostFormAsync(Page, [.. Form(), new($"Skills[{agent}]", "general:1")])).Content.ReadAsStringAsync());
        await using var client = await DeskClient.ConnectAsync(factory, DeskWebFactory.HotlineAgent);
        Assert.Null(await client.Hub.InvokeAsync<string?>("Login", factory.HotlineCampaign.Value));
        Assert.Null(await client.Hub.InvokeAsync<string?>("Ready"));
        await client.States.WaitFor(s => s.State == "ready", TimeSpan.FromSeconds(30));

        const string caller = "+8613812340001";
        var carrier = (SimulatedTelephony)factory.Services.GetRequiredService<ITelephony>();
        var directory = factory.Services.GetRequiredService<AcdQueues>().Directory;
        var leg = carrier.ArriveInbound(caller, new ActorTelephonySink(directory), patience: null, talkTime: TimeSpan.FromSeconds(5));
        directory.Tell(new AcdCommands.CallerArrived(factory.HotlineCampaign, leg, caller, Skill: "billing"));
        // Nobody has billing: the caller waits.
        await Assert.ThrowsAsync<TimeoutException>(() => client.Pops.WaitFor(p => p.Kind == "call", TimeSpan.FromSeconds(1.5)));

        Assert.Contains("queue-saved", await (await manager.PostFormAsync(Page, [.. Form(), new($"Skills[{agent}]", "billing:1")])).Content.ReadAsStringAsync());
        var pop = await client.Pops.WaitFor(p => p.Kind == "call", TimeSpan.FromSeconds(30));
        Assert.Equal(caller, pop.Phone);
        await client.Hub.InvokeAsync<string?>("Logout");
    }
}
