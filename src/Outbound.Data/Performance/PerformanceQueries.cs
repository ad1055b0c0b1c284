using System.Text.Json;
using Npgsql;
using Outbound.Core.Campaigns;
using Outbound.Core.Performance;
using Outbound.Core.Tenants;
using Outbound.Core.WorkOrders;
using Outbound.Data.Campaigns;
using Outbound.Data.WorkOrders;
using Outbound.Data.Identity;

namespace Outbound.Data.Performance;

/// <summary>Refused dials per reason code, and pacing notices per kind, of one campaign in a period.</summary>
public sealed record ComplianceRefusals(IReadOnlyDictionary<string, long> ByReason, IReadOnlyDictionary<string, long> Notices)
{
    public static ComplianceRefusals None { get; } = new(new Dictionary<string, long>(), new Dictionary<string, long>());
}

/// <summary>The campaign a performance report is about.</summary>
public sealed record ReportedCampaign(CampaignId Id, TenantId TenantId, string Code, string Name, CampaignKind Kind, CampaignSettings Settings);

/// <summary>
/// Streams one campaign's call records, promises and survey responses of a period (days in the call
/// centre's zone, both ends included) into a <see cref="PerformanceTally"/>. Rows are read once and not kept.
/// </summary>
public sealed class PerformanceQueries(NpgsqlDataSource dataSource)
{
    public async Task<ReportedCampaign?> FindCampaignAsync(string code, TenantScope scope, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            SELECT id, tenant_id, code, name, kind, settings::text FROM campaigns
            WHERE code = @code AND (@tenant::uuid IS NULL OR tenant_id = @tenant) AND (@campaigns::uuid[] IS NULL OR id = ANY(@campaigns))
            """);
        cmd.Parameters.AddWithValue("code", code);
        AddScope(cmd, scope);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return new ReportedCampaign(new CampaignId(reader.GetGuid(0)), new TenantId(reader.GetGuid(1)), reader.GetString(2), reader.GetString(3),
            Enum.Parse<CampaignKind>(reader.GetString(4), ignoreCase: true),
            JsonSerializer.Deserialize<CampaignSettings>(reader.GetString(5), CampaignSettingsJson.Options) ?? new CampaignSettings());
    }

    public async Task<IReadOnlyList<ReportedCampaign>> CampaignsAsync(TenantScope scope, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand(
            "SELECT code FROM campaigns WHERE (@tenant::uuid IS NULL OR tenant_id = @tenant) AND (@campaigns::uuid[] IS NULL OR id = ANY(@campaigns)) ORDER BY code");
        AddScope(cmd, scope);
        var codes = new List<string>();
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) codes.Add(reader.GetString(0));
        var list = new List<ReportedCampaign>();
        foreach (var code in codes)
            if (await FindCampaignAsync(code, scope, ct) is { } c) list.Add(c);
        return list;
    }

    /// <summary>The people behind the agent ids of the figures (users by name, demo bots by number).</summary>
    public Task<IReadOnlyDictionary<string, AgentName>> AgentNamesAsync(IEnumerable<string> agentIds, CancellationToken ct = default) =>
        new AgentDirectory(dataSource).NamesAsync(agentIds, ct);
    private static void AddScope(NpgsqlCommand cmd, TenantScope scope)
    {
        cmd.Parameters.AddWithValue("tenant", (object?)scope.SqlFilter ?? DBNull.Value);
        cmd.Parameters.Add(new NpgsqlParameter("campaigns", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Uuid) { Value = (object?)scope.CampaignFilter ?? DBNull.Value });
    }

    public async Task TallyAsync(ReportedCampaign campaign, DateOnly from, DateOnly to, PerformanceTally tally, CancellationToken ct = default)
    {
        var (start, end) = Period(from, to);
        var inbound = campaign.Kind == CampaignKind.Inbound;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using (var cmd = Command(connection, inbound ? InboundCalls : OutboundCalls, campaign, start, end))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
                tally.Add(new CallFact(r.GetInt64(0), r.GetFieldValue<DateTimeOffset>(1), Instant(r, 2), Instant(r, 3), r.GetFieldValue<DateTimeOffset>(4),
                    Instant(r, 5), Outcome(r.GetString(6)), r.GetBoolean(7),
                    r.IsDBNull(8) ? null : r.GetString(8), r.IsDBNull(9) ? null : r.GetString(9), r.IsDBNull(10) ? null : r.GetInt16(10), inbound,
                    r.IsDBNull(11) ? null : r.GetString(11)));
        }
        foreach (var contact in await new ServiceMetricsQueries(dataSource).ContactsAsync(campaign.Id.Value, start, end, ct)) tally.Add(contact);
        await using (var cmd = Command(connection, """
            SELECT lead_id, agent, amount, due_on, kept_on FROM collection_promises
            WHERE campaign_id = @c AND promised_at >= @start AND promised_at < @end
            """, campaign, start, end))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
                tally.Add(new PromiseFact(r.GetInt64(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetDecimal(2), r.GetFieldValue<DateOnly>(3),
                    r.IsDBNull(4) ? null : r.GetFieldValue<DateOnly>(4)));
        }
        await using (var cmd = Command(connection, """
            SELECT lead_id, completed, answers::text FROM survey_responses
            WHERE campaign_id = @c AND answered_at >= @start AND answered_at < @end
            """, campaign, start, end))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
                tally.Add(new SurveyResponseFact(r.GetInt64(0), r.GetBoolean(1),
                    JsonSerializer.Deserialize<Dictionary<string, IReadOnlyList<string>>>(r.GetString(2)) ?? []));
        }
    }

    /// <summary>The campaign's work orders opened in the period and its client's knowledge-base timeliness (Core's ServiceMetrics).</summary>
    public async Task<(WorkOrderFigures Orders, Ratio Timeliness)> ServiceAsync(ReportedCampaign campaign, DateOnly from, DateOnly to, DateTimeOffset asOf,
        CancellationToken ct = default)
    {
        var (start, end) = Period(from, to);
        var service = new ServiceMetricsQueries(dataSource);
        return (ServiceMetrics.Measure(await service.OrdersAsync(campaign.Id.Value, null, start, end, ct)),
            await service.TimelinessAsync(campaign.TenantId.Value, start, end, asOf, ct));
    }

    private const string OutboundCalls = """
        SELECT lead_id, started_at, answered_at, connected_at, ended_at, wrap_ended_at, outcome, abandoned, disposition, agent, local_hour, region
        FROM call_records WHERE campaign_id = @c AND started_at >= @start AND started_at < @end
        """;

    /// <summary>
    /// A hotline's calls are the queue's rows (the dialer writes no call record for them), in the same shape: the wait runs from
    /// arrival to the agent taking the call; a caller who got no agent (hung up waiting, or sent on at max wait) counts as
    /// abandoned, one who hung up in the IVR was never offered. An unknown caller stands as a lead of its own.
    /// </summary>
    private const string InboundCalls = """
        SELECT coalesce(lead_id, -row_number() OVER (ORDER BY arrived_at, id)), arrived_at, connected_at, connected_at, ended_at, wrap_ended_at,
            CASE WHEN connected_at IS NULL THEN 'Abandoned' ELSE 'Answered' END,
            connected_at IS NULL AND outcome IN ('abandoned', 'overflowed', 'voicemail', 'callback'),
            disposition, agent, NULL::smallint, NULL::text
        FROM inbound_calls WHERE campaign_id = @c AND arrived_at >= @start AND arrived_at < @end
        """;

    /// <summary>The instants that bound a period of centre-zone days, the last day included.</summary>
    /// <summary>
    /// The dials the dialer refused in the period, per reason code (compliance: window, attempts, DNC …; pacing: the cap, a
    /// small team, the detector off), and the pacing notices it raised, per kind: the report's 合规拦截.
    /// </summary>
    public async Task<ComplianceRefusals> RefusalsAsync(ReportedCampaign campaign, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var (start, end) = Period(from, to);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var reasons = new Dictionary<string, long>();
        await using (var cmd = new NpgsqlCommand(
            "SELECT reason, sum(count)::bigint FROM compliance_refusals WHERE campaign_id = @campaign AND day BETWEEN @from AND @to GROUP BY reason",
            connection))
        {
            cmd.Parameters.AddWithValue("campaign", campaign.Id.Value);
            cmd.Parameters.AddWithValue("from", from);
            cmd.Parameters.AddWithValue("to", to);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct)) reasons[r.GetString(0)] = r.GetInt64(1);
        }
        var notices = new Dictionary<string, long>();
        await using (var cmd = new NpgsqlCommand(
            "SELECT kind, count(*) FROM campaign_notices WHERE campaign_id = @campaign AND at >= @start AND at < @end GROUP BY kind", connection))
        {
            cmd.Parameters.AddWithValue("campaign", campaign.Id.Value);
            cmd.Parameters.AddWithValue("start", start);
            cmd.Parameters.AddWithValue("end", end);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct)) notices[r.GetString(0)] = r.GetInt64(1);
        }
        return new ComplianceRefusals(reasons, notices);
    }

    public static (DateTimeOffset Start, DateTimeOffset End) Period(DateOnly from, DateOnly to)
    {
        static DateTimeOffset StartOf(DateOnly day) => CenterTime.China.ToInstant(day.ToDateTime(TimeOnly.MinValue)).ToUniversalTime();
        return (StartOf(from), StartOf(to.AddDays(1)));
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, ReportedCampaign campaign, DateTimeOffset start, DateTimeOffset end)
    {
        var cmd = new NpgsqlCommand(sql, connection);
        cmd.Parameters.AddWithValue("c", campaign.Id.Value);
        cmd.Parameters.AddWithValue("start", start);
        cmd.Parameters.AddWithValue("end", end);
        return cmd;
    }

    private static readonly Dictionary<string, CallOutcome> Outcomes =
        Enum.GetValues<CallOutcome>().ToDictionary(o => o.ToString(), o => o, StringComparer.OrdinalIgnoreCase);

    /// <summary>Outcomes are stored by name; a dictionary beats Enum.Parse on 200,000 rows.</summary>
    private static CallOutcome Outcome(string stored) => Outcomes.TryGetValue(stored, out var outcome) ? outcome : CallOutcome.Failed;

    private static DateTimeOffset? Instant(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateTimeOffset>(i);
}
