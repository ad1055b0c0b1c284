using System.Text.Json;
using Dapper;
using Npgsql;
using Outbound.Core.WorkOrders;

namespace Outbound.Data.WorkOrders;

/// <summary>
/// One pass of the SLA timer service: every order whose <c>sla_next_check_at</c> has come (a partial index, so the pass
/// reads only orders due, never all open ones) is checked on the business calendar. A warning tells the assignee (or the
/// department's leads); a breach escalates (督办): the order moves one level up its type's chain and one step up in
/// priority, the escalation is recorded, and the assignee, their team leader and the leads of the handling and overseeing
/// departments are told. Orders are taken in batches under <c>FOR UPDATE SKIP LOCKED</c>, so two hosts sweeping at once never
/// escalate an order twice, and each batch commits whole. The pass also links desk orders to their call's record once written.
/// </summary>
public sealed class SlaSweep(NpgsqlDataSource dataSource, OrderTypes types, CalendarStore calendars)
{
    public sealed record Result(int Checked, int Warnings, int Escalations, int CallsLinked, IReadOnlyList<OrderNotice> Notices);

    public async Task<Result> RunAsync(DateTimeOffset now, int batch = 2000, CancellationToken ct = default)
    {
        now = now.ToUniversalTime();
        var calendar = await calendars.LoadAsync(ct);
        var orderTypes = (await types.ListAsync(ct: ct)).ToDictionary(t => t.Id);
        int checkedOrders = 0, warnings = 0, escalations = 0;
        var notices = new List<OrderNotice>();
        while (true)
        {
            var pass = await SweepBatchAsync(now, batch, calendar, orderTypes, ct);
            checkedOrders += pass.Checked;
            warnings += pass.Warnings;
            escalations += pass.Escalations;
            notices.AddRange(pass.Notices);
            if (pass.Checked < batch) break;
        }
        return new Result(checkedOrders, warnings, escalations, await LinkCallsAsync(now, ct), notices);
    }

    private sealed record Due(long Id, Guid TenantId, Guid TypeId, string Priority, string Subject, Guid DepartmentId, Guid? AssigneeId, int EscalationLevel,
        string Sla);

    private async Task<Result> SweepBatchAsync(DateTimeOffset now, int batch, BusinessCalendar calendar, IReadOnlyDictionary<Guid, OrderType> orderTypes,
        CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var due = (await connection.QueryAsync<Due>(new CommandDefinition("""
            SELECT id, tenant_id AS TenantId, type_id AS TypeId, priority, subject, department_id AS DepartmentId, assignee_id AS AssigneeId,
                   escalation_level AS EscalationLevel, sla::text AS Sla
            FROM work_orders WHERE sla_next_check_at <= @now ORDER BY sla_next_check_at LIMIT @batch FOR UPDATE SKIP LOCKED
            """, new { now, batch }, tx, cancellationToken: ct))).ToList();
        if (due.Count == 0) return new Result(0, 0, 0, 0, []);

        var people = await PeopleAsync(connection, tx, due, orderTypes, ct);
        var writes = new Writes();
        int warnings = 0, escalations = 0;
        foreach (var order in due)
        {
            var priority = Enum.Parse<WorkOrderPriority>(order.Priority);
            var timers = OrderText.Timers(order.Sla);
            if (!orderTypes.TryGetValue(order.TypeId, out var type) || !type.Sla.TryGetValue(priority, out var policy))
            {
                writes.Order(order.Id, SlaTimers.Off, priority, order.EscalationLevel, 0, null, false, false); // the type lost its SLA: stop checking
                continue;
            }
            var clock = new SlaClock(calendar, policy);
            var (after, alarms) = clock.Check(timers, now);
            var level = order.EscalationLevel;
            Guid? overseer = null;
            var added = 0;
            bool firstResponseBreached = false, resolutionBreached = false;
            foreach (var alarm in alarms)
            {
                var detail = new Dictionary<string, string?> { ["target"] = alarm.Target.ToString(), ["due"] = alarm.Due.ToString("O") };
                if (alarm.Kind == SlaAlarmKind.Warning)
                {
                    warnings++;
                    writes.Event(order, now, "sla_warning", detail);
                    writes.Notify(order, now, "sla_warning", order.AssigneeId is { } a ? [a] : people.Leads(order.DepartmentId));
                    continue;
                }
                escalations++;
                added++;
                firstResponseBreached |= alarm.Target == SlaTarget.FirstResponse;
                resolutionBreached |= alarm.Target == SlaTarget.Resolution;
                var decision = Escalation.Decide(level, priority, type.Escalation);
                if (alarm.Target == SlaTarget.Resolution && decision.NextWithin is { } within) after = after with { Resolution = clock.Run(now, within) };
                var told = new[] { order.AssigneeId }.OfType<Guid>()
                    .Concat(people.TeamLeader(order.AssigneeId)).Concat(people.Leads(order.DepartmentId))
                    .Concat(decision.DepartmentId is { } d ? people.Leads(d) : []).Distinct().ToList();
                writes.Escalation(order, now, alarm, level, decision, priority, told);
                detail["level"] = decision.Level.ToString();
                detail["priority"] = decision.Priority.ToString();
                detail["department"] = decision.DepartmentId is { } dept ? people.DepartmentName(dept) : null;
                writes.Event(order, now, "escalated", detail);
                writes.Notify(order, now, "escalated", told);
                level = decision.Level;
                priority = decision.Priority;
                overseer = decision.DepartmentId ?? overseer;
            }
            writes.Order(order.Id, after, priority, level, added, overseer, firstResponseBreached, resolutionBreached);
        }
        await writes.FlushAsync(connection, tx, ct);
        await tx.CommitAsync(ct);
        return new Result(due.Count, warnings, escalations, 0, writes.Notices);
    }

    /// <summary>
    /// An order opened on the desk names the agent and the lead or number; the call's record is written when the call ends.
    /// The record is the agent's last call with that lead (or caller) connected before the order was opened.
    /// </summary>
    private async Task<int> LinkCallsAsync(DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE work_orders o SET call_id = coalesce(
                (SELECT r.id FROM call_records r WHERE o.call_kind = 'outbound' AND r.lead_id = o.lead_id AND r.agent = o.call_agent
                   AND r.connected_at <= o.created_at ORDER BY r.connected_at DESC LIMIT 1),
                (SELECT i.id FROM inbound_calls i WHERE o.call_kind = 'inbound' AND i.tenant_id = o.tenant_id AND i.caller_number = o.phone_e164
                   AND i.agent = o.call_agent AND i.connected_at <= o.created_at ORDER BY i.connected_at DESC LIMIT 1))
            WHERE o.call_kind IS NOT NULL AND o.call_id IS NULL AND o.created_at > @since
            """, new { since = now.AddDays(-2) }, cancellationToken: ct));
    }

    /// <summary>Who to tell for a batch: department leads, the assignees' team leaders (Hr's teams), department names.</summary>
    private static async Task<People> PeopleAsync(NpgsqlConnection connection, NpgsqlTransaction tx, IReadOnlyList<Due> due,
        IReadOnlyDictionary<Guid, OrderType> orderTypes, CancellationToken ct)
    {
        var departments = due.Select(d => d.DepartmentId)
            .Concat(due.SelectMany(d => orderTypes.TryGetValue(d.TypeId, out var t) ? t.Escalation.Select(e => e.DepartmentId) : [])).Distinct().ToArray();
        var leads = (await connection.QueryAsync<(Guid Department, Guid User)>(new CommandDefinition(
            "SELECT department_id, user_id FROM wo_department_members WHERE is_lead AND department_id = ANY(@departments)",
            new { departments }, tx, cancellationToken: ct))).ToLookup(l => l.Department, l => l.User);
        var names = (await connection.QueryAsync<(Guid Id, string Name)>(new CommandDefinition(
            "SELECT id, name FROM wo_departments WHERE id = ANY(@departments)", new { departments }, tx, cancellationToken: ct))).ToDictionary(n => n.Id, n => n.Name);
        var assignees = due.Select(d => d.AssigneeId).OfType<Guid>().Distinct().ToArray();
        var leaders = (await connection.QueryAsync<(Guid Agent, Guid Leader)>(new CommandDefinition("""
            SELECT a.id, t.leader_id FROM workforce_agents a JOIN workforce_teams t ON t.id = a.team_id WHERE a.id = ANY(@assignees) AND t.leader_id <> a.id
            """, new { assignees }, tx, cancellationToken: ct))).ToDictionary(l => l.Agent, l => l.Leader);
        return new People(leads, leaders, names);
    }

    private sealed record People(ILookup<Guid, Guid> LeadsByDepartment, IReadOnlyDictionary<Guid, Guid> Leaders, IReadOnlyDictionary<Guid, string> Names)
    {
        public IEnumerable<Guid> Leads(Guid department) => LeadsByDepartment[department];
        public IEnumerable<Guid> TeamLeader(Guid? agent) => agent is { } a && Leaders.TryGetValue(a, out var leader) ? [leader] : [];
        public string? DepartmentName(Guid department) => Names.GetValueOrDefault(department);
    }

    /// <summary>A batch's writes, sent as a few array statements instead of one round trip per order.</summary>
    private sealed class Writes
    {
        private readonly List<(long Id, string Sla, DateTimeOffset? Next, string Priority, int Level, int Added, Guid? Overseer, bool Fr, bool Res)> _orders = [];
        private readonly List<(long Order, Guid Tenant, DateTimeOffset At, string Kind, string Detail)> _events = [];
        private readonly List<(long Order, Guid Tenant, DateTimeOffset At, string Target, DateTimeOffset Due, int LevelFrom, int LevelTo, string PriorityFrom,
            string PriorityTo, Guid? Department, string Notified)> _escalations = [];
        private readonly List<(Guid User, long Order, Guid Tenant, string Kind, string Subject, DateTimeOffset At)> _notices = [];

        public List<OrderNotice> Notices { get; } = [];

        public void Order(long id, SlaTimers timers, WorkOrderPriority priority, int level, int added, Guid? overseer, bool fr, bool res) =>
            _orders.Add((id, OrderText.Json(timers), timers.NextCheck?.ToUniversalTime(), priority.ToString(), level, added, overseer, fr, res));

        public void Event(Due order, DateTimeOffset at, string kind, IReadOnlyDictionary<string, string?> detail) =>
            _events.Add((order.Id, order.TenantId, at, kind, JsonSerializer.Serialize(detail)));

        public void Escalation(Due order, DateTimeOffset at, SlaAlarm alarm, int levelFrom, EscalationDecision decision, WorkOrderPriority from, IReadOnlyList<Guid> told) =>
            _escalations.Add((order.Id, order.TenantId, at, alarm.Target.ToString(), alarm.Due.ToUniversalTime(), levelFrom, decision.Level, from.ToString(),
                decision.Priority.ToString(), decision.DepartmentId, JsonSerializer.Serialize(told)));

        public void Notify(Due order, DateTimeOffset at, string kind, IEnumerable<Guid> users)
        {
            foreach (var user in users.Distinct())
            {
                _notices.Add((user, order.Id, order.TenantId, kind, order.Subject, at));
                Notices.Add(new OrderNotice(user, order.Id, kind, order.Subject));
            }
        }

        public async Task FlushAsync(NpgsqlConnection connection, NpgsqlTransaction tx, CancellationToken ct)
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                UPDATE work_orders o SET sla = u.sla::jsonb, sla_next_check_at = u.next, priority = u.priority, escalation_level = u.level,
                    escalations = o.escalations + u.added, overseer_department_id = coalesce(u.overseer, o.overseer_department_id),
                    first_response_breached = o.first_response_breached OR u.fr, resolution_breached = o.resolution_breached OR u.res
                FROM unnest(@ids, @slas, @nexts, @priorities, @levels, @added, @overseers, @frs, @ress)
                    AS u (id, sla, next, priority, level, added, overseer, fr, res)
                WHERE o.id = u.id
                """, new
            {
                ids = _orders.Select(o => o.Id).ToArray(), slas = _orders.Select(o => o.Sla).ToArray(), nexts = _orders.Select(o => o.Next).ToArray(),
                priorities = _orders.Select(o => o.Priority).ToArray(), levels = _orders.Select(o => o.Level).ToArray(),
                added = _orders.Select(o => o.Added).ToArray(), overseers = _orders.Select(o => o.Overseer).ToArray(),
                frs = _orders.Select(o => o.Fr).ToArray(), ress = _orders.Select(o => o.Res).ToArray(),
            }, tx, cancellationToken: ct));
            if (_events.Count > 0)
                await connection.ExecuteAsync(new CommandDefinition($"""
                    INSERT INTO work_order_events (order_id, tenant_id, at, actor_id, actor_name, kind, detail)
                    SELECT o, t, a, NULL, '{WorkOrderStore.SystemActor}', k, d::jsonb FROM unnest(@orders, @tenants, @ats, @kinds, @details) AS e (o, t, a, k, d)
                    """, new
                {
                    orders = _events.Select(e => e.Order).ToArray(), tenants = _events.Select(e => e.Tenant).ToArray(),
                    ats = _events.Select(e => e.At).ToArray(), kinds = _events.Select(e => e.Kind).ToArray(), details = _events.Select(e => e.Detail).ToArray(),
                }, tx, cancellationToken: ct));
            if (_escalations.Count > 0)
                await connection.ExecuteAsync(new CommandDefinition("""
                    INSERT INTO work_order_escalations (order_id, tenant_id, at, target, due_at, level_from, level_to, priority_from, priority_to, department_id, notified)
                    SELECT o, t, a, g, d, lf, lt, pf, pt, dep, ARRAY(SELECT jsonb_array_elements_text(n::jsonb)::uuid)
                    FROM unnest(@orders, @tenants, @ats, @targets, @dues, @levelsFrom, @levelsTo, @prioritiesFrom, @prioritiesTo, @departments, @notified)
                        AS x (o, t, a, g, d, lf, lt, pf, pt, dep, n)
                    """, new
                {
                    orders = _escalations.Select(e => e.Order).ToArray(), tenants = _escalations.Select(e => e.Tenant).ToArray(),
                    ats = _escalations.Select(e => e.At).ToArray(), targets = _escalations.Select(e => e.Target).ToArray(),
                    dues = _escalations.Select(e => e.Due).ToArray(), levelsFrom = _escalations.Select(e => e.LevelFrom).ToArray(),
                    levelsTo = _escalations.Select(e => e.LevelTo).ToArray(), prioritiesFrom = _escalations.Select(e => e.PriorityFrom).ToArray(),
                    prioritiesTo = _escalations.Select(e => e.PriorityTo).ToArray(), departments = _escalations.Select(e => e.Department).ToArray(),
                    notified = _escalations.Select(e => e.Notified).ToArray(),
                }, tx, cancellationToken: ct));
            if (_notices.Count > 0)
                await connection.ExecuteAsync(new CommandDefinition("""
                    INSERT INTO work_order_notices (user_id, order_id, tenant_id, kind, detail, at)
                    SELECT u, o, t, k, jsonb_build_object('subject', s), a FROM unnest(@users, @orders, @tenants, @kinds, @subjects, @ats) AS n (u, o, t, k, s, a)
                    """, new
                {
                    users = _notices.Select(n => n.User).ToArray(), orders = _notices.Select(n => n.Order).ToArray(),
                    tenants = _notices.Select(n => n.Tenant).ToArray(), kinds = _notices.Select(n => n.Kind).ToArray(),
                    subjects = _notices.Select(n => n.Subject).ToArray(), ats = _notices.Select(n => n.At).ToArray(),
                }, tx, cancellationToken: ct));
        }
    }
}
