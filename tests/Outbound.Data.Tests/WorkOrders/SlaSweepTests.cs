using Dapper;
using Outbound.Core.WorkOrders;
using Outbound.Data.WorkOrders;
using static Outbound.Data.Tests.WorkOrders.WorkOrderWorld;

namespace Outbound.Data.Tests.WorkOrders;

/// <summary>The timer service's pass on PostgreSQL: warnings, escalations up the chain, who is told, and only due orders read.</summary>
public sealed class SlaSweepTests(WorkOrderWorld world) : IClassFixture<WorkOrderWorld>
{
    [Fact]
    public async Task Warns_before_the_first_response_is_due_then_escalates_up_the_chain_raising_the_priority_and_telling_everyone_concerned()
    {
        var id = await world.OpenDisputeAsync(At(3, 3, 9, 0)); // Tuesday 09:00: first response due 11:00, resolution Wednesday 16:00
        var client = await world.BankClientAsync();
        await world.Orders.ActAsync(await world.AdminAsync(), id, new WorkOrderAction.Assign(world.BankClient), At(3, 3, 9, 1));

        var secondLine = await world.ViewerAsync(world.SecondLineLead, "Agent"); // a 二线 member with no campaign of the bank
        Assert.Null(await world.Orders.FindAsync(secondLine, id));
        var early = await world.Sweep.RunAsync(At(3, 3, 10, 29));
        var warned = await world.Sweep.RunAsync(At(3, 3, 10, 30));
        var again = await world.Sweep.RunAsync(At(3, 3, 10, 45));
        var breached = await world.Sweep.RunAsync(At(3, 3, 11, 0));

        Assert.Empty(Mine(early.Notices, id));
        Assert.Equal([(world.BankClient, "sla_warning")], Mine(warned.Notices, id));
        Assert.Empty(Mine(again.Notices, id));
        // The assignee (a client user, no team), the card office's lead (the same user) and the chain's first level, 二线.
        Assert.Equal(new[] { world.BankClient, world.SecondLineLead }.Order(), Mine(breached.Notices, id).Where(n => n.Kind == "escalated").Select(n => n.User).Order());
        var order = await world.Orders.FindAsync(client, id);
        Assert.Equal((1, 1, WorkOrderPriority.High, (Guid?)world.SecondLine), (order!.EscalationLevel, order.Escalations, order.Priority, order.OverseerId));
        var escalation = Assert.Single(await world.Orders.EscalationsAsync(client, id));
        Assert.Equal((SlaTarget.FirstResponse, At(3, 3, 11, 0), 0, 1, WorkOrderPriority.Normal, WorkOrderPriority.High, "二线", 2),
            (escalation.Target, escalation.DueAt, escalation.LevelFrom, escalation.LevelTo, escalation.PriorityFrom, escalation.PriorityTo, escalation.DepartmentName,
                escalation.Notified));
        Assert.Equal(["created", "assigned", "sla_warning", "escalated"], (await world.Orders.HistoryAsync(client, id)).Select(e => e.Kind));
        // 二线 now oversees the order: its members may work it.
        Assert.NotNull(await world.Orders.FindAsync(secondLine, id));
        Assert.True((await world.Orders.ActAsync(secondLine, id, new WorkOrderAction.Note("二线已介入"), At(3, 3, 11, 5))).Done);
    }

    [Fact]
    public async Task A_breached_resolution_moves_up_each_level_of_the_chain_after_its_time_and_tells_the_agents_team_leader()
    {
        var id = await world.OpenDisputeAsync(At(3, 3, 9, 0));
        var admin = await world.AdminAsync();
        await world.Orders.ActAsync(admin, id, new WorkOrderAction.Transfer(world.SecondLine), At(3, 3, 9, 1));
        await world.Orders.ActAsync(admin, id, new WorkOrderAction.Assign(world.Agent), At(3, 3, 9, 2));
        await world.Orders.ActAsync(await world.ViewerAsync(world.Agent, "Agent"), id, new WorkOrderAction.Start(), At(3, 3, 9, 30));
        await world.Orders.ActAsync(await world.ViewerAsync(world.SecondLineLead, "Supervisor"), id, new WorkOrderAction.Note("加急"), At(3, 3, 12, 0));
        await world.Orders.ActAsync(await world.ViewerAsync(world.SecondLineLead, "Supervisor"), id, new WorkOrderAction.Note("催办"), At(3, 3, 15, 0));
        await world.Orders.ActAsync(await world.ViewerAsync(world.SecondLineLead, "Supervisor"), id, new WorkOrderAction.Note("再催"), At(3, 4, 10, 0));
        await world.Orders.ActAsync(await world.ViewerAsync(world.SecondLineLead, "Supervisor"), id, new WorkOrderAction.Note("跟进"), At(3, 4, 13, 0));

        var atResolutionDue = await world.Sweep.RunAsync(At(3, 4, 16, 0)); // 16 business hours after Tuesday 09:00
        await world.Orders.ActAsync(await world.ViewerAsync(world.SecondLineLead, "Supervisor"), id, new WorkOrderAction.Note("已联系卡部"), At(3, 4, 16, 30));
        var afterFirstLevel = await world.Sweep.RunAsync(At(3, 5, 11, 0)); // 二线's 4 h: Wednesday 16–18, Thursday 9–11

        var resolution = Mine(atResolutionDue.Notices, id).Where(n => n.Kind == "escalated").Select(n => n.User).ToList();
        Assert.Contains(world.Agent, resolution);
        Assert.Contains(world.Supervisor, resolution); // the agent's team leader (Hr's teams)
        Assert.Contains(world.SecondLineLead, resolution);
        var order = await world.Orders.FindAsync(admin, id);
        Assert.Equal((2, WorkOrderPriority.Urgent, (Guid?)world.Supervisors), (order!.EscalationLevel, order.Priority, order.OverseerId));
        var escalations = await world.Orders.EscalationsAsync(admin, id);
        Assert.Equal([SlaTarget.Resolution, SlaTarget.Resolution], escalations.Select(e => e.Target));
        Assert.Equal([At(3, 4, 16, 0), At(3, 5, 11, 0)], escalations.Select(e => e.DueAt));
        Assert.Equal(["二线", "班长"], escalations.Select(e => e.DepartmentName));
        Assert.Contains((world.Agent, "sla_warning"), Mine(afterFirstLevel.Notices, id)); // the next update is due at 11:30
        await using var connection = await world.Db.OpenConnectionAsync();
        Assert.True(await connection.ExecuteScalarAsync<bool>("SELECT resolution_breached FROM work_orders WHERE id = @id", new { id }));
    }

    [Fact]
    public async Task Waiting_for_the_customer_over_the_weekend_breaches_nothing()
    {
        var id = await world.OpenDisputeAsync(At(3, 6, 9, 0)); // Friday
        var admin = await world.AdminAsync();
        await world.Orders.ActAsync(admin, id, new WorkOrderAction.Start(), At(3, 6, 9, 30));
        await world.Orders.ActAsync(admin, id, new WorkOrderAction.WaitForCustomer(), At(3, 6, 10, 0));

        var sweep = await world.Sweep.RunAsync(At(3, 20, 9, 0));

        Assert.Empty(Mine(sweep.Notices, id));
        Assert.Empty(await world.Orders.EscalationsAsync(admin, id));
    }

    [Fact]
    public async Task An_order_is_next_looked_at_when_its_first_warning_comes()
    {
        var id = await world.OpenDisputeAsync(At(3, 10, 9, 0));
        await using var connection = await world.Db.OpenConnectionAsync();
        var next = await connection.ExecuteScalarAsync<DateTime>("SELECT sla_next_check_at FROM work_orders WHERE id = @id", new { id });
        Assert.Equal(At(3, 10, 10, 30).UtcDateTime, next); // 30 minutes before the first response is due
    }

    [Fact]
    public async Task An_order_opened_on_the_desk_is_linked_to_its_call_record_once_written()
    {
        var id = await world.OpenDisputeAsync(At(3, 11, 10, 5));
        var call = Guid.CreateVersion7();
        await using (var connection = await world.Db.OpenConnectionAsync())
            await connection.ExecuteAsync("""
                INSERT INTO call_records (id, tenant_id, campaign_id, lead_id, attempt, phone_e164, dial_mode, agent, started_at, connected_at, ended_at, outcome, run_id)
                VALUES (@call, @tenant, @campaign, @lead, 1, '+8613800138000', 'Predictive', @agent, @started, @connected, @ended, 'Answered', 'test')
                """, new { call, tenant = world.BankTenant, campaign = world.BankCampaign, lead = world.BankLead, agent = world.Agent.ToString(),
                started = At(3, 11, 10, 0).UtcDateTime, connected = At(3, 11, 10, 1).UtcDateTime, ended = At(3, 11, 10, 9).UtcDateTime });

        var sweep = await world.Sweep.RunAsync(At(3, 11, 10, 10));

        Assert.True(sweep.CallsLinked >= 1);
        Assert.Equal(call, (await world.Orders.FindAsync(await world.AgentAsync(), id))!.CallId);
    }

    private static List<(Guid User, string Kind)> Mine(IEnumerable<OrderNotice> notices, long id) =>
        notices.Where(n => n.OrderId == id).Select(n => (n.UserId, n.Kind)).ToList();
}
