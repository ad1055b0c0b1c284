using Dapper;
using Npgsql;
using Outbound.Core.Quality;

namespace Outbound.Data.Quality;

/// <summary>A campaign's quality over a period, as the client report shows it.</summary>
public sealed record QualitySummary(int Sampled, int Evaluated, double? MeanScore, IReadOnlyDictionary<Band, int> Bands,
    IReadOnlyList<(string Range, int Count)> Distribution, int CriticalFailed, XmrChart WeeklyChart)
{
    public static readonly (int From, int To)[] Buckets = [(0, 60), (60, 70), (70, 80), (80, 90), (90, 101)];
}

/// <summary>Reads <see cref="QualitySummary"/>: evaluations of calls in the period (calibration excluded) and the calls its plans sampled.</summary>
public sealed class QualitySummaries(NpgsqlDataSource dataSource, QualityCharts charts, CenterTime time)
{
    public async Task<QualitySummary> LoadAsync(Guid campaign, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var start = time.ToUtc(from.ToDateTime(TimeOnly.MinValue));
        var end = time.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = (await connection.QueryAsync<(decimal Score, string Band, bool Critical)>(new CommandDefinition("""
            SELECT score, band, critical_failed FROM qa_evaluations
            WHERE campaign_id = @campaign AND calibration_id IS NULL AND call_at >= @start AND call_at < @end
            """, new { campaign, start, end }, cancellationToken: ct))).ToList();
        var sampled = await connection.ExecuteScalarAsync<int>(new CommandDefinition("""
            SELECT count(*)::int FROM qa_plan_calls pc JOIN qa_plans p ON p.id = pc.plan_id
            WHERE p.campaign_id = @campaign AND p.period_from <= @to AND p.period_to >= @from
            """, new { campaign, from, to }, cancellationToken: ct));
        var chart = (await charts.PerCampaignAsync(ChartMetric.QaScore, ChartPeriod.Week, new DateTimeOffset(start, TimeSpan.Zero),
            new DateTimeOffset(end, TimeSpan.Zero), [campaign], ct)).FirstOrDefault()?.Chart ?? XmrChart.Of([]);
        return new QualitySummary(sampled, rows.Count, rows.Count == 0 ? null : (double)rows.Average(r => r.Score),
            Enum.GetValues<Band>().ToDictionary(b => b, b => rows.Count(r => Evaluations.ParseBand(r.Band) == b)),
            QualitySummary.Buckets.Select(k => ($"{k.From}–{Math.Min(k.To, 100)}", rows.Count(r => r.Score >= k.From && r.Score < k.To))).ToList(),
            rows.Count(r => r.Critical), chart);
    }
}
