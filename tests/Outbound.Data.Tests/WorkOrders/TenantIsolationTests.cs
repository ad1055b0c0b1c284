using Outbound.Core.WorkOrders;
using Outbound.Data.Knowledge;
using Outbound.Data.WorkOrders;
using static Outbound.Data.Tests.WorkOrders.WorkOrderWorld;

namespace Outbound.Data.Tests.WorkOrders;

/// <summary>A client user of one tenant never sees, finds or opens another's orders, articles or attachments; an agent sees only its campaigns' orders.</summary>
public sealed class TenantIsolationTests(WorkOrderWorld world) : IClassFixture<WorkOrderWorld>
{
    [Fact]
    public async Task A_client_of_one_tenant_never_sees_finds_opens_or_works_the_orders_and_attachments_of_another()
    {
        var bankOrder = await world.OpenDisputeAsync(At(5, 6, 9, 0), subject: "隔离测试 银行工单", phone: "13855556666");
        await world.Orders.AttachAsync(await world.AgentAsync(), bankOrder, "凭证.pdf", "%PDF-1.4 test"u8.ToArray(), At(5, 6, 9, 1));
        var attachment = (await world.Orders.AttachmentsAsync(await world.AdminAsync(), bankOrder)).Single().Id;
        var power = await world.PowerClientAsync();

        Assert.Null(await world.Orders.FindAsync(power, bankOrder));
        Assert.Empty(await world.Orders.HistoryAsync(power, bankOrder));
        Assert.Empty(await world.Orders.AttachmentsAsync(power, bankOrder));
        Assert.Null(await world.Orders.DownloadAsync(power, attachment));
        foreach (var term in new[] { bankOrder.ToString(), "13855556666", "隔离测试", "张三", "6217" })
            Assert.Empty((await world.Search.SearchAsync(power, term, new OrderFilter())).Rows);
        Assert.Empty(await world.Search.OfCallerAsync(power, "13855556666"));
        Assert.DoesNotContain((await world.Search.SearchAsync(power, null, new OrderFilter())).Rows, r => r.CampaignName == "信用卡催收");
        Assert.Equal(OrderProblem.NotFound, (await world.Orders.ActAsync(power, bankOrder, new WorkOrderAction.Note("x"), At(5, 6, 9, 5))).Problem);
        Assert.Equal(OrderProblem.NotFound, (await world.Orders.AttachAsync(power, bankOrder, "a.txt", "x"u8.ToArray(), At(5, 6, 9, 5))).Problem);

        var bank = await world.BankClientAsync();
        Assert.NotNull(await world.Orders.FindAsync(bank, bankOrder));
        Assert.NotNull(await world.Orders.DownloadAsync(bank, attachment));
    }

    [Fact]
    public async Task A_client_user_outside_the_department_sees_its_tenants_orders_but_cannot_work_them()
    {
        var order = await world.OpenDisputeAsync(At(5, 6, 10, 0));
        var outsider = await world.ViewerAsync(world.BankClientOutsider, "Client", world.BankTenant);

        Assert.NotNull(await world.Orders.FindAsync(outsider, order));
        Assert.Equal(OrderProblem.NotAllowed, (await world.Orders.ActAsync(outsider, order, new WorkOrderAction.Start(), At(5, 6, 10, 1))).Problem);
    }

    [Fact]
    public async Task An_agent_sees_only_the_orders_of_its_campaigns()
    {
        var powerOrder = await world.OpenOutageAsync(At(5, 6, 11, 0), subject: "坐席不可见的停电工单", phone: "02199990000");
        var agent = await world.AgentAsync();

        Assert.Null(await world.Orders.FindAsync(agent, powerOrder));
        Assert.Empty((await world.Search.SearchAsync(agent, "02199990000", new OrderFilter())).Rows);
        Assert.Empty((await world.Search.SearchAsync(agent, "坐席不可见", new OrderFilter())).Rows);
        Assert.NotNull(await world.Orders.FindAsync(await world.AdminAsync(), powerOrder));
    }

    [Fact]
    public async Task A_client_of_one_tenant_never_sees_finds_or_downloads_the_articles_of_another()
    {
        var admin = await world.AdminAsync();
        var (category, _) = await world.Knowledge.CreateCategoryAsync(world.BankTenant, null, "隔离分类");
        var published = await world.Knowledge.PublishAsync(admin, new ArticleInput(null, world.BankTenant, null, category!.Value, null, "银行内部口径：分期手续费",
            "<p>分期手续费按月收取</p>", new DateOnly(2026, 5, 1), null, null, []), At(5, 6, 9, 0), new DateOnly(2026, 5, 6));
        var article = published.Id!.Value;
        var (file, _, _) = await world.Knowledge.AttachAsync(admin, article, "费率表.pdf", "%PDF-1.4 x"u8.ToArray(), At(5, 6, 9, 1));
        var power = await world.PowerClientAsync();

        Assert.Null(await world.Knowledge.FindAsync(power, article));
        Assert.Empty((await world.KnowledgeSearch.SearchAsync(power, "分期手续费", null, null)).Hits);
        Assert.Empty((await world.KnowledgeSearch.SearchAsync(power, "分期手续费", world.BankTenant, null)).Hits);
        Assert.Null(await world.Knowledge.DownloadAsync(power, file!.Value));
        Assert.Equal(KbProblem.NotFound, await world.Knowledge.FlagAsync(power, article, "wrong", null, At(5, 6, 9, 2)));
        Assert.Equal(KbProblem.NotFound, (await world.Knowledge.ProposeAsync(power, article, null, "改", "<p>改</p>", "理由", At(5, 6, 9, 2))).Problem);

        var bank = await world.BankClientAsync();
        Assert.NotNull(await world.Knowledge.FindAsync(bank, article));
        Assert.Single((await world.KnowledgeSearch.SearchAsync(bank, "分期手续费", null, null)).Hits);
        Assert.NotNull(await world.Knowledge.DownloadAsync(bank, file.Value));
    }
}
