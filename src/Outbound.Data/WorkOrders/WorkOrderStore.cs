using System.Text.Json;
using Dapper;
using Npgsql;
using Outbound.Core.Lists;
using Outbound.Core.WorkOrders;

namespace Outbound.Data.WorkOrders;

/// <summary>
/// Opening and reading work orders. An order is written with its first history line and the notices to its department
/// in one transaction; every read goes through the <see cref="OrderViewer"/>'s filter, so an order another tenant (or
/// campaign) owns is simply not found.
/// </summary>
public sealed partial class WorkOrderStore(NpgsqlDataSource dataSource, OrderTypes types, CalendarStore calendars, OrderText text)
{
    public const int MaxSubject = 200;
    public const int MaxDescription = 4000;
    private static readonly PhoneNormalizer Phones = new();

    public async Task<CreateOrderResult> CreateAsync(OrderViewer viewer, NewWorkOrder order, string via, DateTimeOffset now, CancellationToken ct = default)
    {
        now = now.ToUniversalTime(); // timestamptz takes UTC offsets only
        if (await types.FindAsync(order.TypeId, ct) is not { } type) return CreateOrderResult.Refused(OrderProblem.TypeNotFound);
        if (!viewer.Opens(type.TenantId, type.CampaignId)) return CreateOrderResult.Refused(OrderProblem.TypeNotFound);
        var problems = new List<OrderProblem>();
        if (!type.Active) problems.Add(OrderProblem.TypeInactive);
        var subject = order.Subject?.Trim() ?? "";
        if (subject.Length == 0) problems.Add(OrderProblem.SubjectRequired);
        if (subject.Length > MaxSubject) problems.Add(OrderProblem.SubjectTooLong);
        var description = order.Description?.Trim() ?? "";
        if (description.Length > MaxDescription) problems.Add(OrderProblem.DescriptionTooLong);
        string? phone = null;
        if (!string.IsNullOrWhiteSpace(order.Phone))
        {
            phone = Phones.Normalize(order.Phone).Phone?.E164;
            if (phone is null) problems.Add(OrderProblem.InvalidPhone);
        }
        var (fields, fieldErrors) = WorkOrderFields.Check(type.Fields, order.Fields);
        if (fieldErrors.Count > 0) problems.Add(OrderProblem.FieldsInvalid);

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        if (order.LeadId is { } lead && !await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "SELECT EXISTS (SELECT 1 FROM leads WHERE id = @lead AND campaign_id = @campaign)", new { lead, campaign = type.CampaignId }, cancellationToken: ct)))
            problems.Add(OrderProblem.LeadNotInCampaign);
        if (problems.Count > 0) return new CreateOrderResult(null, problems, fieldErrors, []);

        var priority = order.Priority ?? type.DefaultPriority;
        var timers = type.Sla.TryGetValue(priority, out var policy) ? new SlaClock(await calendars.LoadAsync(ct), policy).Start(now) : SlaTimers.Off;
        var customer = string.IsNullOrWhiteSpace(order.CustomerName) ? null : order.CustomerName.Trim();
        var (titleWords, bodyWords) = text.Words(subject, description, null, customer, fields.Values);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"""
            INSERT INTO work_orders (tenant_id, campaign_id, type_id, status, priority, department_id, subject, description, customer_name, phone_e164,
                lead_id, fields, call_kind, call_agent, created_by, created_via, created_at, updated_at, sla, sla_next_check_at, search)
            VALUES (@tenant, @campaign, @type, 'New', @priority, @department, @subject, @description, @customer, @phone,
                @lead, @fields::jsonb, @callKind, @callAgent, @user, @via, @now, @now, @sla::jsonb, @nextCheck, {OrderText.VectorSql})
            RETURNING id
            """, new
        {
            tenant = type.TenantId, campaign = type.CampaignId, type = type.Id, priority = priority.ToString(), department = type.DepartmentId, subject,
            description, customer, phone, lead = order.LeadId, fields = JsonSerializer.Serialize(fields), callKind = order.Call?.Kind,
            callAgent = order.Call?.Agent, user = viewer.UserId, via, now, sla = OrderText.Json(timers), nextCheck = timers.NextCheck?.ToUniversalTime(),
            title_words = titleWords, body_words = bodyWords,
        }, tx, cancellationToken: ct));
        await AppendAsync(connection, tx, id, type.TenantId, now, viewer, "created",
            new Dictionary<string, string?> { ["type"] = type.Name, ["priority"] = priority.ToString(), ["department"] = type.DepartmentName, ["via"] = via }, ct);
        var notices = await NotifyDepartmentAsync(connection, tx, type.DepartmentId, id, type.TenantId, "new_order", subject, now, except: viewer.UserId, ct);
        await tx.CommitAsync(ct);
        return new CreateOrderResult(id, [], [], notices);
    }

    public async Task<WorkOrderView?> FindAsync(OrderViewer viewer, long id, CancellationToken ct = default)
    {
        var parameters = new DynamicParameters(new { id });
        viewer.AddTo(parameters);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<ViewRow>(new CommandDefinition($"""
            SELECT o.id, o.tenant_id AS TenantId, o.campaign_id AS CampaignId, c.name AS CampaignName, o.type_id AS TypeId, t.code AS TypeCode, t.name AS TypeName,
                   o.status, o.priority, o.department_id AS DepartmentId, d.name AS DepartmentName, o.assignee_id AS AssigneeId, a.display_name AS AssigneeName,
                   o.overseer_department_id AS OverseerId, od.name AS OverseerName, o.subject, o.description, o.customer_name AS CustomerName,
                   o.phone_e164 AS Phone, o.lead_id AS LeadId, o.fields::text AS Fields, o.call_kind AS CallKind, o.call_agent AS CallAgent, o.call_id AS CallId,
                   o.created_by AS CreatedBy, cb.display_name AS CreatedByName, o.created_via AS CreatedVia, o.created_at AS CreatedAt, o.updated_at AS UpdatedAt,
                   o.first_responded_at AS FirstRespondedAt, o.resolved_at AS ResolvedAt, o.closed_at AS ClosedAt, o.answer, o.resolved_fully AS ResolvedFully,
                   o.reopened, o.merged_into AS MergedInto, o.escalation_level AS EscalationLevel, o.escalations, o.sla::text AS Sla
            FROM work_orders o
            JOIN campaigns c ON c.id = o.campaign_id JOIN wo_types t ON t.id = o.type_id JOIN wo_departments d ON d.id = o.department_id
            LEFT JOIN users a ON a.id = o.assignee_id LEFT JOIN wo_departments od ON od.id = o.overseer_department_id
            JOIN users cb ON cb.id = o.created_by
            WHERE o.id = @id AND {OrderViewer.SqlFilter}
            """, parameters, cancellationToken: ct));
        return row?.ToView();
    }

    public async Task<IReadOnlyList<WorkOrderEvent>> HistoryAsync(OrderViewer viewer, long id, CancellationToken ct = default)
    {
        var parameters = new DynamicParameters(new { id });
        viewer.AddTo(parameters);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<(long Id, DateTime At, string ActorName, string Kind, string Detail)>(new CommandDefinition($"""
            SELECT e.id, e.at, e.actor_name, e.kind, e.detail::text FROM work_order_events e JOIN work_orders o ON o.id = e.order_id
            WHERE e.order_id = @id AND {OrderViewer.SqlFilter} ORDER BY e.id
            """, parameters, cancellationToken: ct));
        return rows.Select(r => new WorkOrderEvent(r.Id, Utc(r.At), r.ActorName, r.Kind,
            JsonSerializer.Deserialize<Dictionary<string, string?>>(r.Detail) ?? [])).ToList();
    }

    public async Task<IReadOnlyList<WorkOrderEscalation>> EscalationsAsync(OrderViewer viewer, long id, CancellationToken ct = default)
    {
        var parameters = new DynamicParameters(new { id });
        viewer.AddTo(parameters);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<(DateTime At, string Target, DateTime DueAt, int LevelFrom, int LevelTo, string PriorityFrom, string PriorityTo,
            string? Department, int Notified)>(new CommandDefinition($"""
            SELECT x.at, x.target, x.due_at, x.level_from, x.level_to, x.priority_from, x.priority_to, d.name, cardinality(x.notified)
            FROM work_order_escalations x JOIN work_orders o ON o.id = x.order_id LEFT JOIN wo_departments d ON d.id = x.department_id
            WHERE x.order_id = @id AND {OrderViewer.SqlFilter} ORDER BY x.id
            """, parameters, cancellationToken: ct));
        return rows.Select(r => new WorkOrderEscalation(Utc(r.At), Enum.Parse<SlaTarget>(r.Target), Utc(r.DueAt), r.LevelFrom, r.LevelTo,
            Enum.Parse<WorkOrderPriority>(r.PriorityFrom), Enum.Parse<WorkOrderPriority>(r.PriorityTo), r.Department, r.Notified)).ToList();
    }

    /// <summary>Appends a history line (the table refuses anything but appends).</summary>
    internal static Task AppendAsync(NpgsqlConnection connection, NpgsqlTransaction tx, long order, Guid tenant, DateTimeOffset at, OrderViewer? actor,
        string kind, IReadOnlyDictionary<string, string?> detail, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO work_order_events (order_id, tenant_id, at, actor_id, actor_name, kind, detail) VALUES (@order, @tenant, @at, @actor, @name, @kind, @detail::jsonb)
            """, new { order, tenant, at, actor = actor?.UserId, name = actor?.Name ?? SystemActor, kind, detail = JsonSerializer.Serialize(detail) }, tx, cancellationToken: ct));

    /// <summary>The name history shows for the SLA timer service.</summary>
    public const string SystemActor = "SLA";

    internal static async Task<IReadOnlyList<OrderNotice>> NotifyAsync(NpgsqlConnection connection, NpgsqlTransaction tx, IEnumerable<Guid> users, long order,
        Guid tenant, string kind, string subject, DateTimeOffset at, CancellationToken ct)
    {
        var ids = users.Distinct().ToArray();
        if (ids.Length == 0) return [];
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO work_order_notices (user_id, order_id, tenant_id, kind, detail, at)
            SELECT u, @order, @tenant, @kind, jsonb_build_object('subject', @subject::text), @at FROM unnest(@ids) AS u
            """, new { ids, order, tenant, kind, subject, at }, tx, cancellationToken: ct));
        return ids.Select(u => new OrderNotice(u, order, kind, subject)).ToList();
    }

    private static async Task<IReadOnlyList<OrderNotice>> NotifyDepartmentAsync(NpgsqlConnection connection, NpgsqlTransaction tx, Guid department, long order,
        Guid tenant, string kind, string subject, DateTimeOffset at, Guid? except, CancellationToken ct)
    {
        var members = await connection.QueryAsync<Guid>(new CommandDefinition(
            "SELECT user_id FROM wo_department_members WHERE department_id = @department", new { department }, tx, cancellationToken: ct));
        return await NotifyAsync(connection, tx, members.Where(m => m != except), order, tenant, kind, subject, at, ct);
    }

    private sealed record ViewRow(long Id, Guid TenantId, Guid CampaignId, string CampaignName, Guid TypeId, string TypeCode, string TypeName, string Status,
        string Priority, Guid DepartmentId, string DepartmentName, Guid? AssigneeId, string? AssigneeName, Guid? OverseerId, string? OverseerName,
        string Subject, string Description, string? CustomerName, string? Phone, long? LeadId, string Fields, string? CallKind, string? CallAgent, Guid? CallId,
        Guid CreatedBy, string CreatedByName, string CreatedVia, DateTime CreatedAt, DateTime UpdatedAt, DateTime? FirstRespondedAt,
        DateTime? ResolvedAt, DateTime? ClosedAt, string? Answer, bool? ResolvedFully, int Reopened, long? MergedInto, int EscalationLevel,
        int Escalations, string Sla)
    {
        public WorkOrderView ToView() => new(Id, TenantId, CampaignId, CampaignName, TypeId, TypeCode, TypeName, Enum.Parse<WorkOrderStatus>(Status),
            Enum.Parse<WorkOrderPriority>(Priority), DepartmentId, DepartmentName, AssigneeId, AssigneeName, OverseerId, OverseerName, Subject, Description,
            CustomerName, Phone, LeadId, JsonSerializer.Deserialize<Dictionary<string, string>>(Fields) ?? [], CallKind, CallAgent, CallId, CreatedBy,
            CreatedByName, CreatedVia, Utc(CreatedAt), Utc(UpdatedAt), Utc(FirstRespondedAt), Utc(ResolvedAt), Utc(ClosedAt), Answer, ResolvedFully, Reopened,
            MergedInto, EscalationLevel, Escalations, OrderText.Timers(Sla));
    }

    /// <summary>Npgsql reads <c>timestamptz</c> as a UTC <see cref="DateTime"/> (what Dapper can bind); the models speak <see cref="DateTimeOffset"/>.</summary>
    internal static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));

    internal static DateTimeOffset? Utc(DateTime? at) => at is { } a ? Utc(a) : null;
}
