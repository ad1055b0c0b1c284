using Outbound.Data.WorkOrders;
using static Outbound.Data.Tests.WorkOrders.WorkOrderWorld;

namespace Outbound.Data.Tests.WorkOrders;

public sealed class WorkOrderSearchTests(WorkOrderWorld world) : IClassFixture<WorkOrderWorld>
{
    [Theory]
    [InlineData("13800138000")]
    [InlineData("138 0013 8000")]
    [InlineData("+86 138-0013-8000")]
    [InlineData("008613800138000")]
    public async Task Finds_a_callers_orders_by_the_number_written_any_way(string written)
    {
        var id = await world.OpenDisputeAsync(At(4, 1, 9, 0), phone: "138-0013-8000");
        var (rows, problem) = await world.Search.SearchAsync(await world.AgentAsync(), written, new OrderFilter());
        Assert.Null(problem);
        Assert.Contains(id, rows.Select(r => r.Id));
        Assert.All(rows, r => Assert.Equal("+8613800138000", r.Phone));
    }

    [Fact]
    public async Task Finds_an_order_by_its_id_the_customers_name_a_field_value_and_chinese_free_text()
    {
        var id = await world.OpenDisputeAsync(At(4, 1, 9, 0), subject: "客户反映信用卡年费被重复扣收", phone: "13911112222", customer: "欧阳娜娜", card: "9876");
        var agent = await world.AgentAsync();

        foreach (var term in new[] { id.ToString(), $"#{id}", $"GD{id}", "欧阳", "欧阳娜娜", "9876", "年费", "重复扣收", "信用卡 年费" })
        {
            var (rows, _) = await world.Search.SearchAsync(agent, term, new OrderFilter());
            Assert.True(rows.Any(r => r.Id == id), $"'{term}' did not find order {id}");
        }
        Assert.DoesNotContain(id, (await world.Search.SearchAsync(agent, "停电", new OrderFilter())).Rows.Select(r => r.Id));
    }

    [Fact]
    public async Task An_order_number_with_hash_or_GD_finds_that_order_alone_and_bare_digits_also_a_field_holding_them()
    {
        var order = await world.OpenDisputeAsync(At(4, 1, 10, 0), subject: "按单号查找");
        var sameDigits = await world.OpenDisputeAsync(At(4, 1, 10, 5), subject: "卡号尾数与单号相同", card: order.ToString());
        var agent = await world.AgentAsync();

        foreach (var term in new[] { $"#{order}", $"GD{order}", $"gd {order}" })
            Assert.Equal([order], (await world.Search.SearchAsync(agent, term, new OrderFilter())).Rows.Select(r => r.Id));
        var (bare, _) = await world.Search.SearchAsync(agent, order.ToString(), new OrderFilter());
        Assert.Equal([sameDigits, order], bare.Select(r => r.Id));
    }

    [Fact]
    public async Task Free_text_lists_the_newest_matching_orders_first_whether_the_words_are_common_or_rare()
    {
        var agent = await world.AgentAsync();
        var rare = await world.OpenDisputeAsync(At(4, 5, 9, 0), subject: "光伏并网咨询");
        var common = new List<long>();
        for (var i = 0; i < 4; i++) common.Add(await world.OpenDisputeAsync(At(4, 5, 10, i), subject: $"路灯 不亮，第{i}次报修"));

        // More matches than asked for: the newest orders hold them all.
        var (newest, _) = await world.Search.SearchAsync(agent, "路灯 不亮", new OrderFilter(), limit: 3);
        Assert.Equal(common.AsEnumerable().Reverse().Take(3), newest.Select(r => r.Id));
        // Fewer: the full-text index is asked, and an older order is still found.
        var (found, _) = await world.Search.SearchAsync(agent, "光伏并网", new OrderFilter(), limit: 3);
        Assert.Equal([rare], found.Select(r => r.Id));
    }

    [Fact]
    public async Task A_search_of_one_character_is_refused_with_a_reason()
    {
        var (rows, problem) = await world.Search.SearchAsync(await world.AgentAsync(), " 卡 ", new OrderFilter());
        Assert.Equal(SearchProblem.TooShort, problem);
        Assert.Empty(rows);
    }

    [Fact]
    public async Task The_screen_pop_shows_the_callers_open_orders_and_the_last_closed_ones()
    {
        var phone = "13722223333";
        var admin = await world.AdminAsync();
        var closed = new List<long>();
        for (var i = 0; i < 4; i++)
        {
            var id = await world.OpenDisputeAsync(At(4, 2, 9, i), subject: $"已办结的争议 {i}", phone: phone);
            await world.Orders.ActAsync(admin, id, new Core.WorkOrders.WorkOrderAction.Resolve($"答复 {i}", true), At(4, 2, 10, i));
            closed.Add(id);
        }
        var open = await world.OpenDisputeAsync(At(4, 2, 11, 0), subject: "仍在处理", phone: phone);

        var pop = await world.Search.OfCallerAsync(await world.AgentAsync(), "+86 137 2222 3333");

        Assert.Equal([open, closed[3], closed[2], closed[1]], pop.Select(r => r.Id));
        Assert.Equal("答复 3", pop[1].Answer);
    }

    [Fact]
    public async Task Filters_narrow_the_list_to_open_orders_of_a_department()
    {
        var open = await world.OpenDisputeAsync(At(4, 3, 9, 0), subject: "过滤测试");
        var (rows, _) = await world.Search.SearchAsync(await world.AdminAsync(), null, new OrderFilter(OpenOnly: true, Department: world.CardOffice));
        Assert.Contains(open, rows.Select(r => r.Id));
        Assert.All(rows, r => Assert.Equal("信用卡部", r.DepartmentName));
    }
}
