using Dapper;
using Npgsql;
using Outbound.Core.Identity;
using Outbound.Core.WorkOrders;
using Outbound.Data.WorkOrders;
using static Outbound.Data.Tests.WorkOrders.WorkOrderWorld;

namespace Outbound.Data.Tests.WorkOrders;

/// <summary>The workflow on PostgreSQL: each step written with its history line, refusals writing nothing, the history append-only.</summary>
public sealed class WorkOrderWorkflowTests(WorkOrderWorld world) : IClassFixture<WorkOrderWorld>
{
    [Fact]
    public async Task An_order_goes_through_the_workflow_and_every_step_is_in_its_history_with_who_and_when()
    {
        var id = await world.OpenDisputeAsync(At(3, 3, 9, 0));
        var client = await world.BankClientAsync();
        var agent = await world.AgentAsync();

        await Done(world.Orders.ActAsync(client, id, new WorkOrderAction.Assign(world.BankClient), At(3, 3, 9, 10)));
        await Done(world.Orders.ActAsync(client, id, new WorkOrderAction.Start(), At(3, 3, 9, 20)));
        await Done(world.Orders.ActAsync(client, id, new WorkOrderAction.WaitForCustomer(), At(3, 3, 10, 0)));
        var waiting = await world.Orders.FindAsync(client, id);
        Assert.Equal(WorkOrderStatus.WaitingForCustomer, waiting!.Status);
        Assert.Null(waiting.Sla.NextCheck); // the clock stands still while the customer is awaited
        await Done(world.Orders.ActAsync(client, id, new WorkOrderAction.Resume(), At(3, 4, 10, 0)));
        await Done(world.Orders.ActAsync(agent, id, new WorkOrderAction.Note("客户补充了交易截图"), At(3, 4, 11, 0)));
        await Done(world.Orders.ActAsync(client, id, new WorkOrderAction.Resolve("已核实为盗刷，发起退单，3 个工作日内退回", true), At(3, 4, 15, 0)));
        await Done(world.Orders.ActAsync(agent, id, new WorkOrderAction.Close(), At(3, 5, 9, 0)));
        await Done(world.Orders.ActAsync(agent, id, new WorkOrderAction.Reopen("客户称未收到退款"), At(3, 9, 9, 0)));

        var order = await world.Orders.FindAsync(agent, id);
        Assert.Equal(WorkOrderStatus.Assigned, order!.Status);
        Assert.Equal(world.BankClient, order.AssigneeId);
        Assert.Equal(1, order.Reopened);
        Assert.Equal(At(3, 3, 9, 20), order.FirstRespondedAt);
        Assert.Equal("已核实为盗刷，发起退单，3 个工作日内退回", order.Answer);
        Assert.NotNull(order.Sla.Resolution.Due); // a fresh resolution target after the reopen

        var history = await world.Orders.HistoryAsync(agent, id);
        Assert.Equal(["created", "assigned", "started", "waiting", "resumed", "note", "resolved", "closed", "reopened"], history.Select(h => h.Kind));
        Assert.Equal([At(3, 3, 9, 0), At(3, 3, 9, 10)], history.Take(2).Select(h => h.At));
        Assert.Equal(agent.Name, history[0].ActorName);
        Assert.Equal(client.Name, history[1].ActorName);
        Assert.Equal("客户称未收到退款", history[^1].Detail["reason"]);
    }

    [Fact]
    public async Task A_refused_action_changes_nothing_and_leaves_no_history_line()
    {
        var id = await world.OpenDisputeAsync(At(3, 3, 9, 0));
        var agent = await world.AgentAsync();
        var before = await world.Orders.FindAsync(agent, id);

        var close = await world.Orders.ActAsync(agent, id, new WorkOrderAction.Close(), At(3, 3, 9, 5));
        var resolve = await world.Orders.ActAsync(agent, id, new WorkOrderAction.Resolve("  ", true), At(3, 3, 9, 5));
        var assign = await world.Orders.ActAsync(agent, id, new WorkOrderAction.Assign(world.PowerClient), At(3, 3, 9, 5));

        Assert.Equal((OrderProblem.Refused, WorkflowRefusal.NotInThisStatus), (close.Problem, close.Refusal));
        Assert.Equal(WorkflowRefusal.AnswerRequired, resolve.Refusal);
        Assert.Equal(OrderProblem.AssigneeNotInDepartment, assign.Problem);
        Assert.Equivalent(before, await world.Orders.FindAsync(agent, id));
        Assert.Single(await world.Orders.HistoryAsync(agent, id));
    }

    [Fact]
    public async Task History_and_escalations_are_append_only_in_the_database_itself()
    {
        var id = await world.OpenDisputeAsync(At(3, 3, 9, 0));
        await using var connection = await world.Db.OpenConnectionAsync();
        var update = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync("UPDATE work_order_events SET actor_name = 'x' WHERE order_id = @id", new { id }));
        var delete = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync("DELETE FROM work_order_events WHERE order_id = @id", new { id }));
        Assert.Contains("append-only", update.MessageText);
        Assert.Contains("append-only", delete.MessageText);
        await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync("DELETE FROM work_order_escalations"));
    }

    [Fact]
    public async Task A_transfer_sends_the_order_unassigned_to_the_other_department_whose_members_are_told()
    {
        var id = await world.OpenDisputeAsync(At(3, 3, 9, 0));
        var client = await world.BankClientAsync();
        await Done(world.Orders.ActAsync(client, id, new WorkOrderAction.Assign(world.BankClient), At(3, 3, 9, 10)));

        var sent = await world.Orders.ActAsync(client, id, new WorkOrderAction.Transfer(world.SecondLine), At(3, 3, 9, 30));

        Assert.True(sent.Done);
        Assert.Contains(sent.Notices, n => n.UserId == world.SecondLineLead && n.Kind == "transferred");
        var order = await world.Orders.FindAsync(await world.AgentAsync(), id);
        Assert.Equal((WorkOrderStatus.New, (Guid?)null, world.SecondLine), (order!.Status, order.AssigneeId, order.DepartmentId));
        Assert.Equal(OrderProblem.DepartmentNotAllowed,
            (await world.Orders.ActAsync(await world.AdminAsync(), id, new WorkOrderAction.Transfer(world.PowerOffice), At(3, 3, 9, 40))).Problem);
        // The bank's back office no longer holds the order: it still sees it (its tenant's), but may not work it.
        Assert.Equal(OrderProblem.NotAllowed, (await world.Orders.ActAsync(client, id, new WorkOrderAction.Note("还在处理吗？"), At(3, 3, 9, 45))).Problem);
    }

    [Fact]
    public async Task A_duplicate_is_merged_into_the_original_and_both_histories_say_so()
    {
        var original = await world.OpenDisputeAsync(At(3, 3, 9, 0));
        var duplicate = await world.OpenDisputeAsync(At(3, 3, 9, 30), subject: "同一笔争议，客户再次来电");
        var agent = await world.AgentAsync();

        await Done(world.Orders.ActAsync(agent, duplicate, new WorkOrderAction.MergeInto(original), At(3, 3, 9, 40)));

        var merged = await world.Orders.FindAsync(agent, duplicate);
        Assert.Equal((WorkOrderStatus.Closed, (long?)original), (merged!.Status, merged.MergedInto));
        Assert.Null(merged.Sla.NextCheck);
        Assert.Contains(await world.Orders.HistoryAsync(agent, original), e => e.Kind == "merged_from" && e.Detail["order"] == duplicate.ToString());
        Assert.Equal(WorkflowRefusal.MergedOrderIsFinal, (await world.Orders.ActAsync(agent, duplicate, new WorkOrderAction.Reopen("x"), At(3, 3, 10, 0))).Refusal);
        Assert.Equal(OrderProblem.MergeTargetNotFound,
            (await world.Orders.ActAsync(agent, original, new WorkOrderAction.MergeInto(duplicate), At(3, 3, 10, 0))).Problem);
    }

    [Fact]
    public async Task An_order_with_bad_input_is_refused_whole_and_nothing_is_written()
    {
        await using var connection = await world.Db.OpenConnectionAsync();
        var before = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM work_orders");
        var result = await world.Orders.CreateAsync(await world.AgentAsync(), new NewWorkOrder(world.DisputeType, " ", null, null, "12", null,
            new Dictionary<string, string?> { ["amount"] = "一千" }), "desk", At(3, 3, 9, 0));

        Assert.Null(result.Id);
        Assert.Equal([OrderProblem.SubjectRequired, OrderProblem.InvalidPhone, OrderProblem.FieldsInvalid], result.Problems);
        Assert.Equal([new FieldError("card_last4", FieldProblem.Missing), new FieldError("amount", FieldProblem.NotANumber)], result.FieldErrors);
        Assert.Equal(before, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM work_orders"));
        Assert.Equal(before, await connection.ExecuteScalarAsync<long>("SELECT count(DISTINCT order_id) FROM work_order_events"));
    }

    [Fact]
    public async Task A_client_user_opens_an_order_for_its_own_tenant_only_and_its_department_is_told()
    {
        var powerClient = await world.PowerClientAsync();
        var own = await world.Orders.CreateAsync(powerClient, new NewWorkOrder(world.OutageType, "停电报修", null, null, null, null,
            new Dictionary<string, string?>()), "client", At(3, 3, 9, 0));
        var other = await world.Orders.CreateAsync(powerClient, new NewWorkOrder(world.DisputeType, "冒充", null, null, null, null,
            new Dictionary<string, string?> { ["card_last4"] = "1" }), "client", At(3, 3, 9, 0));

        Assert.NotNull(own.Id);
        Assert.Equal([OrderProblem.TypeNotFound], other.Problems);
    }

    [Fact]
    public async Task Attachments_over_the_limit_or_of_a_forbidden_type_are_refused_and_nothing_is_stored()
    {
        var id = await world.OpenDisputeAsync(At(3, 3, 9, 0));
        var agent = await world.AgentAsync();

        var big = await world.Orders.AttachAsync(agent, id, "大文件.pdf", new byte[AttachmentPolicy.MaxBytes + 1], At(3, 3, 9, 5));
        var exe = await world.Orders.AttachAsync(agent, id, "tool.exe", [0x4D, 0x5A, 0x90, 0], At(3, 3, 9, 5));
        var fake = await world.Orders.AttachAsync(agent, id, "invoice.pdf", [0x4D, 0x5A, 0x90, 0], At(3, 3, 9, 5));
        var ok = await world.Orders.AttachAsync(agent, id, "../../截图.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 7], At(3, 3, 9, 6));

        Assert.Equal([AttachmentProblem.TooLarge, AttachmentProblem.ForbiddenType, AttachmentProblem.ContentDoesNotMatch],
            new[] { big, exe, fake }.Select(r => r.Attachment));
        Assert.True(ok.Done);
        var stored = Assert.Single(await world.Orders.AttachmentsAsync(agent, id));
        Assert.Equal(("截图.png", "image/png", 9), (stored.FileName, stored.ContentType, stored.SizeBytes));
        var download = await world.Orders.DownloadAsync(await world.BankClientAsync(), stored.Id);
        Assert.Equal(9, download!.Value.Content.Length);
        Assert.Contains(await world.Orders.HistoryAsync(agent, id), e => e.Kind == "attachment" && e.Detail["file"] == "截图.png");
    }

    private static async Task Done(Task<ActResult> act)
    {
        var result = await act;
        Assert.True(result.Done, $"{result.Problem} {result.Refusal}");
    }
}
