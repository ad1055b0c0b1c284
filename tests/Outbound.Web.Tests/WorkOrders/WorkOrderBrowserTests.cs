using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Outbound.Core.WorkOrders;
using Outbound.Data.Demo;
using Outbound.Data.WorkOrders;
using Outbound.Dialer.Campaigns;
using Outbound.Web.Tests.Support;

namespace Outbound.Web.Tests.WorkOrders;

/// <summary>Work orders and the knowledge base in a real browser, on simulated calls.</summary>
public sealed class WorkOrderBrowserTests(KestrelDeskWebFactory factory) : IClassFixture<KestrelDeskWebFactory>
{
    private const float Patience = BrowserPages.Patience;
    private const string Client = "client@demo-bank.local";

    [Fact]
    public async Task An_agent_opens_an_order_from_a_call_the_clients_back_office_resolves_it_and_the_agent_sees_the_answer_on_the_next_pop()
    {
        var type = await DisputeTypeAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await KestrelDeskWebFactory.LaunchChromiumAsync(playwright);
        var agent = await BrowserPages.AtDeskAsync(browser, factory.Address, DeskWebFactory.Agent, factory.DeskCampaign);
        await agent.ClickAsync("#ready");
        await agent.WaitForSelectorAsync("#state[data-state=ready]", new() { Timeout = Patience });

        await factory.CampaignCommandAsync(c => new CampaignCommands.Start(c));
        long lead;
        try
        {
            await agent.WaitForSelectorAsync("#pop:not([hidden])", new() { Timeout = Patience });
            var phone = (await agent.TextContentAsync("#pop-phone"))!;
            await agent.ClickAsync("#wo-new summary");
            await agent.WaitForSelectorAsync($"#wo-type option[value='{type}']", new() { State = WaitForSelectorState.Attached, Timeout = Patience });
            Assert.Equal(phone, await agent.InputValueAsync("#wo-phone-input")); // prefilled from the pop
            await agent.SelectOptionAsync("#wo-type", type.ToString());
            await agent.FillAsync("#wo-subject", "客户称一笔消费非本人所为");
            await agent.ClickAsync("#wo-submit");
            await agent.WaitForSelectorAsync("#wo-errors:not([hidden])", new() { Timeout = Patience }); // the card's last four digits are required
            await agent.FillAsync("#wo-fields [data-field=card_last4]", "6217");
            await agent.ClickAsync("#wo-submit");
            await agent.WaitForSelectorAsync("#wo-flash:not([hidden]), #wo-errors:not([hidden]) li:not(:empty)", new() { Timeout = Patience });
            Assert.True(await agent.IsVisibleAsync("#wo-flash"), "refused: " + await agent.TextContentAsync("#wo-errors"));
            await agent.WaitForSelectorAsync("#wo-caller tr[data-order]", new() { Timeout = Patience });

            await agent.WaitForSelectorAsync("#acw:not([hidden])", new() { Timeout = Patience });
            await factory.CampaignCommandAsync(c => new CampaignCommands.Stop(c));
            await agent.SelectOptionAsync("#disposition", "callback");
            await agent.ClickAsync("#submit-disposition");
            await agent.WaitForSelectorAsync("#desk-flash:not([hidden])", new() { Timeout = Patience });
        }
        finally
        {
            await factory.CampaignCommandAsync(c => new CampaignCommands.Stop(c));
        }
        await using (var connection = await factory.Db.OpenConnectionAsync())
        {
            var order = await connection.QuerySingleAsync<(long Id, long Lead, string Via, string Kind)>(
                "SELECT id, lead_id, created_via, call_kind FROM work_orders WHERE type_id = @type", new { type });
            Assert.Equal(("desk", "outbound"), (order.Via, order.Kind));
            lead = order.Lead;
        }

        // The bank's card office resolves it in the client portal.
        var client = await BrowserPages.SignedInAsync(browser, factory.Address, Client);
        await client.GotoAsync("/Client/WorkOrders");
        await client.ClickAsync("#orders tr[data-order] a");
        await client.ClickAsync("#act-start");
        await client.WaitForSelectorAsync("#order-status[data-status=InProgress]", new() { Timeout = Patience });
        await client.FillAsync("#resolve-text", "经核实为商户重复请款，款项已退回原卡。");
        await client.ClickAsync("#act-resolve");
        await client.WaitForSelectorAsync("#order-status[data-status=Resolved]", new() { Timeout = Patience });

        // The customer is called again: the next pop shows the order with the back office's answer.
        await using (var connection = await factory.Db.OpenConnectionAsync())
            await connection.ExecuteAsync("""
                UPDATE leads SET status = 'done' WHERE campaign_id = @campaign AND id <> @lead;
                UPDATE leads SET status = 'new', next_call_at = NULL, lease_owner = NULL, lease_expires_at = NULL WHERE id = @lead;
                """, new { campaign = factory.DeskCampaign.Value, lead });
        await agent.WaitForSelectorAsync("#state[data-state=ready]", new() { Timeout = Patience });
        await factory.CampaignCommandAsync(c => new CampaignCommands.Start(c));
        try
        {
            var answer = agent.Locator("#wo-caller .wo-answer", new() { HasText = "款项已退回原卡" });
            await answer.WaitForAsync(new() { Timeout = Patience });
        }
        finally
        {
            await factory.CampaignCommandAsync(c => new CampaignCommands.Stop(c));
        }
    }

    [Fact]
    public async Task An_agent_finds_an_article_by_a_chinese_phrase_as_it_types_and_flags_it_for_its_owner()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await KestrelDeskWebFactory.LaunchChromiumAsync(playwright);
        // The supervisor works the desk too (agent1 is busy with calls in the other test of this class).
        var agent = await BrowserPages.AtDeskAsync(browser, factory.Address, DeskWebFactory.Supervisor, factory.DeskCampaign);

        await agent.FillAsync("#kb-panel-query", "信用卡丢了怎么挂失"); // the article says 贷记卡: the bank's synonyms bridge it
        var hit = agent.Locator("#kb-panel-results li", new() { HasText = "贷记卡挂失流程" });
        await hit.WaitForAsync(new() { Timeout = Patience });

        await hit.Locator("button.link").ClickAsync();
        await hit.Locator("select").SelectOptionAsync("outdated");
        await hit.Locator("input").FillAsync("新卡现在 5 个工作日寄出");
        // Playwright finds the panel's send button "not stable" in the merged desk layout (it never settles for its check);
        // the click itself is what an agent does. See the closing note of issue 20.
        await hit.Locator("form button").ClickAsync(new() { Force = true });
        await agent.WaitForSelectorAsync("#kb-panel-flash:not([hidden])", new() { Timeout = Patience });
        await using var connection = await factory.Db.OpenConnectionAsync();
        Assert.Equal("新卡现在 5 个工作日寄出", await connection.ExecuteScalarAsync<string>(
            "SELECT f.note FROM kb_flags f JOIN kb_articles a ON a.id = f.article_id WHERE a.title = '贷记卡挂失流程' AND f.kind = 'outdated'"));
    }

    [Fact]
    public async Task Choosing_a_type_on_the_new_order_page_brings_its_form_under_the_content_security_policy()
    {
        var type = await DisputeTypeAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await KestrelDeskWebFactory.LaunchChromiumAsync(playwright);
        var supervisor = await BrowserPages.SignedInAsync(browser, factory.Address, DeskWebFactory.Supervisor);
        var violations = new List<string>();
        supervisor.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal)) violations.Add(message.Text);
        };
        await supervisor.GotoAsync("/WorkOrders/Create");
        Assert.Equal(0, await supervisor.Locator("#create-form").CountAsync());
        await supervisor.SelectOptionAsync("#type", type.ToString());
        await supervisor.WaitForSelectorAsync("#create-form [name='Fields[card_last4]']", new() { Timeout = Patience });
        Assert.Empty(violations);
    }

    /// <summary>A dispute type on the desk's test campaign, sent to the bank's card office (whose lead is the demo client user).</summary>
    private async Task<Guid> DisputeTypeAsync()
    {
        using var scope = factory.Services.CreateScope();
        var departments = scope.ServiceProvider.GetRequiredService<Departments>();
        var office = (await departments.ListAsync()).Single(d => d.Name == "信用卡中心客服部");
        var sla = new Dictionary<WorkOrderPriority, SlaPolicy> { [WorkOrderPriority.Normal] = new(TimeSpan.FromHours(2), TimeSpan.FromHours(4), TimeSpan.FromHours(16), TimeSpan.FromMinutes(30)) };
        var (id, errors) = await scope.ServiceProvider.GetRequiredService<OrderTypes>().SaveAsync(null, new OrderTypeInput(factory.DeskCampaign.Value,
            "desk-dispute-" + Guid.NewGuid().ToString("N")[..6], "交易争议（测试）", [new WorkOrderField("card_last4", "卡号后四位", Required: true)],
            WorkOrderPriority.Normal, office.Id, [], false, true, sla));
        Assert.Empty(errors);
        return id!.Value;
    }
}
