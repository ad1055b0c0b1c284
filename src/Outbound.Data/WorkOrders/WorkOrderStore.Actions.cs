using System.Security.Cryptography;
using Dapper;
using Npgsql;
using Outbound.Core.WorkOrders;

namespace Outbound.Data.WorkOrders;

public sealed partial class WorkOrderStore
{
    /// <summary>
    /// Applies one action under a row lock: checks what the viewer may do, asks the workflow, moves the SLA clock, writes
    /// the order, its history line and the notices in one transaction. A refused action writes nothing.
    /// </summary>
    public async Task<ActResult> ActAsync(OrderViewer viewer, long id, WorkOrderAction action, DateTimeOffset now, CancellationToken ct = default)
    {
        now = now.ToUniversalTime();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (await LockAsync(connection, tx, id, ct) is not { } order || !viewer.Sees(order.TenantId, order.CampaignId, order.DepartmentId, order.OverseerId))
            return ActResult.Fail(OrderProblem.NotFound);
        if (!viewer.Works(order.TenantId, order.CampaignId, order.DepartmentId, order.OverseerId)) return ActResult.Fail(OrderProblem.NotAllowed);
        if (await CheckAsync(connection, tx, viewer, order, action, ct) is { } problem) return ActResult.Fail(problem);

        var status = Enum.Parse<WorkOrderStatus>(order.Status);
        var decision = WorkOrderWorkflow.Decide(status, order.AssigneeId is not null, order.MergedInto is not null, id, action);
        if (decision.Refused) return new ActResult(OrderProblem.Refused, decision.Refusal, []);

        var timers = await MoveClockAsync(order, viewer, action, decision.Clock, now, ct);
        var change = Change.Of(order, viewer, action, decision.Status, now, await NameOfAsync(connection, tx, action, ct));
        var responded = (decision.Clock == ClockEffect.Update && Responds(order, viewer, action)) || action is WorkOrderAction.Resolve;
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE work_orders SET status = @Status, assignee_id = @AssigneeId, department_id = @DepartmentId, answer = @Answer, resolved_fully = @ResolvedFully,
                resolved_at = @ResolvedAt, closed_at = @ClosedAt, reopened = @Reopened, merged_into = @MergedInto, updated_at = @now,
                first_responded_at = coalesce(first_responded_at, CASE WHEN @responded THEN @now END),
                sla = @sla::jsonb, sla_next_check_at = @nextCheck
            WHERE id = @id
            """, new
        {
            change.Status, change.AssigneeId, change.DepartmentId, change.Answer, change.ResolvedFully, change.ResolvedAt, change.ClosedAt, change.Reopened,
            change.MergedInto, now, responded,
            sla = OrderText.Json(timers ?? OrderText.Timers(order.Sla)), nextCheck = (timers ?? OrderText.Timers(order.Sla)).NextCheck?.ToUniversalTime(), id,
        }, tx, cancellationToken: ct));
        if (action is WorkOrderAction.Resolve)
        {
            var (titleWords, bodyWords) = text.Words(order.Subject, order.Description, change.Answer, order.CustomerName, order.FieldValues);
            await connection.ExecuteAsync(new CommandDefinition($"UPDATE work_orders SET search = {OrderText.VectorSql} WHERE id = @id",
                new { id, title_words = titleWords, body_words = bodyWords }, tx, cancellationToken: ct));
        }
        await AppendAsync(connection, tx, id, order.TenantId, now, viewer, change.Kind, change.Detail, ct);
        if (action is WorkOrderAction.MergeInto merge)
            await AppendAsync(connection, tx, merge.Target, order.TenantId, now, viewer, "merged_from",
                new Dictionary<string, string?> { ["order"] = id.ToString(), ["subject"] = order.Subject }, ct);
        var notices = await NoticesAsync(connection, tx, order, viewer, action, change, now, ct);
        await tx.CommitAsync(ct);
        return ActResult.Ok(notices);
    }

    /// <summary>Adds a file to an order (the type and size limits of <see cref="AttachmentPolicy"/>); an upload counts as an update.</summary>
    public async Task<ActResult> AttachAsync(OrderViewer viewer, long id, string fileName, byte[] content, DateTimeOffset now, CancellationToken ct = default)
    {
        now = now.ToUniversalTime();
        fileName = Path.GetFileName(fileName.Trim());
        var (contentType, refused) = AttachmentPolicy.Check(fileName, content);
        if (refused is { } why) return new ActResult(OrderProblem.Attachment, null, [], why);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (await LockAsync(connection, tx, id, ct) is not { } order || !viewer.Sees(order.TenantId, order.CampaignId, order.DepartmentId, order.OverseerId))
            return ActResult.Fail(OrderProblem.NotFound);
        if (!viewer.Works(order.TenantId, order.CampaignId, order.DepartmentId, order.OverseerId)) return ActResult.Fail(OrderProblem.NotAllowed);
        if (order.MergedInto is not null) return new ActResult(OrderProblem.Refused, WorkflowRefusal.MergedOrderIsFinal, []);
        var attachment = Guid.CreateVersion7();
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO work_order_attachments (id, order_id, tenant_id, file_name, content_type, size_bytes, sha256, content, uploaded_by, uploaded_at)
            VALUES (@attachment, @id, @tenant, @fileName, @contentType, @size, @sha, @content, @user, @now)
            """, new { attachment, id, tenant = order.TenantId, fileName, contentType, size = content.Length, sha = Convert.ToHexStringLower(SHA256.HashData(content)),
            content, user = viewer.UserId, now }, tx, cancellationToken: ct));
        var status = Enum.Parse<WorkOrderStatus>(order.Status);
        if (status.IsOpen() && Responds(order, viewer, null) && await MoveClockAsync(order, viewer, null, ClockEffect.Update, now, ct) is { } timers)
            await connection.ExecuteAsync(new CommandDefinition("""
                UPDATE work_orders SET sla = @sla::jsonb, sla_next_check_at = @next, updated_at = @now, first_responded_at = coalesce(first_responded_at, @now)
                WHERE id = @id
                """, new { sla = OrderText.Json(timers), next = timers.NextCheck?.ToUniversalTime(), now, id }, tx, cancellationToken: ct));
        await AppendAsync(connection, tx, id, order.TenantId, now, viewer, "attachment",
            new Dictionary<string, string?> { ["file"] = fileName, ["size"] = content.Length.ToString(), ["attachment"] = attachment.ToString() }, ct);
        await tx.CommitAsync(ct);
        return ActResult.Ok([]);
    }

    public async Task<IReadOnlyList<WorkOrderAttachment>> AttachmentsAsync(OrderViewer viewer, long id, CancellationToken ct = default)
    {
        var parameters = new DynamicParameters(new { id });
        viewer.AddTo(parameters);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<(Guid Id, long OrderId, string FileName, string ContentType, int Size, string By, DateTime At)>(new CommandDefinition($"""
            SELECT a.id, a.order_id, a.file_name, a.content_type, a.size_bytes, u.display_name, a.uploaded_at
            FROM work_order_attachments a JOIN work_orders o ON o.id = a.order_id JOIN users u ON u.id = a.uploaded_by
            WHERE a.order_id = @id AND {OrderViewer.SqlFilter} ORDER BY a.uploaded_at
            """, parameters, cancellationToken: ct));
        return rows.Select(r => new WorkOrderAttachment(r.Id, r.OrderId, r.FileName, r.ContentType, r.Size, r.By, Utc(r.At))).ToList();
    }

    /// <summary>An attachment's bytes, only through an order the viewer sees (another tenant's id is simply not found).</summary>
    public async Task<(WorkOrderAttachment Info, byte[] Content)?> DownloadAsync(OrderViewer viewer, Guid attachment, CancellationToken ct = default)
    {
        var parameters = new DynamicParameters(new { attachment });
        viewer.AddTo(parameters);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<(Guid Id, long OrderId, string FileName, string ContentType, int Size, string By, DateTime At, byte[] Content)?>(
            new CommandDefinition($"""
            SELECT a.id, a.order_id, a.file_name, a.content_type, a.size_bytes, u.display_name, a.uploaded_at, a.content
            FROM work_order_attachments a JOIN work_orders o ON o.id = a.order_id JOIN users u ON u.id = a.uploaded_by
            WHERE a.id = @attachment AND {OrderViewer.SqlFilter}
            """, parameters, cancellationToken: ct));
        return row is { } r ? (new WorkOrderAttachment(r.Id, r.OrderId, r.FileName, r.ContentType, r.Size, r.By, Utc(r.At)), r.Content) : null;
    }

    /// <summary>The handling side's act is the first response and an update; the order's own creator adding a note or file is not.</summary>
    private static bool Responds(LockedOrder order, OrderViewer viewer, WorkOrderAction? action) =>
        action is not (WorkOrderAction.Note or null) || viewer.UserId != order.CreatedBy;

    /// <summary>The order's timers after the action, or null when the clock does not move.</summary>
    private async Task<SlaTimers?> MoveClockAsync(LockedOrder order, OrderViewer viewer, WorkOrderAction? action, ClockEffect effect, DateTimeOffset now,
        CancellationToken ct)
    {
        if (effect == ClockEffect.None || (effect == ClockEffect.Update && !Responds(order, viewer, action))) return null;
        var timers = OrderText.Timers(order.Sla);
        if (effect == ClockEffect.Stop) return SlaTimers.Off;
        if (await types.FindAsync(order.TypeId, ct) is not { } type || !type.Sla.TryGetValue(Enum.Parse<WorkOrderPriority>(order.Priority), out var policy))
            return null;
        var clock = new SlaClock(await calendars.LoadAsync(ct), policy);
        return effect switch
        {
            ClockEffect.Update => clock.Updated(timers, now),
            ClockEffect.Pause => clock.Pause(timers, now),
            ClockEffect.Resume => clock.Resume(timers, now),
            ClockEffect.Reopen => clock.Reopen(now),
            _ => null,
        };
    }

    private static async Task<OrderProblem?> CheckAsync(NpgsqlConnection connection, NpgsqlTransaction tx, OrderViewer viewer, LockedOrder order,
        WorkOrderAction action, CancellationToken ct)
    {
        switch (action)
        {
            case WorkOrderAction.Assign assign:
                var member = await connection.ExecuteScalarAsync<bool>(new CommandDefinition("""
                    SELECT EXISTS (SELECT 1 FROM wo_department_members WHERE user_id = @user AND department_id IN (@department, @overseer))
                    """, new { user = assign.Assignee, department = order.DepartmentId, overseer = order.OverseerId ?? Guid.Empty }, tx, cancellationToken: ct));
                return member ? null : OrderProblem.AssigneeNotInDepartment;
            case WorkOrderAction.Transfer transfer:
                var allowed = await connection.ExecuteScalarAsync<bool>(new CommandDefinition("""
                    SELECT EXISTS (SELECT 1 FROM wo_departments WHERE id = @department AND (tenant_id IS NULL OR tenant_id = @tenant))
                    """, new { department = transfer.Department, tenant = order.TenantId }, tx, cancellationToken: ct));
                return !allowed ? OrderProblem.DepartmentNotAllowed : transfer.Department == order.DepartmentId ? OrderProblem.DepartmentNotAllowed : null;
            case WorkOrderAction.MergeInto merge when merge.Target != order.Id:
                var parameters = new DynamicParameters(new { target = merge.Target, tenant = order.TenantId });
                viewer.AddTo(parameters);
                var found = await connection.ExecuteScalarAsync<bool>(new CommandDefinition($"""
                    SELECT EXISTS (SELECT 1 FROM work_orders o WHERE o.id = @target AND o.tenant_id = @tenant AND o.merged_into IS NULL AND {OrderViewer.SqlFilter})
                    """, parameters, tx, cancellationToken: ct));
                return found ? null : OrderProblem.MergeTargetNotFound;
            default:
                return null;
        }
    }

    private async Task<IReadOnlyList<OrderNotice>> NoticesAsync(NpgsqlConnection connection, NpgsqlTransaction tx, LockedOrder order, OrderViewer viewer,
        WorkOrderAction action, Change change, DateTimeOffset now, CancellationToken ct)
    {
        IEnumerable<Guid> to = action switch
        {
            WorkOrderAction.Assign a => [a.Assignee],
            WorkOrderAction.Transfer t => await connection.QueryAsync<Guid>(new CommandDefinition(
                "SELECT user_id FROM wo_department_members WHERE department_id = @t", new { t = t.Department }, tx, cancellationToken: ct)),
            WorkOrderAction.Resolve => [order.CreatedBy],
            WorkOrderAction.Reopen when order.AssigneeId is { } assignee => [assignee],
            WorkOrderAction.Note when order.AssigneeId is { } assignee => [assignee, order.CreatedBy],
            _ => [],
        };
        return await NotifyAsync(connection, tx, to.Where(u => u != viewer.UserId), order.Id, order.TenantId, change.Kind, order.Subject, now, ct);
    }

    private static async Task<string?> NameOfAsync(NpgsqlConnection connection, NpgsqlTransaction tx, WorkOrderAction action, CancellationToken ct) => action switch
    {
        WorkOrderAction.Assign a => await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT display_name FROM users WHERE id = @id", new { id = a.Assignee }, tx, cancellationToken: ct)),
        WorkOrderAction.Transfer t => await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT name FROM wo_departments WHERE id = @id", new { id = t.Department }, tx, cancellationToken: ct)),
        _ => null,
    };

    private static async Task<LockedOrder?> LockAsync(NpgsqlConnection connection, NpgsqlTransaction tx, long id, CancellationToken ct) =>
        await connection.QuerySingleOrDefaultAsync<LockedOrder>(new CommandDefinition("""
            SELECT id, tenant_id AS TenantId, campaign_id AS CampaignId, type_id AS TypeId, status, priority, department_id AS DepartmentId,
                   overseer_department_id AS OverseerId, assignee_id AS AssigneeId, created_by AS CreatedBy, subject, description,
                   customer_name AS CustomerName, fields::text AS Fields, answer, resolved_fully AS ResolvedFully, resolved_at AS ResolvedAt,
                   closed_at AS ClosedAt, reopened, merged_into AS MergedInto, sla::text AS Sla
            FROM work_orders WHERE id = @id FOR UPDATE
            """, new { id }, tx, cancellationToken: ct));

    private sealed record LockedOrder(long Id, Guid TenantId, Guid CampaignId, Guid TypeId, string Status, string Priority, Guid DepartmentId, Guid? OverseerId,
        Guid? AssigneeId, Guid CreatedBy, string Subject, string Description, string? CustomerName, string Fields, string? Answer, bool? ResolvedFully,
        DateTime? ResolvedAt, DateTime? ClosedAt, int Reopened, long? MergedInto, string Sla)
    {
        public IEnumerable<string> FieldValues => (System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(Fields) ?? []).Values;
    }

    /// <summary>The order's columns after an action, and the history line that says what happened.</summary>
    private sealed record Change(string Status, Guid? AssigneeId, Guid DepartmentId, string? Answer, bool? ResolvedFully, DateTime? ResolvedAt, DateTime? ClosedAt,
        int Reopened, long? MergedInto, string Kind, IReadOnlyDictionary<string, string?> Detail)
    {
        /// <param name="name">The assignee's or the department's name, for the history.</param>
        public static Change Of(LockedOrder o, OrderViewer viewer, WorkOrderAction action, WorkOrderStatus status, DateTimeOffset now, string? name)
        {
            var at = now.UtcDateTime;
            var same = new Change(status.ToString(), o.AssigneeId, o.DepartmentId, o.Answer, o.ResolvedFully, o.ResolvedAt, o.ClosedAt, o.Reopened, o.MergedInto,
                "", new Dictionary<string, string?> { ["from"] = o.Status, ["to"] = status.ToString() });
            return action switch
            {
                WorkOrderAction.Assign a => same with { AssigneeId = a.Assignee, Kind = "assigned", Detail = With(same.Detail, "assignee", name) },
                WorkOrderAction.Start => same with { AssigneeId = o.AssigneeId ?? viewer.UserId, Kind = "started" },
                WorkOrderAction.WaitForCustomer => same with { Kind = "waiting" },
                WorkOrderAction.Resume => same with { Kind = "resumed" },
                WorkOrderAction.Resolve r => same with
                {
                    Answer = r.Answer.Trim(), ResolvedFully = r.Fully, ResolvedAt = at, Kind = "resolved",
                    Detail = With(With(same.Detail, "answer", r.Answer.Trim()), "fully", r.Fully ? "true" : "false"),
                },
                WorkOrderAction.Close => same with { ClosedAt = at, Kind = "closed" },
                WorkOrderAction.Reopen r => same with
                {
                    Reopened = o.Reopened + 1, ResolvedAt = null, ClosedAt = null, ResolvedFully = null, Kind = "reopened", Detail = With(same.Detail, "reason", r.Reason.Trim()),
                },
                WorkOrderAction.Transfer t => same with
                {
                    AssigneeId = null, DepartmentId = t.Department, Kind = "transferred",
                    Detail = With(same.Detail, "department", name),
                },
                WorkOrderAction.Note n => same with { Kind = "note", Detail = new Dictionary<string, string?> { ["text"] = n.Text.Trim() } },
                WorkOrderAction.MergeInto m => same with { MergedInto = m.Target, ClosedAt = at, Kind = "merged", Detail = With(same.Detail, "into", m.Target.ToString()) },
                _ => same,
            };
        }

        private static IReadOnlyDictionary<string, string?> With(IReadOnlyDictionary<string, string?> detail, string key, string? value) =>
            new Dictionary<string, string?>(detail) { [key] = value };
    }
}
