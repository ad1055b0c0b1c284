using Npgsql;
using Outbound.Core.Quality;

namespace Outbound.Data.Quality;

public enum ChartPeriod
{
    Week,
    Month,
}

public enum ChartMetric
{
    /// <summary>Mean QA score of the period's evaluated calls.</summary>
    QaScore,
    /// <summary>Average handle time (talk + after-call work), seconds, of the period's connected calls.</summary>
    HandleTime,
}

/// <summary>One subject's chart (an agent, a team or a campaign's floor) and the number of values behind each point.</summary>
public sealed record SubjectChart(string Subject, string Name, XmrChart Chart, IReadOnlyList<int> Counts);

/// <summary>
/// The series behind the control charts (控制图): per agent, per team or for a whole campaign, one value per week or month
/// — the mean QA score, or the average handle time — in the call centre's calendar, grouped in PostgreSQL; then one
/// <see cref="XmrChart"/> per subject. Calibration scores never count.
/// </summary>
public sealed class QualityCharts(NpgsqlDataSource dataSource)
{
    /// <summary>Charts per agent, of the agents given (null: every agent with values), over [from, to).</summary>
    public Task<IReadOnlyList<SubjectChart>> PerAgentAsync(ChartMetric metric, ChartPeriod period, DateTimeOffset from, DateTimeOffset to,
        IReadOnlyCollection<Guid>? campaigns, IReadOnlyCollection<string>? agents = null, CancellationToken ct = default) =>
        SeriesAsync(metric, period, from, to, campaigns, agents, "x.agent", "coalesce(u.display_name, x.agent)", "LEFT JOIN users u ON u.id::text = x.agent", ct);

    /// <summary>Charts per team (workforce teams), over the team members' calls.</summary>
    public Task<IReadOnlyList<SubjectChart>> PerTeamAsync(ChartMetric metric, ChartPeriod period, DateTimeOffset from, DateTimeOffset to,
        IReadOnlyCollection<Guid>? campaigns, CancellationToken ct = default) =>
        SeriesAsync(metric, period, from, to, campaigns, null, "t.id::text", "t.name",
            "JOIN workforce_agents w ON w.id::text = x.agent JOIN workforce_teams t ON t.id = w.team_id", ct);

    /// <summary>One chart per campaign: the whole floor of the campaign (the client report's team chart).</summary>
    public Task<IReadOnlyList<SubjectChart>> PerCampaignAsync(ChartMetric metric, ChartPeriod period, DateTimeOffset from, DateTimeOffset to,
        IReadOnlyCollection<Guid> campaigns, CancellationToken ct = default) =>
        SeriesAsync(metric, period, from, to, campaigns, null, "x.campaign_id::text", "c.code", "JOIN campaigns c ON c.id = x.campaign_id", ct);

    private async Task<IReadOnlyList<SubjectChart>> SeriesAsync(ChartMetric metric, ChartPeriod period, DateTimeOffset from, DateTimeOffset to,
        IReadOnlyCollection<Guid>? campaigns, IReadOnlyCollection<string>? agents, string subject, string name, string join, CancellationToken ct)
    {
        var unit = period == ChartPeriod.Week ? "week" : "month";
        var source = metric == ChartMetric.QaScore
            ? "SELECT campaign_id, agent, call_at AS at, score::float8 AS value FROM qa_evaluations WHERE calibration_id IS NULL AND call_at >= @from AND call_at < @to"
            : """
              SELECT campaign_id, agent, connected_at AS at, extract(epoch FROM coalesce(wrap_ended_at, ended_at) - connected_at)::float8 AS value
              FROM call_records WHERE agent IS NOT NULL AND connected_at IS NOT NULL AND started_at >= @from AND started_at < @to
              UNION ALL
              SELECT campaign_id, agent, connected_at, extract(epoch FROM coalesce(wrap_ended_at, ended_at) - connected_at)::float8
              FROM inbound_calls WHERE agent IS NOT NULL AND connected_at IS NOT NULL AND arrived_at >= @from AND arrived_at < @to
              """;
        await using var cmd = dataSource.CreateCommand($"""
            SELECT {subject} AS subject, {name} AS name, date_trunc('{unit}', x.at AT TIME ZONE '{CenterTime.ChinaZoneId}') AS bucket,
                   avg(x.value) AS value, count(*)::int AS n
            FROM ({source}) x {join}
            WHERE (@campaigns::uuid[] IS NULL OR x.campaign_id = ANY(@campaigns)) AND (@agents::text[] IS NULL OR x.agent = ANY(@agents))
            GROUP BY 1, 2, 3 ORDER BY 1, 3
            """);
        cmd.Parameters.AddWithValue("from", from.UtcDateTime);
        cmd.Parameters.AddWithValue("to", to.UtcDateTime);
        cmd.Parameters.AddWithValue("campaigns", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Uuid, (object?)campaigns?.ToArray() ?? DBNull.Value);
        cmd.Parameters.AddWithValue("agents", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text, (object?)agents?.ToArray() ?? DBNull.Value);
        var charts = new List<SubjectChart>();
        string? current = null, currentName = null;
        var values = new List<ChartInput>();
        var counts = new List<int>();
        void Flush()
        {
            if (current is not null) charts.Add(new SubjectChart(current, currentName!, XmrChart.Of(values.ToList()), counts.ToList()));
            values.Clear();
            counts.Clear();
        }
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
            {
                var s = r.GetString(0);
                if (s != current)
                {
                    Flush();
                    (current, currentName) = (s, r.GetString(1));
                }
                var bucket = r.GetDateTime(2);
                values.Add(new ChartInput(period == ChartPeriod.Week ? bucket.ToString("yyyy-MM-dd") : bucket.ToString("yyyy-MM"), r.GetDouble(3)));
                counts.Add(r.GetInt32(4));
            }
        Flush();
        return charts;
    }
}
