using System.Net;
using System.Text.Json;
using Outbound.Core.Ivr;
using Outbound.Data.Desk;
using Outbound.Web.Areas.Desk.Pages;
using Outbound.Web.Tests.Support;

namespace Outbound.Web.Tests.Desk;

/// <summary>The IVR editor saves only trees without dead ends or endless loops, and only for campaign writers.</summary>
public sealed class IvrEditorTests(DeskWebFactory factory) : IClassFixture<DeskWebFactory>
{
    private string Page => $"/Desk/Ivr/{factory.HotlineCampaign.Value}";

    private async Task<long> StoredTrees()
    {
        await using var cmd = factory.Db.CreateCommand($"SELECT count(*) FROM ivr_trees WHERE campaign_id = '{factory.HotlineCampaign.Value}'");
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task A_manager_saves_a_valid_tree_but_a_loop_without_exit_is_refused_with_the_menu_named()
    {
        var (manager, _) = await factory.SignInAsync("manager@demo.local");
        var loop = new IvrTree("a",
        [
            new IvrMenu("a", "p-a", new Dictionary<char, IvrAction> { ['1'] = new IvrAction.GoTo("b") }, IvrAction.RepeatMenu, IvrAction.RepeatMenu),
            new IvrMenu("b", "p-b", new Dictionary<char, IvrAction> { ['1'] = new IvrAction.GoTo("a") }, IvrAction.RepeatMenu, IvrAction.RepeatMenu),
        ]);
        var refused = await manager.PostFormAsync(Page, [new("TreeJson", JsonSerializer.Serialize(loop, IvrTrees.Json))]);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("ivr-problems", html);
        Assert.Contains("菜单 a 处于没有出口的循环中", html);
        Assert.Equal(0, await StoredTrees());

        var saved = await manager.PostFormAsync(Page, [new("TreeJson", JsonSerializer.Serialize(IvrModel.Sample, IvrTrees.Json))]);
        Assert.Contains("ivr-saved", await saved.Content.ReadAsStringAsync());
        Assert.Equal(1, await StoredTrees());
        Assert.Contains("welcome-main", await manager.GetPageAsync(Page));
    }

    [Fact]
    public async Task An_agent_cannot_open_the_ivr_editor_and_an_outbound_campaign_has_none()
    {
        var (agent, _) = await factory.SignInAsync(DeskWebFactory.HotlineAgent);
        var response = await agent.GetAsync(Page);
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden || response.Headers.Location?.ToString().Contains("AccessDenied") == true);

        var (manager, _) = await factory.SignInAsync("manager@demo.local");
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.GetAsync($"/Desk/Ivr/{factory.DeskCampaign.Value}")).StatusCode);
    }
}
