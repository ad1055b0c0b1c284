using System.Net;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Outbound.Data.WorkOrders;
using Outbound.Web.Areas.WorkOrders;
using Outbound.Web.Tests.Support;

namespace Outbound.Web.Tests.WorkOrders;

/// <summary>Who may open which work-order and knowledge pages, over HTTP on the demo data; and the timer service escalating on a fake clock.</summary>
[Collection(WebCollection.Name)]
public sealed class WorkOrderAccessTests(OutboundWebFactory factory)
{
    private NpgsqlDataSource Db => factory.Services.GetRequiredService<NpgsqlDataSource>();

    [Fact]
    public async Task A_client_of_one_tenant_gets_not_found_for_the_other_tenants_orders_attachments_and_articles()
    {
        await using var connection = await Db.OpenConnectionAsync();
        var bankOrder = await connection.ExecuteScalarAsync<long>(
            "SELECT o.id FROM work_orders o JOIN tenants t ON t.id = o.tenant_id WHERE t.code = 'demo-bank' ORDER BY o.id LIMIT 1");
        var bankArticle = await connection.ExecuteScalarAsync<Guid>(
            "SELECT a.id FROM kb_articles a JOIN tenants t ON t.id = a.tenant_id WHERE t.code = 'demo-bank' LIMIT 1");
        var power = await factory.SignedInAs("client@demo-power.local");
        var bank = await factory.SignedInAs("client@demo-bank.local");

        Assert.Equal(HttpStatusCode.NotFound, (await power.GetAsync($"/Client/WorkOrders/Details?id={bankOrder}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await power.GetAsync($"/Client/Knowledge/Article?id={bankArticle}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await power.GetAsync($"/Client/WorkOrders/Details?handler=Download&attachment={Guid.NewGuid()}")).StatusCode);
        Assert.DoesNotContain("陈静", await power.GetPageAsync("/Client/WorkOrders?mine=false&q=13912345678"));
        Assert.Contains("陈静", await bank.GetPageAsync("/Client/WorkOrders?mine=false"));
        Assert.Contains("最低还款额的计算方法", await bank.GetPageAsync("/Client/Knowledge"));
        Assert.DoesNotContain("最低还款额的计算方法", await power.GetPageAsync("/Client/Knowledge?q=最低还款额"));
    }

    [Theory]
    [InlineData("client@demo-bank.local", "/WorkOrders")]
    [InlineData("client@demo-bank.local", "/Knowledge")]
    [InlineData("agent1@demo.local", "/WorkOrders/Setup/Types")]
    [InlineData("agent1@demo.local", "/WorkOrders/Metrics")]
    [InlineData("agent1@demo.local", "/Knowledge/Edit")]
    [InlineData("hr@demo.local", "/WorkOrders")]
    [InlineData("agent1@demo.local", "/Client/WorkOrders")]
    public async Task Roles_without_the_right_are_turned_away(string user, string page)
    {
        var browser = await factory.SignedInAs(user);
        var response = await browser.GetAsync(page);
        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"{user} {page}: {response.StatusCode}");
        if (response.StatusCode == HttpStatusCode.Redirect) Assert.Contains("/Account/AccessDenied", response.Headers.Location!.ToString());
    }

    [Theory]
    [InlineData("agent1@demo.local", "/WorkOrders")]
    [InlineData("supervisor@demo.local", "/WorkOrders/Metrics")]
    [InlineData("admin@demo.local", "/WorkOrders/Setup/Types")]
    [InlineData("admin@demo.local", "/WorkOrders/Setup/Departments")]
    [InlineData("admin@demo.local", "/WorkOrders/Setup/Calendar")]
    [InlineData("manager@demo.local", "/Knowledge/Review")]
    [InlineData("manager@demo.local", "/Knowledge/Timeliness")]
    [InlineData("client@demo-power.local", "/Client/WorkOrders")]
    [InlineData("client@demo-power.local", "/Client/Knowledge")]
    public async Task Each_role_opens_its_own_pages(string user, string page)
    {
        var browser = await factory.SignedInAs(user);
        await browser.GetPageAsync(page);
    }

    [Fact]
    public async Task A_calendar_without_working_hours_is_refused_and_the_old_hours_stay()
    {
        var admin = await factory.SignedInAs("admin@demo.local");
        var response = await admin.PostFormAsync("/WorkOrders/Setup/Calendar", [], "/WorkOrders/Setup/Calendar?handler=Weekly");
        var page = await response.Content.ReadAsStringAsync();
        Assert.True(page.Contains("日历至少要有一天营业时间"), $"{(int)response.StatusCode}: {page[..Math.Min(page.Length, 3000)]}");
        await using var connection = await Db.OpenConnectionAsync();
        Assert.Equal(5, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM business_hours"));
    }

    [Fact]
    public async Task An_order_type_with_a_zero_sla_is_refused_whole()
    {
        var admin = await factory.SignedInAs("admin@demo.local");
        await using var connection = await Db.OpenConnectionAsync();
        var campaign = await connection.ExecuteScalarAsync<Guid>("SELECT id FROM campaigns WHERE code = 'bank-collect-1'");
        var department = await connection.ExecuteScalarAsync<Guid>("SELECT id FROM wo_departments WHERE name = '二线支持'");
        var response = await admin.PostFormAsync("/WorkOrders/Setup/Types", [new("CampaignId", campaign.ToString()), new("Code", "zero-sla"), new("Name", "零时限"),
            new("DefaultPriority", "Normal"), new("DepartmentId", department.ToString()), new("Active", "true"),
            new("Sla[Normal][0]", "0"), new("Sla[Normal][1]", "4"), new("Sla[Normal][2]", "16"), new("Sla[Normal][3]", "30")]);
        Assert.Contains("首次响应时限须大于 0", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM wo_types WHERE code = 'zero-sla'"));
    }

    [Fact]
    public async Task The_timer_service_escalates_an_overdue_order_when_its_clock_ticks()
    {
        await using var connection = await Db.OpenConnectionAsync();
        // An order whose first response was due an hour ago, not yet looked at.
        var order = await connection.ExecuteScalarAsync<long>("""
            UPDATE work_orders SET sla_next_check_at = now() - interval '1 hour',
                   sla = jsonb_set(sla, '{firstResponse}', jsonb_build_object('due', now() - interval '1 hour', 'warned', true))
            WHERE id = (SELECT o.id FROM work_orders o JOIN tenants t ON t.id = o.tenant_id WHERE t.code = 'demo-bank' AND o.status = 'New' ORDER BY o.id DESC LIMIT 1)
            RETURNING id
            """);
        var before = await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM work_order_escalations WHERE order_id = @order", new { order });
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var service = ActivatorUtilities.CreateInstance<SlaTimerService>(factory.Services, clock);

        await service.StartAsync(CancellationToken.None);
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM work_order_escalations WHERE order_id = @order", new { order }) == before)
            {
                Assert.True(DateTime.UtcNow < deadline, "the timer service did not escalate the overdue order");
                clock.Advance(TimeSpan.FromSeconds(30));
                await Task.Delay(100);
            }
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }
        Assert.Contains("escalated", await connection.QueryAsync<string>("SELECT kind FROM work_order_events WHERE order_id = @order", new { order }));
    }
}
