using Npgsql;
using Outbound.Core.Assessment;
using Outbound.Core.Assessment.Detection;
using Outbound.Core.Workforce;

namespace Outbound.Data.Assessment;

/// <summary>
/// Deductions and their audit trail. Every state change goes through <see cref="DeductionWorkflow"/>
/// and writes one audit row in the same transaction; reads are filtered by <see cref="AssessmentAccess"/>.
/// </summary>
public sealed class Deductions(NpgsqlDataSource dataSource)
{
    private const string Columns = "id, agent_id, rule_number, category, points, fine, occurred_on, state, evidence_kind, evidence_ref, note, source, created_at";

    /// <summary>Hr records an occurrence as a draft, to be confirmed.</summary>
    public async Task<DeductionId> RecordAsync(NewDeduction request, AssessmentActor actor, CancellationToken ct = default)
    {
        if (actor.Role != AssessmentRole.Hr) throw new AssessmentRefusedException("只有人事可以记录扣分。", "Only Hr may record deductions.");
        if (actor.Id == request.Agent) throw new AssessmentRefusedException("人事不能给自己记录扣分。", "Hr may not record a deduction against themself.");
        if (string.IsNullOrWhiteSpace(request.Evidence.Note) && request.Evidence.Reference is null)
            throw new AssessmentRefusedException("须提供证据：证据编号或书面说明。", "Evidence is required: a reference or a written note.");

        var rule = await new AssessmentRules(dataSource).FindAsync(request.Rule, ct)
            ?? throw new AssessmentRefusedException($"没有条款 {request.Rule}。", $"There is no rule {request.Rule}.");
        var fine = request.Fine ?? rule.DefaultFine;
        if (rule.RefuseFine(fine) is { } why) throw new AssessmentRefusedException(why);

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await RefuseIfLocked(connection, tx, request.OccurredOn, ct);
        var id = DeductionId.New();
        await Insert(connection, tx, id, request.Agent, rule, fine, request.OccurredOn, request.Evidence, "manual", actor.Id, ct);
        await tx.CommitAsync(ct);
        return id;
    }

    /// <summary>
    /// Stores what detection found as drafts for Hr (never charged until confirmed). An occurrence already
    /// proposed (same rule and evidence reference) or dated in a settled month is skipped. Returns the new drafts.
    /// </summary>
    public async Task<IReadOnlyList<DeductionId>> ProposeAsync(IEnumerable<DeductionProposal> proposals, CancellationToken ct = default)
    {
        var rules = (await new AssessmentRules(dataSource).ListAsync(ct)).ToDictionary(r => r.Number);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var settled = await SettledMonthsAsync(connection, ct);
        var created = new List<DeductionId>();
        foreach (var p in proposals)
        {
            if (!rules.TryGetValue(p.Rule, out var rule) || SettlementLock.RefuseNewDeduction(p.OccurredOn, settled) is not null) continue;
            await using var tx = await connection.BeginTransactionAsync(ct);
            var id = DeductionId.New();
            if (await Insert(connection, tx, id, p.Agent, rule, rule.DefaultFine, p.OccurredOn, p.Evidence, "detected", null, ct))
                created.Add(id);
            await tx.CommitAsync(ct);
        }
        return created;
    }

    /// <summary>Confirm, appeal, uphold or void; refused with the reason when the workflow does not allow it.</summary>
    public async Task<DeductionState> ApplyAsync(DeductionId id, DeductionAction action, AssessmentActor actor, string? reason,
        CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        DeductionState from;
        AgentId agent;
        // An appeal finds only the appellant's own confirmed-or-later deductions: anything else (someone else's, a draft Hr has
        // not confirmed, no such id) is "no such deduction", so that probing ids tells an agent nothing about others.
        var appellant = action == DeductionAction.Appeal ? actor.Id.Value : (Guid?)null;
        await using (var read = connection.Command("""
            SELECT state, agent_id FROM assessment_deductions
            WHERE id = @id AND (@appellant::uuid IS NULL OR (agent_id = @appellant AND state <> 'draft'))
            FOR UPDATE
            """, tx, ("id", id.Value), ("appellant", appellant)))
        await using (var reader = await read.ExecuteReaderAsync(ct))
        {
            if (!await reader.ReadAsync(ct)) throw new AssessmentRefusedException("没有这条扣分记录。", "No such deduction.");
            from = DeductionStates.ParseDeductionState(reader.GetString(0));
            agent = new AgentId(reader.GetGuid(1));
        }
        var decision = DeductionWorkflow.Decide(from, action, actor, agent, reason);
        if (decision.Transition is not { } t) throw new AssessmentRefusedException(decision.Refusal!);

        await using (var update = connection.Command("UPDATE assessment_deductions SET state = @s, updated_at = now() WHERE id = @id", tx,
                         ("s", t.To.Code()), ("id", id.Value)))
            await update.ExecuteNonQueryAsync(ct);
        await Audit(connection, tx, id, t.ActorId, action.ToString().ToLowerInvariant(), t.From, t.To, t.Reason, ct);
        await tx.CommitAsync(ct);
        return t.To;
    }

    /// <summary>The deductions of one agent the viewer may see (all months, or one).</summary>
    public async Task<IReadOnlyList<DeductionView>> ForAgentAsync(AgentId agent, AssessmentActor viewer, CalendarMonth? month = null,
        CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        if (!AssessmentAccess.MayView(viewer, agent, await TeamLedByAsync(connection, viewer.Id, ct)))
            throw new AssessmentRefusedException("您无权查看该坐席的扣分。", "You may not see this agent's deductions.");
        return await Query(connection, "agent_id = @agent" + MonthFilter(month), ct, ("agent", agent.Value), ("from", month?.FirstDay), ("to", month?.LastDay));
    }

    /// <summary>Every deduction in a state (Hr's work queues: drafts to confirm, appeals to decide).</summary>
    public async Task<IReadOnlyList<DeductionView>> InStateAsync(DeductionState state, AssessmentActor viewer, CancellationToken ct = default)
    {
        if (viewer.Role != AssessmentRole.Hr) throw new AssessmentRefusedException("只有人事可以查看全部扣分。", "Only Hr sees all deductions.");
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await Query(connection, "state = @state", ct, ("state", state.Code()));
    }

    /// <summary>One deduction the viewer may see.</summary>
    public async Task<DeductionView> FindAsync(DeductionId id, AssessmentActor viewer, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await VisibleAsync(connection, id, viewer, ct);
    }

    public async Task<IReadOnlyList<DeductionAuditEntry>> AuditAsync(DeductionId id, AssessmentActor viewer, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await VisibleAsync(connection, id, viewer, ct);
        await using var cmd = connection.Command(
            "SELECT id, actor_id, at, action, from_state, to_state, reason FROM assessment_deduction_audit WHERE deduction_id = @id ORDER BY id",
            null, ("id", id.Value));
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var entries = new List<DeductionAuditEntry>();
        while (await r.ReadAsync(ct))
            entries.Add(new DeductionAuditEntry(r.GetInt64(0), r.Nullable<Guid>(1) is { } a ? new AgentId(a) : null,
                r.GetFieldValue<DateTimeOffset>(2), r.GetString(3),
                r.NullableString(4) is { } f ? DeductionStates.ParseDeductionState(f) : null,
                DeductionStates.ParseDeductionState(r.GetString(5)), r.NullableString(6)));
        return entries;
    }

    /// <summary>The counted deductions of a month for every agent, as settlement charges them.</summary>
    internal static async Task<ILookup<AgentId, DeductionView>> ChargedInMonthAsync(NpgsqlConnection connection, NpgsqlTransaction tx,
        CalendarMonth month, CancellationToken ct)
    {
        var all = await Query(connection, "occurred_on BETWEEN @from AND @to AND state IN ('confirmed', 'appealed', 'upheld')", ct,
            tx, ("from", month.FirstDay), ("to", month.LastDay));
        return all.ToLookup(d => d.Agent);
    }

    internal static async Task<IReadOnlySet<CalendarMonth>> SettledMonthsAsync(NpgsqlConnection connection, CancellationToken ct,
        NpgsqlTransaction? tx = null)
    {
        await using var cmd = connection.Command("SELECT month FROM assessment_settlements", tx);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var months = new HashSet<CalendarMonth>();
        while (await r.ReadAsync(ct)) months.Add(CalendarMonth.Of(r.GetFieldValue<DateOnly>(0)));
        return months;
    }

    internal static async Task<IReadOnlySet<AgentId>> TeamLedByAsync(NpgsqlConnection connection, AgentId leader, CancellationToken ct)
    {
        await using var cmd = connection.Command("""
            SELECT a.id FROM workforce_agents a JOIN workforce_teams t ON t.id = a.team_id WHERE t.leader_id = @leader
            """, null, ("leader", leader.Value));
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var team = new HashSet<AgentId>();
        while (await r.ReadAsync(ct)) team.Add(new AgentId(r.GetGuid(0)));
        return team;
    }

    private static async Task<DeductionView> VisibleAsync(NpgsqlConnection connection, DeductionId id, AssessmentActor viewer, CancellationToken ct)
    {
        var found = await Query(connection, "id = @id", ct, ("id", id.Value));
        if (found.Count == 0) throw new AssessmentRefusedException("没有这条扣分记录。", "No such deduction.");
        if (!AssessmentAccess.MayView(viewer, found[0].Agent, await TeamLedByAsync(connection, viewer.Id, ct)))
            throw new AssessmentRefusedException("您无权查看该坐席的扣分。", "You may not see this agent's deductions.");
        return found[0];
    }

    private static string MonthFilter(CalendarMonth? month) => month is null ? "" : " AND occurred_on BETWEEN @from AND @to";

    private static Task<List<DeductionView>> Query(NpgsqlConnection connection, string where, CancellationToken ct,
        params (string, object?)[] parameters) => Query(connection, where, ct, null, parameters);

    private static async Task<List<DeductionView>> Query(NpgsqlConnection connection, string where, CancellationToken ct,
        NpgsqlTransaction? tx, params (string, object?)[] parameters)
    {
        await using var cmd = connection.Command($"SELECT {Columns} FROM assessment_deductions WHERE {where} ORDER BY occurred_on, created_at",
            tx, parameters);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<DeductionView>();
        while (await r.ReadAsync(ct))
            list.Add(new DeductionView(
                new DeductionId(r.GetGuid(0)), new AgentId(r.GetGuid(1)), new RuleNumber(r.GetInt32(2)),
                RuleCategoryPoints.ParseCategory(r.GetString(3)), r.GetInt32(4), r.GetDecimal(5), r.GetFieldValue<DateOnly>(6),
                DeductionStates.ParseDeductionState(r.GetString(7)),
                new Evidence(EvidenceKinds.ParseEvidenceKind(r.GetString(8)), r.NullableString(9), r.GetString(10)),
                r.GetString(11), r.GetFieldValue<DateTimeOffset>(12)));
        return list;
    }

    private static async Task RefuseIfLocked(NpgsqlConnection connection, NpgsqlTransaction tx, DateOnly day, CancellationToken ct)
    {
        if (SettlementLock.RefuseNewDeduction(day, await SettledMonthsAsync(connection, ct, tx)) is { } why)
            throw new AssessmentRefusedException(why);
    }

    private static async Task<bool> Insert(NpgsqlConnection connection, NpgsqlTransaction tx, DeductionId id, AgentId agent,
        AssessmentRule rule, decimal fine, DateOnly occurredOn, Evidence evidence, string source, AgentId? by, CancellationToken ct)
    {
        await using (var cmd = connection.Command("""
            INSERT INTO assessment_deductions (id, agent_id, rule_number, category, points, fine, occurred_on, state,
                                               evidence_kind, evidence_ref, note, source, created_by)
            VALUES (@id, @agent, @rule, @cat, @pts, @fine, @on, 'draft', @ek, @er, @note, @src, @by)
            ON CONFLICT (rule_number, evidence_ref) WHERE evidence_ref IS NOT NULL DO NOTHING
            """, tx,
            ("id", id.Value), ("agent", agent.Value), ("rule", rule.Number.Value), ("cat", rule.Category.Code()), ("pts", rule.Points),
            ("fine", fine), ("on", occurredOn), ("ek", evidence.Kind.Code()), ("er", evidence.Reference), ("note", evidence.Note.Trim()),
            ("src", source), ("by", by?.Value)))
        {
            int inserted;
            try { inserted = await cmd.ExecuteNonQueryAsync(ct); }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation && e.ConstraintName == "assessment_deductions_agent")
            {
                throw new AssessmentRefusedException("扣分只能记录在员工名下：此人没有员工档案。", "A deduction is recorded against staff only; this person has no staff record.");
            }
            if (inserted == 0)
            {
                if (source == "manual") throw new AssessmentRefusedException("该证据已用于同一条款的扣分。", "This evidence is already used for the same rule.");
                return false;
            }
        }
        await Audit(connection, tx, id, by, source == "manual" ? "record" : "detect", null, DeductionState.Draft, null, ct);
        return true;
    }

    private static async Task Audit(NpgsqlConnection connection, NpgsqlTransaction tx, DeductionId id, AgentId? actor, string action,
        DeductionState? from, DeductionState to, string? reason, CancellationToken ct)
    {
        await using var cmd = connection.Command("""
            INSERT INTO assessment_deduction_audit (deduction_id, actor_id, action, from_state, to_state, reason)
            VALUES (@id, @actor, @action, @from, @to, @reason)
            """, tx, ("id", id.Value), ("actor", actor?.Value), ("action", action), ("from", from?.Code()), ("to", to.Code()), ("reason", reason));
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
