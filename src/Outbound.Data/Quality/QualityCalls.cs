using Dapper;
using Npgsql;
using Outbound.Core.Tenants;

namespace Outbound.Data.Quality;

public enum CallKind
{
    Outbound,
    Inbound,
}

/// <summary>A call as the scoring screen shows it: who, when, how it ended, and where its recording is.</summary>
public sealed record QualityCall(
    Guid Id, CallKind Kind, TenantId TenantId, Guid CampaignId, string CampaignCode, string CampaignName, string Agent, string AgentName,
    string Number, long? LeadId, string? LeadName, DateTimeOffset StartedAt, DateTimeOffset ConnectedAt, DateTimeOffset EndedAt,
    DateTimeOffset? WrapEndedAt, string Outcome, string? Disposition, string? DispositionLabel, string? RecordingPath)
{
    public int TalkSeconds => (int)Math.Max(0, (EndedAt - ConnectedAt).TotalSeconds);
}

/// <summary>Something that happened on the agent's side during the call: a state change, a supervisor's monitoring or intervention.</summary>
public sealed record CallEvent(DateTimeOffset At, string Source, string Action, string? Detail);

/// <summary>What the agent saved on the desk for the call.</summary>
public sealed record CallDeskForm(string Disposition, string DispositionLabel, bool? RightParty, decimal? AmountDue, decimal? PromiseAmount, DateTime? PromiseDate,
    string? PaymentPlan, string? RefusalReason, string? SurveyAnswers, string? Note, DateTimeOffset SavedAt);

/// <summary>
/// Reads the calls quality works on — agent-connected outbound call records and inbound calls alike, by id — with
/// their events and desk form. Callers decide access with <see cref="Core.Quality.QualityViewer"/>.
/// </summary>
public sealed class QualityCalls(NpgsqlDataSource dataSource)
{
    private const string Columns = """
        c.id, {0} AS kind, c.tenant_id, c.campaign_id, p.code, p.name, c.agent, coalesce(u.display_name, c.agent) AS agent_name,
        {1} AS number, c.lead_id, l.name AS lead_name, {2} AS started_at, c.connected_at, c.ended_at, c.wrap_ended_at, c.outcome,
        c.disposition, {3} AS disposition_label, c.recording_path
        """;

    /// <summary>The campaign's own name for a result code (settings of campaign <c>p</c>); the code where the campaign has none.</summary>
    private static string DispositionLabel(string code) =>
        $"coalesce((SELECT d->>'label' FROM jsonb_array_elements(p.settings->'dispositions') d WHERE d->>'code' = {code}), {code})";

    public static readonly string OutboundSelect = $"""
        SELECT {string.Format(Columns, "'outbound'", "c.phone_e164", "c.started_at", DispositionLabel("c.disposition"))}
        FROM call_records c JOIN campaigns p ON p.id = c.campaign_id
        LEFT JOIN users u ON u.id::text = c.agent LEFT JOIN leads l ON l.id = c.lead_id
        WHERE c.agent IS NOT NULL AND c.connected_at IS NOT NULL
        """;

    public static readonly string InboundSelect = $"""
        SELECT {string.Format(Columns, "'inbound'", "c.caller_number", "c.arrived_at", DispositionLabel("c.disposition"))}
        FROM inbound_calls c JOIN campaigns p ON p.id = c.campaign_id
        LEFT JOIN users u ON u.id::text = c.agent LEFT JOIN leads l ON l.id = c.lead_id
        WHERE c.agent IS NOT NULL AND c.connected_at IS NOT NULL
        """;

    public async Task<QualityCall?> FindAsync(Guid id, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await QueryAsync(connection, "c.id = @id", new { id }, ct)).FirstOrDefault();
    }

    /// <summary>Calls by id, both kinds.</summary>
    public async Task<IReadOnlyList<QualityCall>> FindManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct = default)
    {
        if (ids.Count == 0) return [];
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await QueryAsync(connection, "c.id = ANY(@ids)", new { ids = ids.ToArray() }, ct);
    }

    /// <summary>The recorded, agent-connected calls of a campaign in a time range, newest first (for picking calibration calls).</summary>
    public async Task<IReadOnlyList<QualityCall>> RecentAsync(Guid campaign, DateTimeOffset from, DateTimeOffset to, int limit, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var calls = await QueryAsync(connection, "c.campaign_id = @campaign AND c.connected_at >= @from AND c.connected_at < @to AND c.recording_path IS NOT NULL",
            new { campaign, from = from.UtcDateTime, to = to.UtcDateTime }, ct);
        return calls.OrderByDescending(c => c.ConnectedAt).Take(limit).ToList();
    }

    internal static async Task<IReadOnlyList<QualityCall>> QueryAsync(NpgsqlConnection connection, string where, object args, CancellationToken ct)
    {
        var rows = await connection.QueryAsync<CallRow>(new CommandDefinition(
            $"{OutboundSelect} AND {where} UNION ALL {InboundSelect} AND {where}", args, cancellationToken: ct));
        return rows.Select(r => r.ToCall()).ToList();
    }

    /// <summary>The agent's state changes from connect to wrap-up, and every supervisor action on the agent in that time.</summary>
    public async Task<IReadOnlyList<CallEvent>> EventsAsync(QualityCall call, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var until = (call.WrapEndedAt ?? call.EndedAt).UtcDateTime.AddSeconds(1);
        var rows = await connection.QueryAsync<(DateTime At, string Source, string Action, string? Detail)>(new CommandDefinition("""
            SELECT at, 'agent' AS source, state AS action, reason AS detail FROM agent_state_events
            WHERE agent = @agent AND at >= @from AND at < @until
            UNION ALL
            SELECT s.at, 'supervisor', s.action, coalesce(u.display_name, s.supervisor) || coalesce(': ' || s.reason, '') FROM supervisor_actions s
            LEFT JOIN users u ON u.id::text = s.supervisor
            WHERE s.agent = @agent AND s.at >= @from AND s.at < @until
            ORDER BY 1
            """, new { agent = call.Agent, from = call.ConnectedAt.UtcDateTime.AddSeconds(-1), until }, cancellationToken: ct));
        return rows.Select(r => new CallEvent(Utc(r.At), r.Source, r.Action, r.Detail)).ToList();
    }

    /// <summary>The desk form the agent saved for this call: same lead and agent, saved between connect and the end of wrap-up.</summary>
    public async Task<CallDeskForm?> DeskFormAsync(QualityCall call, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var row = await connection.QueryFirstOrDefaultAsync<DeskFormRow>(new CommandDefinition($"""
            SELECT f.disposition, {DispositionLabel("f.disposition")} AS disposition_label, f.right_party, f.amount_due, f.promise_amount,
                   f.promise_date, f.payment_plan, f.refusal_reason, f.survey_answers::text AS survey_answers, f.note, f.saved_at
            FROM desk_call_forms f JOIN campaigns p ON p.id = f.campaign_id
            WHERE f.campaign_id = @campaign AND f.agent = @agent AND f.lead_id IS NOT DISTINCT FROM @lead AND f.saved_at >= @from AND f.saved_at <= @until
            ORDER BY f.saved_at LIMIT 1
            """, new
        {
            campaign = call.CampaignId, agent = call.Agent, lead = call.LeadId, from = call.ConnectedAt.UtcDateTime,
            until = (call.WrapEndedAt ?? call.EndedAt.AddMinutes(30)).UtcDateTime.AddSeconds(5),
        }, cancellationToken: ct));
        return row is null ? null : new CallDeskForm(row.disposition, row.disposition_label, row.right_party, row.amount_due, row.promise_amount, row.promise_date,
            row.payment_plan, row.refusal_reason, row.survey_answers, row.note, Utc(row.saved_at));
    }

    /// <summary>Every campaign (id, tenant, code, name); pages keep those the viewer covers.</summary>
    public async Task<IReadOnlyList<(Guid Id, Guid Tenant, string Code, string Name)>> CampaignsAsync(CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<(Guid, Guid, string, string)>(new CommandDefinition(
            "SELECT id, tenant_id, code, name FROM campaigns ORDER BY code", cancellationToken: ct))).ToList();
    }

    /// <summary>Display names of agents (user ids as the calls name them); unknown ids name themselves.</summary>
    public async Task<IReadOnlyDictionary<string, string>> AgentNamesAsync(IEnumerable<string> agents, CancellationToken ct = default)
    {
        var ids = agents.Distinct().ToArray();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var names = (await connection.QueryAsync<(string Id, string Name)>(new CommandDefinition(
            "SELECT id::text, display_name FROM users WHERE id::text = ANY(@ids)", new { ids }, cancellationToken: ct))).ToDictionary(n => n.Id, n => n.Name);
        return ids.ToDictionary(a => a, a => names.GetValueOrDefault(a, a));
    }

    internal static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));

    private sealed record DeskFormRow(string disposition, string disposition_label, bool? right_party, decimal? amount_due, decimal? promise_amount, DateTime? promise_date,
        string? payment_plan, string? refusal_reason, string? survey_answers, string? note, DateTime saved_at);

    internal sealed record CallRow(Guid id, string kind, Guid tenant_id, Guid campaign_id, string code, string name, string agent, string agent_name,
        string number, long? lead_id, string? lead_name, DateTime started_at, DateTime connected_at, DateTime ended_at, DateTime? wrap_ended_at,
        string outcome, string? disposition, string? disposition_label, string? recording_path)
    {
        public QualityCall ToCall() => new(id, kind == "inbound" ? CallKind.Inbound : CallKind.Outbound, new TenantId(tenant_id), campaign_id, code, name,
            agent, agent_name, number, lead_id, lead_name, Utc(started_at), Utc(connected_at), Utc(ended_at),
            wrap_ended_at is { } w ? Utc(w) : null, outcome, disposition, disposition_label, recording_path);
    }
}
