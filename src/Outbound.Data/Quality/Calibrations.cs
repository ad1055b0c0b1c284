using Dapper;
using Npgsql;
using Outbound.Core.Quality;

namespace Outbound.Data.Quality;

public sealed record CalibrationSession(Guid Id, Guid CampaignId, string CampaignCode, string Name, Guid FormId, Guid LeadId, string LeadName,
    Guid? ExpertId, decimal Tolerance, DateTimeOffset CreatedAt, DateTimeOffset? ClosedAt, IReadOnlyList<Guid> Calls,
    IReadOnlyList<(Guid Id, string Name)> Scorers, int Scores)
{
    public bool Open => ClosedAt is null;
    public int Expected => Calls.Count * Scorers.Count;
}

/// <summary>
/// Calibration sessions (校准). The lead Qa picks calls of a campaign and the scorers (the lead may be one, and the expert);
/// each scores every call blind — nobody sees another's scores while the session is open, except the lead, who follows
/// progress. Closing shows everyone the analysis (<see cref="CalibrationAnalysis"/>).
/// </summary>
public sealed class Calibrations(NpgsqlDataSource dataSource, QualityForms forms)
{
    public const int MaxCalls = 20;

    public async Task<Guid> CreateAsync(QualityViewer viewer, Guid campaign, string name, IReadOnlyCollection<Guid> callIds, IReadOnlyCollection<Guid> scorers,
        Guid? expert, decimal tolerance, DateTimeOffset now, CancellationToken ct = default)
    {
        if (viewer.Role != QualityRole.Qa || !viewer.MayManage(campaign)) throw new QualityRefusedException(QualityRefusal.NotAllowed);
        if (string.IsNullOrWhiteSpace(name) || callIds.Count is 0 or > MaxCalls || scorers.Count < 2 || tolerance is <= 0 or > 100
            || expert is { } e && !scorers.Contains(e))
            throw new QualityRefusedException(QualityRefusal.NotAllowed, "a session needs a name, 1–20 calls, two scorers or more and a tolerance of 0–100");
        var form = await forms.ForCampaignAsync(campaign, ct) ?? throw new QualityRefusedException(QualityRefusal.FormChanged);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var known = await connection.ExecuteScalarAsync<int>(new CommandDefinition("""
            SELECT (SELECT count(*) FROM call_records WHERE id = ANY(@calls) AND campaign_id = @campaign AND recording_path IS NOT NULL)
                 + (SELECT count(*) FROM inbound_calls WHERE id = ANY(@calls) AND campaign_id = @campaign AND recording_path IS NOT NULL)
            """, new { calls = callIds.ToArray(), campaign }, cancellationToken: ct));
        if (known != callIds.Count) throw new QualityRefusedException(QualityRefusal.NotRecorded);
        var id = Guid.CreateVersion7();
        await using var tx = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO qa_calibrations (id, tenant_id, campaign_id, name, form_id, lead_id, expert_id, tolerance, created_at)
            SELECT @id, tenant_id, id, @name, @form, @lead, @expert, @tolerance, @now FROM campaigns WHERE id = @campaign;
            INSERT INTO qa_calibration_calls (calibration_id, call_id) SELECT @id, unnest(@calls);
            INSERT INTO qa_calibration_scorers (calibration_id, user_id) SELECT @id, unnest(@scorers);
            """, new
        {
            id, campaign, name = name.Trim(), form = form.Id, lead = viewer.UserId, expert, tolerance, now = now.UtcDateTime,
            calls = callIds.ToArray(), scorers = scorers.ToArray(),
        }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return id;
    }

    public async Task CloseAsync(QualityViewer viewer, Guid id, DateTimeOffset now, CancellationToken ct = default)
    {
        var session = await FindAsync(id, ct) ?? throw new QualityRefusedException(QualityRefusal.NotFound);
        if (session.LeadId != viewer.UserId) throw new QualityRefusedException(QualityRefusal.NotAllowed);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("UPDATE qa_calibrations SET closed_at = @now WHERE id = @id AND closed_at IS NULL",
            new { id, now = now.UtcDateTime }, cancellationToken: ct));
    }

    public async Task<CalibrationSession?> FindAsync(Guid id, CancellationToken ct = default) =>
        (await QueryAsync("k.id = @id", [("id", id)], ct)).FirstOrDefault();

    /// <summary>The sessions the viewer leads, scores in, or may read the results of.</summary>
    public async Task<IReadOnlyList<CalibrationSession>> ListAsync(QualityViewer viewer, CancellationToken ct = default) =>
        (await QueryAsync("true", [], ct)).Where(s => MaySee(viewer, s)).ToList();

    public static bool MaySee(QualityViewer viewer, CalibrationSession s) =>
        s.LeadId == viewer.UserId || s.Scorers.Any(x => x.Id == viewer.UserId) || viewer.MayReadResults(s.CampaignId);

    /// <summary>
    /// The blind scores a viewer may see: while open, only their own (the lead sees who has scored, not what);
    /// once closed, everyone's, with the analysis.
    /// </summary>
    public async Task<(IReadOnlyList<CalibrationScore> Scores, CalibrationResult? Result)> ScoresAsync(QualityViewer viewer, CalibrationSession session,
        CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<(Guid Call, Guid Scorer, decimal Score, string Answers)>(new CommandDefinition(
            "SELECT call_id, scorer, score, answers::text FROM qa_evaluations WHERE calibration_id = @id", new { id = session.Id }, cancellationToken: ct));
        var form = await forms.FindAsync(session.FormId, ct);
        var scores = rows.Select(r => new CalibrationScore(r.Call, r.Scorer, (double)r.Score, ItemValues(QualityJson.Read<List<ItemAnswer>>(r.Answers), form?.Form)))
            .ToList();
        if (session.Open) return (scores.Where(s => s.Scorer == viewer.UserId).ToList(), null);
        return (scores, CalibrationAnalysis.Analyze(scores, (double)session.Tolerance, session.ExpertId));
    }

    /// <summary>Per item, the share of its maximum the scorer gave (0–1), so yes/no and scales compare alike; N/A is missing.</summary>
    private static IReadOnlyDictionary<string, double?> ItemValues(IReadOnlyList<ItemAnswer> answers, EvaluationForm? form) =>
        answers.ToDictionary(a => a.Key, a => a.NotApplicable || a.Value is null ? null
            : form?.Item(a.Key) is { Kind: not ItemKind.Deduction, MaxValue: > 0 } item ? (double?)((double)a.Value.Value / item.MaxValue) : (double)a.Value.Value);

    private async Task<IReadOnlyList<CalibrationSession>> QueryAsync(string where, (string Name, object Value)[] args, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand($"""
            SELECT k.id, k.campaign_id, c.code, k.name, k.form_id, k.lead_id, l.display_name, k.expert_id, k.tolerance, k.created_at, k.closed_at,
                   ARRAY(SELECT call_id FROM qa_calibration_calls WHERE calibration_id = k.id ORDER BY call_id),
                   ARRAY(SELECT s.user_id FROM qa_calibration_scorers s JOIN users u ON u.id = s.user_id WHERE s.calibration_id = k.id ORDER BY u.display_name, u.id),
                   ARRAY(SELECT u.display_name::text FROM qa_calibration_scorers s JOIN users u ON u.id = s.user_id WHERE s.calibration_id = k.id ORDER BY u.display_name, u.id),
                   (SELECT count(*)::int FROM qa_evaluations e WHERE e.calibration_id = k.id)
            FROM qa_calibrations k JOIN campaigns c ON c.id = k.campaign_id JOIN users l ON l.id = k.lead_id
            WHERE {where} ORDER BY k.created_at DESC
            """, connection);
        foreach (var (name, value) in args) cmd.Parameters.AddWithValue(name, value);
        var sessions = new List<CalibrationSession>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            sessions.Add(new CalibrationSession(r.GetGuid(0), r.GetGuid(1), r.GetString(2), r.GetString(3), r.GetGuid(4), r.GetGuid(5), r.GetString(6),
                r.IsDBNull(7) ? null : r.GetGuid(7), r.GetDecimal(8), QualityCalls.Utc(r.GetDateTime(9)), r.IsDBNull(10) ? null : QualityCalls.Utc(r.GetDateTime(10)),
                r.GetFieldValue<Guid[]>(11), r.GetFieldValue<Guid[]>(12).Zip(r.GetFieldValue<string[]>(13)).ToList(), r.GetInt32(14)));
        return sessions;
    }
}
