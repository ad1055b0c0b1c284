using Dapper;
using Npgsql;
using Outbound.Core.Identity;
using Outbound.Core.Quality;

namespace Outbound.Data.Quality;

public sealed record PlanSummary(Guid Id, Guid CampaignId, string CampaignCode, string CampaignName, PlanPeriod Period, SamplingSettings Settings,
    int Seed, int Agents, int Candidates, int Calls, int Scored, DateTimeOffset CreatedAt);

public sealed record PlanCall(Guid CallId, string Agent, string AgentName, SampleReason Reason, string Stratum, Guid? Scorer, string? ScorerName,
    Guid? EvaluationId, decimal? Score);

public sealed record ScorerProgress(Guid? Scorer, string Name, int Assigned, int Scored)
{
    public int ToScore => Assigned - Scored;
}

/// <summary>The plan that was saved (or would have been), and the draw behind it: a refused draw names the agents short of calls.</summary>
public sealed record PlanOutcome(PlanSummary? Plan, SampleResult Draw);

/// <summary>The plan's settings have problems; nothing was saved.</summary>
public sealed class SamplingInvalidException(IReadOnlyList<SamplingProblem> problems) : Exception(string.Join(", ", problems))
{
    public IReadOnlyList<SamplingProblem> Problems { get; } = problems;
}

/// <summary>
/// Sampling plans (抽检计划): one per campaign and period. Creating one draws the sample from the period's recorded,
/// agent-connected calls (<see cref="StratifiedSampler"/>) and splits it over the campaign's Qa staff
/// (<see cref="ScorerAssignment"/>) in one transaction; a draw refused for agents short of calls writes nothing.
/// Re-running a plan draws again with its stored seed and settings and adds only calls that were not in it.
/// </summary>
public sealed class SamplingPlans(NpgsqlDataSource dataSource, CenterTime time)
{
    public async Task<PlanOutcome> CreateAsync(QualityViewer viewer, Guid campaign, PlanPeriod period, SamplingSettings settings, int seed,
        DateTimeOffset now, CancellationToken ct = default)
    {
        if (!viewer.MayManage(campaign)) throw new QualityRefusedException(QualityRefusal.NotAllowed);
        if (settings.Problems() is { Count: > 0 } problems) throw new SamplingInvalidException(problems);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        if (await FindIdAsync(connection, campaign, period, ct) is not null) throw new QualityRefusedException(QualityRefusal.PlanExists);
        var draw = StratifiedSampler.Draw(await CandidatesAsync(connection, campaign, period, ct), settings, seed);
        if (draw.Refused) return new PlanOutcome(null, draw);

        var id = Guid.CreateVersion7();
        await using var tx = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO qa_plans (id, tenant_id, campaign_id, period_kind, period_from, period_to, settings, seed, agents, candidates, created_at, created_by)
            SELECT @id, tenant_id, id, @kind, @from, @to, @settings::jsonb, @seed, @agents, @candidates, @now, @user FROM campaigns WHERE id = @campaign
            """, new
        {
            id, campaign, kind = period.Kind == PlanPeriodKind.Week ? "week" : "month", from = Date(period.From), to = Date(period.To),
            settings = QualityJson.Write(settings), seed, agents = draw.Agents, candidates = draw.Candidates, now = now.UtcDateTime,
            user = viewer.Author,
        }, tx, cancellationToken: ct));
        await InsertCallsAsync(connection, tx, id, campaign, draw.Calls, ct);
        await tx.CommitAsync(ct);
        return new PlanOutcome(await FindAsync(id, ct), draw);
    }

    /// <summary>Draws the plan again from its seed and settings; calls already in it keep their scorer. Returns the calls added.</summary>
    public async Task<(PlanSummary Plan, int Added)> RerunAsync(Guid plan, CancellationToken ct = default)
    {
        var summary = await FindAsync(plan, ct) ?? throw new QualityRefusedException(QualityRefusal.NotFound);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var draw = StratifiedSampler.Draw(await CandidatesAsync(connection, summary.CampaignId, summary.Period, ct), summary.Settings, summary.Seed);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var added = await InsertCallsAsync(connection, tx, plan, summary.CampaignId, draw.Calls, ct);
        await tx.CommitAsync(ct);
        return ((await FindAsync(plan, ct))!, added);
    }

    public async Task<PlanSummary?> FindAsync(Guid id, CancellationToken ct = default) =>
        (await SummariesAsync("p.id = @id", new { id }, ct)).FirstOrDefault();

    public async Task<PlanSummary?> ForPeriodAsync(Guid campaign, PlanPeriod period, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await FindIdAsync(connection, campaign, period, ct) is { } id ? await FindAsync(id, ct) : null;
    }

    /// <summary>The plans of the campaigns the viewer may read, newest period first.</summary>
    public async Task<IReadOnlyList<PlanSummary>> ListAsync(QualityViewer viewer, CancellationToken ct = default) =>
        (await SummariesAsync("true", new { }, ct)).Where(p => viewer.MayReadResults(p.CampaignId)).ToList();

    public async Task<IReadOnlyList<PlanCall>> CallsAsync(Guid plan, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<PlanCallRow>(new CommandDefinition("""
            SELECT pc.call_id, pc.agent, coalesce(a.display_name, pc.agent) AS agent_name, pc.reason, pc.stratum, pc.scorer,
                   s.display_name AS scorer_name, e.id AS evaluation_id, e.score
            FROM qa_plan_calls pc
            LEFT JOIN users a ON a.id::text = pc.agent
            LEFT JOIN users s ON s.id = pc.scorer
            LEFT JOIN qa_evaluations e ON e.call_id = pc.call_id AND e.calibration_id IS NULL
            WHERE pc.plan_id = @plan ORDER BY agent_name, pc.call_id
            """, new { plan }, cancellationToken: ct));
        return rows.Select(r => new PlanCall(r.call_id, r.agent, r.agent_name, ParseReason(r.reason), r.stratum, r.scorer, r.scorer_name,
            r.evaluation_id, r.score)).ToList();
    }

    /// <summary>Scored and still to score per scorer (null: calls nobody could take).</summary>
    public async Task<IReadOnlyList<ScorerProgress>> ProgressAsync(Guid plan, CancellationToken ct = default) =>
        (await CallsAsync(plan, ct)).GroupBy(c => (c.Scorer, c.ScorerName))
            .Select(g => new ScorerProgress(g.Key.Scorer, g.Key.ScorerName ?? "", g.Count(), g.Count(c => c.EvaluationId is not null)))
            .OrderBy(p => p.Scorer is null).ThenBy(p => p.Name, StringComparer.Ordinal).ToList();

    /// <summary>
    /// The period's recorded, agent-connected calls of the campaign that have ended, outbound and inbound, as the sampler
    /// reads them. A month holds a million rows, so each row is kept cheap: the talk time comes over as the interval and
    /// is rounded here (extract(epoch …) is numeric in PostgreSQL and cost more than the scan), and the repeated agent and
    /// disposition texts are shared instead of held once per row.
    /// </summary>
    private async Task<List<SampleCandidate>> CandidatesAsync(NpgsqlConnection connection, Guid campaign, PlanPeriod period, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            SELECT id, agent, disposition, ended_at - connected_at FROM call_records
            WHERE campaign_id = @campaign AND started_at >= @from AND started_at < @to
              AND agent IS NOT NULL AND connected_at IS NOT NULL AND recording_path IS NOT NULL
            UNION ALL
            SELECT id, agent, disposition, ended_at - connected_at FROM inbound_calls
            WHERE campaign_id = @campaign AND arrived_at >= @from AND arrived_at < @to
              AND agent IS NOT NULL AND connected_at IS NOT NULL AND ended_at IS NOT NULL AND recording_path IS NOT NULL
            """, connection);
        cmd.Parameters.AddWithValue("campaign", campaign);
        cmd.Parameters.AddWithValue("from", time.ToUtc(period.From.ToDateTime(TimeOnly.MinValue)));
        cmd.Parameters.AddWithValue("to", time.ToUtc(period.To.AddDays(1).ToDateTime(TimeOnly.MinValue)));
        cmd.CommandTimeout = 120;
        var list = new List<SampleCandidate>();
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            list.Add(new SampleCandidate(r.GetGuid(0), Shared(texts, r.GetString(1)), r.IsDBNull(2) ? null : Shared(texts, r.GetString(2)),
                TalkSeconds(r.GetFieldValue<TimeSpan>(3))));
        return list;
    }

    private static string Shared(Dictionary<string, string> texts, string text)
    {
        if (texts.TryGetValue(text, out var shared)) return shared;
        texts[text] = text;
        return text;
    }

    /// <summary>Whole seconds of talk, rounded half away from zero as PostgreSQL casts a numeric to int.</summary>
    private static int TalkSeconds(TimeSpan talk) => (int)Math.Round(talk.TotalSeconds, MidpointRounding.AwayFromZero);

    private static async Task<int> InsertCallsAsync(NpgsqlConnection connection, NpgsqlTransaction tx, Guid plan, Guid campaign,
        IReadOnlyList<SampledCall> calls, CancellationToken ct)
    {
        var existing = (await connection.QueryAsync<Guid>(new CommandDefinition(
            "SELECT call_id FROM qa_plan_calls WHERE plan_id = @plan", new { plan }, tx, cancellationToken: ct))).ToHashSet();
        var fresh = calls.Where(c => !existing.Contains(c.CallId)).ToList();
        if (fresh.Count == 0) return 0;
        var scorers = await ScorersAsync(connection, tx, campaign, ct);
        var assigned = ScorerAssignment.Balance(fresh, scorers);
        return await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO qa_plan_calls (plan_id, call_id, agent, reason, stratum, scorer)
            SELECT @plan, * FROM unnest(@ids, @agents, @reasons, @strata, @scorers)
            ON CONFLICT DO NOTHING
            """, new
        {
            plan, ids = fresh.Select(c => c.CallId).ToArray(), agents = fresh.Select(c => c.Agent).ToArray(),
            reasons = fresh.Select(c => ReasonCode(c.Reason)).ToArray(), strata = fresh.Select(c => c.Stratum).ToArray(),
            scorers = fresh.Select(c => assigned[c.CallId]).ToArray(),
        }, tx, cancellationToken: ct));
    }

    /// <summary>The campaign's Qa staff, with the plan calls they have not scored yet as their workload.</summary>
    private static async Task<IReadOnlyList<Scorer>> ScorersAsync(NpgsqlConnection connection, NpgsqlTransaction tx, Guid campaign, CancellationToken ct) =>
        (await connection.QueryAsync<(Guid Id, int Open)>(new CommandDefinition("""
            SELECT u.id, (SELECT count(*)::int FROM qa_plan_calls pc
                          WHERE pc.scorer = u.id AND NOT EXISTS (SELECT 1 FROM qa_evaluations e WHERE e.call_id = pc.call_id AND e.calibration_id IS NULL))
            FROM campaign_agents a JOIN users u ON u.id = a.user_id
            JOIN user_roles ur ON ur.user_id = u.id JOIN roles r ON r.id = ur.role_id AND r.name = @role
            WHERE a.campaign_id = @campaign ORDER BY u.email
            """, new { campaign, role = Roles.Qa }, tx, cancellationToken: ct))).Select(s => new Scorer(s.Id, s.Open)).ToList();

    private static async Task<Guid?> FindIdAsync(NpgsqlConnection connection, Guid campaign, PlanPeriod period, CancellationToken ct) =>
        await connection.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(
            "SELECT id FROM qa_plans WHERE campaign_id = @campaign AND period_kind = @kind AND period_from = @from",
            new { campaign, kind = period.Kind == PlanPeriodKind.Week ? "week" : "month", from = Date(period.From) }, cancellationToken: ct));

    private async Task<IReadOnlyList<PlanSummary>> SummariesAsync(string where, object args, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<PlanRow>(new CommandDefinition($"""
            SELECT p.id, p.campaign_id, c.code, c.name, p.period_kind, p.period_from, p.period_to, p.settings::text AS settings, p.seed,
                   p.agents, p.candidates, p.created_at,
                   (SELECT count(*)::int FROM qa_plan_calls pc WHERE pc.plan_id = p.id) AS calls,
                   (SELECT count(*)::int FROM qa_plan_calls pc JOIN qa_evaluations e ON e.call_id = pc.call_id AND e.calibration_id IS NULL
                    WHERE pc.plan_id = p.id) AS scored
            FROM qa_plans p JOIN campaigns c ON c.id = p.campaign_id
            WHERE {where} ORDER BY p.period_from DESC, c.code
            """, args, cancellationToken: ct));
        return rows.Select(r => new PlanSummary(r.id, r.campaign_id, r.code, r.name,
            new PlanPeriod(r.period_from, r.period_to, r.period_kind == "week" ? PlanPeriodKind.Week : PlanPeriodKind.Month),
            QualityJson.Read<SamplingSettings>(r.settings), r.seed, r.agents, r.candidates, r.calls, r.scored, QualityCalls.Utc(r.created_at))).ToList();
    }

    private static DateTime Date(DateOnly day) => day.ToDateTime(TimeOnly.MinValue);

    public static string ReasonCode(SampleReason reason) => reason switch
    {
        SampleReason.Complaint => "complaint",
        SampleReason.LongCall => "long_call",
        SampleReason.ShortCall => "short_call",
        _ => "random",
    };

    private static SampleReason ParseReason(string code) => code switch
    {
        "complaint" => SampleReason.Complaint,
        "long_call" => SampleReason.LongCall,
        "short_call" => SampleReason.ShortCall,
        _ => SampleReason.Random,
    };

    private sealed record PlanRow(Guid id, Guid campaign_id, string code, string name, string period_kind, DateOnly period_from, DateOnly period_to,
        string settings, int seed, int agents, int candidates, DateTime created_at, int calls, int scored);

    private sealed record PlanCallRow(Guid call_id, string agent, string agent_name, string reason, string stratum, Guid? scorer, string? scorer_name,
        Guid? evaluation_id, decimal? score);
}
