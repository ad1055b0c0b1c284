using System.Text.Json;
using Dapper;
using Microsoft.AspNetCore.SignalR.Client;
using Outbound.Web.Areas.Desk;
using Outbound.Web.Areas.Wallboard;
using Outbound.Web.Tests.Support;

namespace Outbound.Web.Tests.Desk;

/// <summary>An agent logs in to several of its campaigns at once (a blended agent when inbound and outbound), never to others.</summary>
public sealed class DeskMultiLoginTests(DeskWebFactory factory) : IClassFixture<DeskWebFactory>
{
    [Fact]
    public async Task An_agent_logs_in_to_an_inbound_and_an_outbound_campaign_at_once_but_not_to_one_it_is_not_assigned_to()
    {
        await using (var connection = await factory.Db.OpenConnectionAsync())
            await connection.ExecuteAsync("""
                INSERT INTO campaign_agents (tenant_id, campaign_id, user_id)
                SELECT c.tenant_id, c.id, u.id FROM campaigns c, users u WHERE c.id = @c AND u.normalized_email = upper(@agent)
                """, new { c = factory.SurveyCampaign.Value, agent = DeskWebFactory.HotlineAgent });
        var (_, cookies) = await factory.SignInAsync(DeskWebFactory.HotlineAgent);
        await using var desk = factory.Hub(AgentDeskHub.Path, cookies);
        await desk.StartAsync();

        // The collections campaign is agent1's only: the whole login is refused.
        Assert.Equal(DeskTexts.NotAssigned.Zh,
            await desk.InvokeAsync<string?>("LoginTo", new[] { factory.HotlineCampaign.Value, factory.DeskCampaign.Value }));
        Assert.Equal("signed_out", (await desk.InvokeAsync<JsonElement>("Current")).GetProperty("desk").GetProperty("state").GetString());
        Assert.Equal(DeskTexts.ChooseCampaign.Zh, await desk.InvokeAsync<string?>("LoginTo", Array.Empty<Guid>()));

        Assert.Null(await desk.InvokeAsync<string?>("LoginTo", new[] { factory.HotlineCampaign.Value, factory.SurveyCampaign.Value }));
        var current = await desk.InvokeAsync<JsonElement>("Current");
        Assert.Equal("not_ready", current.GetProperty("desk").GetProperty("state").GetString());
        Assert.Equal([factory.HotlineCampaign.Value, factory.SurveyCampaign.Value],
            current.GetProperty("campaignIds").EnumerateArray().Select(e => e.GetGuid()).ToList());

        var (_, supervisorCookies) = await factory.SignInAsync(DeskWebFactory.Supervisor);
        await using var wallboard = factory.Hub(WallboardHub.Path, supervisorCookies);
        await wallboard.StartAsync();
        var row = (await wallboard.InvokeAsync<List<BoardRow>>("Watch")).Single(r => r.State == "not_ready");
        Assert.Equal([factory.HotlineCampaign.Value, factory.SurveyCampaign.Value], row.Campaigns);
        Assert.Equal([factory.HotlineCampaign.Value], row.InboundCampaigns);
        Assert.True(row.Inbound);

        Assert.Null(await desk.InvokeAsync<string?>("Logout"));
    }
}
