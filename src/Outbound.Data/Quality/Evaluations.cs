using System.Text.Json;
using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;
using Outbound.Core.Quality;
using Outbound.Core.Workforce;
using Outbound.Data.Assessment;

namespace Outbound.Data.Quality;

public enum EvaluationState
{
    Submitted,
    Acknowledged,
    Disputed,
    Decided,
    Calibration,
}

public sealed record EvaluationDispute(string Reason, DateTimeOffset RaisedAt, Guid? DecidedBy, string? DeciderName, DateTimeOffset? DecidedAt,
    string? Decision, string? Note, decimal? ScoreBefore);

public sealed record EvaluationLogEntry(DateTimeOffset At, Guid? Actor, string? ActorName, string Action, string Detail);

/// <summary>An evaluation with what its pages show: the call it scored, who scored, the answers and where it stands.</summary>
public sealed record EvaluationView(
    Guid Id, Guid CallId, Guid CampaignId, string CampaignCode, string Agent, string AgentName, Guid Scorer, string ScorerName,
    Guid FormId, int FormVersion, Guid? PlanId, Guid? CalibrationId, IReadOnlyList<ItemAnswer> Answers, decimal Score, Band Band,
    bool CriticalFailed, EvaluationState State, DateTimeOffset CallAt, DateTimeOffset SubmittedAt, DateTimeOffset? AcknowledgedAt,
    EvaluationDispute? Dispute);

/// <summary>The answers have problems; nothing was saved.</summary>
public sealed class AnswersInvalidException(IReadOnlyList<AnswerError> problems) : Exception(string.Join(", ", problems.Select(p => $"{p.Key} {p.Problem}")))
{
    public IReadOnlyList<AnswerError> Problems { get; } = problems;
}

/// <summary>
/// Evaluations and the feedback loop: a Qa scorer submits (never on their own call), the agent acknowledges or disputes
/// once (申诉), a second Qa or a supervisor decides — upholding the score or amending the answers — and every step is
/// logged. A failed "service language" critical item proposes assessment rule 1 to Hr as a draft, the evaluation as evidence.
/// </summary>
public sealed class Evaluations(NpgsqlDataSource dataSource, QualityForms forms, QualityCalls calls, CenterTime time, ILogger<Evaluations> logger)
{
    /// <summary>Scores a call (in a plan, a calibration session, or on its own) and stores the evaluation.</summary>
    public async Task<Guid> SubmitAsync(QualityViewer viewer, Guid callId, Guid formId, int formVersion, IReadOnlyList<ItemAnswer> answers,
        Guid? calibration, DateTimeOffset now, CancellationToken ct = default)
    {
        var call = await calls.FindAsync(callId, ct) ?? throw new QualityRefusedException(QualityRefusal.NotFound);
        if (ScorerAssignment.IsSelf(viewer.UserId, call.Agent)) throw new QualityRefusedException(QualityRefusal.OwnCall);
        if (!viewer.MayScore(call.CampaignId, call.Agent)) throw new QualityRefusedException(QualityRefusal.NotAllowed);
        var form = await forms.VersionAsync(formId, formVersion, ct) ?? throw new QualityRefusedException(QualityRefusal.FormChanged);
        if (EvaluationScoring.Check(form, answers, call.TalkSeconds) is { Count: > 0 } problems) throw new AnswersInvalidException(problems);
        var score = EvaluationScoring.Score(form, answers);

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (calibration is { } session)
        {
            var open = await connection.QuerySingleOrDefaultAsync<bool?>(new CommandDefinition("""
                SELECT k.closed_at IS NULL FROM qa_calibrations k
                WHERE k.id = @session AND EXISTS (SELECT 1 FROM qa_calibration_calls c WHERE c.calibration_id = k.id AND c.call_id = @callId)
                  AND EXISTS (SELECT 1 FROM qa_calibration_scorers s WHERE s.calibration_id = k.id AND s.user_id = @user)
                """, new { session, callId, user = viewer.UserId }, tx, cancellationToken: ct));
            if (open is null) throw new QualityRefusedException(QualityRefusal.NotInSession);
            if (open == false) throw new QualityRefusedException(QualityRefusal.SessionClosed);
        }
        var id = Guid.CreateVersion7();
        var plan = await connection.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(
            "SELECT plan_id FROM qa_plan_calls WHERE call_id = @callId ORDER BY plan_id LIMIT 1", new { callId }, tx, cancellationToken: ct));
        try
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO qa_evaluations (id, tenant_id, campaign_id, call_id, call_at, agent, scorer, form_id, form_version, plan_id, calibration_id,
                    answers, score, band, critical_failed, state, submitted_at)
                VALUES (@id, @tenant, @campaign, @callId, @callAt, @agent, @scorer, @formId, @formVersion, @plan, @calibration,
                    @answers::jsonb, @score, @band, @critical, @state, @now)
                """, new
            {
                id, tenant = call.TenantId.Value, campaign = call.CampaignId, callId, callAt = call.ConnectedAt.UtcDateTime, agent = call.Agent,
                scorer = viewer.UserId, formId, formVersion, plan = calibration is null ? plan : null, calibration, answers = QualityJson.Write(answers),
                score = score.Score, band = BandCode(score.Band), critical = score.CriticalFailed,
                state = calibration is null ? "submitted" : "calibration", now = now.UtcDateTime,
            }, tx, cancellationToken: ct));
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new QualityRefusedException(QualityRefusal.AlreadyScored);
        }
        await LogAsync(connection, tx, id, viewer.UserId, now, "submitted", new { score = score.Score, band = BandCode(score.Band), critical = score.FailedCriticalItems });
        await tx.CommitAsync(ct);
        if (calibration is null) await ProposeRuleOneAsync(id, call, form, score, ct);
        return id;
    }

    public async Task<EvaluationView?> FindAsync(Guid id, CancellationToken ct = default) =>
        (await QueryAsync("e.id = @id", new { id }, ct)).FirstOrDefault();

    /// <summary>An agent's own evaluations (never calibration scores), newest call first.</summary>
    public Task<IReadOnlyList<EvaluationView>> ForAgentAsync(Guid agent, CancellationToken ct = default) =>
        QueryAsync("e.agent = @agent AND e.calibration_id IS NULL", new { agent = agent.ToString() }, ct);

    /// <summary>The evaluations of the campaigns the viewer reads, in a time range of calls.</summary>
    public async Task<IReadOnlyList<EvaluationView>> ListAsync(QualityViewer viewer, DateTimeOffset from, DateTimeOffset to, CancellationToken ct = default) =>
        (await QueryAsync("e.calibration_id IS NULL AND e.call_at >= @from AND e.call_at < @to", new { from = from.UtcDateTime, to = to.UtcDateTime }, ct))
            .Where(e => viewer.MayReadResults(e.CampaignId)).ToList();

    /// <summary>Disputes waiting for a decision that the viewer may take.</summary>
    public async Task<IReadOnlyList<EvaluationView>> DisputesToDecideAsync(QualityViewer viewer, CancellationToken ct = default) =>
        (await QueryAsync("e.state = 'disputed'", new { }, ct)).Where(e => viewer.MayDecide(e.CampaignId, e.Scorer)).ToList();

    public async Task AcknowledgeAsync(Guid agent, Guid id, DateTimeOffset now, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var state = await OwnStateAsync(connection, tx, agent, id, ct);
        if (state != "submitted") throw new QualityRefusedException(state == "disputed" || state == "decided" ? QualityRefusal.AlreadyDisputed : QualityRefusal.AlreadyAcknowledged);
        await connection.ExecuteAsync(new CommandDefinition("UPDATE qa_evaluations SET state = 'acknowledged', acknowledged_at = @now WHERE id = @id",
            new { id, now = now.UtcDateTime }, tx, cancellationToken: ct));
        await LogAsync(connection, tx, id, agent, now, "acknowledged", new { });
        await tx.CommitAsync(ct);
    }

    /// <summary>The agent disputes an evaluation they have not acknowledged; only once (the dispute's key is the evaluation).</summary>
    public async Task DisputeAsync(Guid agent, Guid id, string? reason, DateTimeOffset now, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new QualityRefusedException(QualityRefusal.ReasonRequired);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var state = await OwnStateAsync(connection, tx, agent, id, ct);
        if (state is "disputed" or "decided") throw new QualityRefusedException(QualityRefusal.AlreadyDisputed);
        if (state != "submitted") throw new QualityRefusedException(QualityRefusal.AlreadyAcknowledged);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO qa_disputes (evaluation_id, reason, raised_at) VALUES (@id, @reason, @now);
            UPDATE qa_evaluations SET state = 'disputed' WHERE id = @id;
            """, new { id, reason = reason.Trim(), now = now.UtcDateTime }, tx, cancellationToken: ct));
        await LogAsync(connection, tx, id, agent, now, "disputed", new { reason = reason.Trim() });
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// A second Qa or a supervisor decides a dispute: upheld (the score stands) or amended (the answers replaced on the same
    /// form version and scored again). Final: a decided evaluation cannot be disputed or decided again.
    /// </summary>
    public async Task DecideAsync(QualityViewer viewer, Guid id, bool amend, IReadOnlyList<ItemAnswer>? answers, string? note, DateTimeOffset now,
        CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(note)) throw new QualityRefusedException(QualityRefusal.ReasonRequired);
        var evaluation = await FindAsync(id, ct) ?? throw new QualityRefusedException(QualityRefusal.NotFound);
        if (!viewer.MayDecide(evaluation.CampaignId, evaluation.Scorer)) throw new QualityRefusedException(QualityRefusal.NotAllowed);
        if (ScorerAssignment.IsSelf(viewer.UserId, evaluation.Agent)) throw new QualityRefusedException(QualityRefusal.OwnCall);
        if (evaluation.State != EvaluationState.Disputed) throw new QualityRefusedException(QualityRefusal.NotDisputed);
        var form = (await forms.VersionAsync(evaluation.FormId, evaluation.FormVersion, ct))!;
        EvaluationScore? rescored = null;
        if (amend)
        {
            var call = await calls.FindAsync(evaluation.CallId, ct);
            if (answers is null || EvaluationScoring.Check(form, answers, call?.TalkSeconds) is { Count: > 0 })
                throw new AnswersInvalidException(answers is null ? [new AnswerError("", AnswerProblem.Unanswered, "")] : EvaluationScoring.Check(form, answers, call?.TalkSeconds));
            rescored = EvaluationScoring.Score(form, answers);
        }

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var updated = await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE qa_disputes SET decided_by = @user, decided_at = @now, decision = @decision, decision_note = @note, score_before = @before
            WHERE evaluation_id = @id AND decided_by IS NULL
            """, new { id, user = viewer.UserId, now = now.UtcDateTime, decision = amend ? "amended" : "upheld", note = note.Trim(), before = evaluation.Score },
            tx, cancellationToken: ct));
        if (updated != 1) throw new QualityRefusedException(QualityRefusal.NotDisputed);
        await connection.ExecuteAsync(new CommandDefinition(rescored is null
            ? "UPDATE qa_evaluations SET state = 'decided' WHERE id = @id"
            : "UPDATE qa_evaluations SET state = 'decided', answers = @answers::jsonb, score = @score, band = @band, critical_failed = @critical WHERE id = @id",
            new
            {
                id, answers = answers is null ? null : QualityJson.Write(answers), score = rescored?.Score, band = rescored is null ? null : BandCode(rescored.Band),
                critical = rescored?.CriticalFailed,
            }, tx, cancellationToken: ct));
        await LogAsync(connection, tx, id, viewer.UserId, now, amend ? "amended" : "upheld",
            new { note = note.Trim(), before = evaluation.Score, after = rescored?.Score ?? evaluation.Score });
        await tx.CommitAsync(ct);
        if (rescored is not null && await calls.FindAsync(evaluation.CallId, ct) is { } c) await ProposeRuleOneAsync(id, c, form, rescored, ct);
    }

    public async Task<IReadOnlyList<EvaluationLogEntry>> LogAsync(Guid id, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<(DateTime At, Guid? Actor, string? Name, string Action, string Detail)>(new CommandDefinition("""
            SELECT l.at, l.actor, u.display_name, l.action, l.detail::text FROM qa_evaluation_log l LEFT JOIN users u ON u.id = l.actor
            WHERE l.evaluation_id = @id ORDER BY l.id
            """, new { id }, cancellationToken: ct));
        return rows.Select(r => new EvaluationLogEntry(QualityCalls.Utc(r.At), r.Actor, r.Name, r.Action, r.Detail)).ToList();
    }

    /// <summary>Whether a call has an evaluation outside calibration (Hr and the agent may then hear it).</summary>
    public async Task<bool> IsEvaluatedAsync(Guid callId, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM qa_evaluations WHERE call_id = @callId AND calibration_id IS NULL)", new { callId }, cancellationToken: ct));
    }

    /// <summary>Proposes rule 1 when the service-language item failed; an agent without a staff record (no payroll) is only logged.</summary>
    private async Task ProposeRuleOneAsync(Guid id, QualityCall call, EvaluationForm form, EvaluationScore score, CancellationToken ct)
    {
        if (!score.FailedTopics(form).Contains(CriticalTopic.ServiceLanguage) || !Guid.TryParse(call.Agent, out var agent)) return;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT EXISTS (SELECT 1 FROM workforce_agents WHERE id = @agent)", new { agent },
                cancellationToken: ct)))
        {
            logger.LogWarning("Evaluation {Evaluation} failed the service-language item, but agent {Agent} has no staff record: rule 1 not proposed", id, call.Agent);
            return;
        }
        var item = form.Items.First(i => i.Topic == CriticalTopic.ServiceLanguage && score.FailedCriticalItems.Contains(i.Key)).Label;
        await new Deductions(dataSource).ProposeAsync(
            [ServiceLanguageProposal.Propose(id, new AgentId(agent), time.Day(call.ConnectedAt), score.Score, item, call.CampaignCode)], ct);
    }

    private static async Task<string> OwnStateAsync(NpgsqlConnection connection, NpgsqlTransaction tx, Guid agent, Guid id, CancellationToken ct)
    {
        var row = await connection.QuerySingleOrDefaultAsync<(string Agent, string State)?>(new CommandDefinition(
            "SELECT agent, state FROM qa_evaluations WHERE id = @id AND calibration_id IS NULL FOR UPDATE", new { id }, tx, cancellationToken: ct));
        if (row is null) throw new QualityRefusedException(QualityRefusal.NotFound);
        if (row.Value.Agent != agent.ToString()) throw new QualityRefusedException(QualityRefusal.NotYours);
        return row.Value.State;
    }

    private static Task LogAsync(NpgsqlConnection connection, NpgsqlTransaction tx, Guid id, Guid? actor, DateTimeOffset now, string action, object detail) =>
        connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO qa_evaluation_log (evaluation_id, actor, at, action, detail) VALUES (@id, @actor, @now, @action, @detail::jsonb)",
            new { id, actor, now = now.UtcDateTime, action, detail = JsonSerializer.Serialize(detail) }, tx));

    private async Task<IReadOnlyList<EvaluationView>> QueryAsync(string where, object args, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<EvaluationRow>(new CommandDefinition($"""
            SELECT e.id, e.call_id, e.campaign_id, c.code, e.agent, coalesce(a.display_name, e.agent) AS agent_name, e.scorer,
                   s.display_name AS scorer_name, e.form_id, e.form_version, e.plan_id, e.calibration_id, e.answers::text AS answers, e.score, e.band,
                   e.critical_failed, e.state, e.call_at, e.submitted_at, e.acknowledged_at,
                   d.reason, d.raised_at, d.decided_by, dd.display_name AS decider_name, d.decided_at, d.decision, d.decision_note, d.score_before
            FROM qa_evaluations e JOIN campaigns c ON c.id = e.campaign_id
            LEFT JOIN users a ON a.id::text = e.agent JOIN users s ON s.id = e.scorer
            LEFT JOIN qa_disputes d ON d.evaluation_id = e.id LEFT JOIN users dd ON dd.id = d.decided_by
            WHERE {where} ORDER BY e.call_at DESC
            """, args, cancellationToken: ct));
        return rows.Select(r => r.ToView()).ToList();
    }

    public static string BandCode(Band band) => band switch
    {
        Band.Excellent => "excellent",
        Band.Good => "good",
        Band.Pass => "pass",
        _ => "fail",
    };

    public static Band ParseBand(string code) => code switch
    {
        "excellent" => Band.Excellent,
        "good" => Band.Good,
        "pass" => Band.Pass,
        _ => Band.Fail,
    };

    private sealed record EvaluationRow(Guid id, Guid call_id, Guid campaign_id, string code, string agent, string agent_name, Guid scorer,
        string scorer_name, Guid form_id, int form_version, Guid? plan_id, Guid? calibration_id, string answers, decimal score, string band,
        bool critical_failed, string state, DateTime call_at, DateTime submitted_at, DateTime? acknowledged_at, string? reason, DateTime? raised_at,
        Guid? decided_by, string? decider_name, DateTime? decided_at, string? decision, string? decision_note, decimal? score_before)
    {
        public EvaluationView ToView() => new(id, call_id, campaign_id, code, agent, agent_name, scorer, scorer_name, form_id, form_version, plan_id,
            calibration_id, QualityJson.Read<List<ItemAnswer>>(answers), score, ParseBand(band), critical_failed, Enum.Parse<EvaluationState>(state, true),
            QualityCalls.Utc(call_at), QualityCalls.Utc(submitted_at), acknowledged_at is { } ack ? QualityCalls.Utc(ack) : null,
            reason is null ? null : new EvaluationDispute(reason, QualityCalls.Utc(raised_at!.Value), decided_by, decider_name,
                decided_at is { } at ? QualityCalls.Utc(at) : null, decision, decision_note, score_before));
    }
}
