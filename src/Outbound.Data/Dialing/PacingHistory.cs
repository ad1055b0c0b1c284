using Dapper;
using Npgsql;
using Outbound.Core.Campaigns;
using Outbound.Core.Pacing;

namespace Outbound.Data.Dialing;

/// <summary>
/// What a starting campaign learns from its own call records, so that a restart (or a new day) does not forget: the
/// live calls of its abandon window per minute, its detector's checked verdicts, and its recent call figures as the prior
/// of its measurements.
/// </summary>
/// <param name="Window">Live calls per minute inside the window, oldest first (stamped with the minute's end).</param>
/// <param name="Prior">Recent figures, or null when there are too few calls to lean on.</param>
public sealed record PacingHistory(
    IReadOnlyList<WindowCalls> Window,
    DetectorHistory Detector,
    CallStatistics? Prior);

/// <summary>The detector's verdicts over the last 30 days and what agents found on those they heard.</summary>
public sealed record DetectorHistory(long MachineVerdicts, long CheckedMachineVerdicts, long HumansAmongMachineVerdicts, long PassedHumans);

public sealed class PacingHistoryQuery(NpgsqlDataSource dataSource)
{
    /// <summary>The disposition an agent gives an answering machine put through to it (every outbound campaign has it).</summary>
    public const string AnsweringMachine = Disposition.AnsweringMachineCode;

    private const int MinCallsForPrior = 200;

    public async Task<PacingHistory> LoadAsync(CampaignId campaign, DateTimeOffset now, TimeSpan window, CallStatistics fallbackPrior,
        CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        // Live calls as the window counts them: put through to an agent who did not find a machine, or abandoned.
        var minutes = await connection.QueryAsync<(DateTime At, int Connected, int Abandoned, int Passed)>(new CommandDefinition("""
            SELECT date_trunc('minute', ended_at) + interval '1 minute',
                   count(*) FILTER (WHERE connected_at IS NOT NULL),
                   count(*) FILTER (WHERE outcome = 'Abandoned'),
                   count(*) FILTER (WHERE amd_result = 'human')
            FROM call_records
            WHERE campaign_id = @campaign AND ended_at > @since AND ended_at <= @now
              AND (outcome = 'Abandoned' OR (connected_at IS NOT NULL AND coalesce(disposition, '') <> @machine))
            GROUP BY 1 ORDER BY 1
            """, new { campaign = campaign.Value, since = (now - window).UtcDateTime, now = now.UtcDateTime, machine = AnsweringMachine },
            cancellationToken: ct));
        var detector = await connection.QuerySingleAsync<(long Machine, long Checked, long Humans, long Passed)>(new CommandDefinition("""
            SELECT count(*) FILTER (WHERE amd_result = 'machine'),
                   count(*) FILTER (WHERE amd_result = 'machine' AND connected_at IS NOT NULL),
                   count(*) FILTER (WHERE amd_result = 'machine' AND connected_at IS NOT NULL AND coalesce(disposition, '') <> @machine),
                   count(*) FILTER (WHERE amd_result = 'human' AND connected_at IS NOT NULL AND coalesce(disposition, '') <> @machine)
            FROM call_records
            WHERE campaign_id = @campaign AND ended_at > @since AND ended_at <= @now
            """, new { campaign = campaign.Value, since = (now - TimeSpan.FromDays(30)).UtcDateTime, now = now.UtcDateTime, machine = AnsweringMachine },
            cancellationToken: ct));
        var figures = await connection.QuerySingleAsync<Figures>(new CommandDefinition("""
            SELECT count(*) AS Calls,
                   count(*) FILTER (WHERE connected_at IS NOT NULL OR outcome = 'Abandoned') AS NeedsAgent,
                   count(*) FILTER (WHERE outcome = 'Machine' AND connected_at IS NULL) AS Machine,
                   count(*) FILTER (WHERE outcome = 'Busy') AS Busy,
                   avg(extract(epoch FROM ended_at - connected_at))::float8 AS TalkMean,
                   stddev_samp(extract(epoch FROM ended_at - connected_at))::float8 AS TalkSd,
                   avg(extract(epoch FROM wrap_ended_at - ended_at))::float8 AS WrapMean,
                   stddev_samp(extract(epoch FROM wrap_ended_at - ended_at))::float8 AS WrapSd,
                   percentile_cont(0.05) WITHIN GROUP (ORDER BY extract(epoch FROM answered_at - started_at)) AS AnswerMin,
                   percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM answered_at - started_at)) AS AnswerMax
            FROM call_records
            WHERE campaign_id = @campaign AND ended_at > @since AND ended_at <= @now
            """, new { campaign = campaign.Value, since = (now - TimeSpan.FromDays(7)).UtcDateTime, now = now.UtcDateTime }, cancellationToken: ct));
        return new PacingHistory(
            minutes.Select(m => new WindowCalls(new DateTimeOffset(DateTime.SpecifyKind(m.At, DateTimeKind.Utc)), m.Connected, m.Abandoned, m.Passed)).ToList(),
            new DetectorHistory(detector.Machine, detector.Checked, detector.Humans, detector.Passed),
            figures.Calls < MinCallsForPrior ? null : figures.Prior(fallbackPrior));
    }

    private sealed record Figures(long Calls, long NeedsAgent, long Machine, long Busy, double? TalkMean, double? TalkSd,
        double? WrapMean, double? WrapSd, double? AnswerMin, double? AnswerMax)
    {
        public CallStatistics Prior(CallStatistics fallback) => fallback with
        {
            HumanAnswerRate = (double)NeedsAgent / Calls,
            MachineRate = (double)Machine / Calls,
            BusyRate = (double)Busy / Calls,
            MeanTalk = TalkMean is { } talk ? TimeSpan.FromSeconds(talk) : fallback.MeanTalk,
            TalkStdDev = TalkSd is { } talkSd ? TimeSpan.FromSeconds(talkSd) : fallback.TalkStdDev,
            MeanWrap = WrapMean is { } wrap ? TimeSpan.FromSeconds(wrap) : fallback.MeanWrap,
            WrapStdDev = WrapSd is { } wrapSd ? TimeSpan.FromSeconds(wrapSd) : fallback.WrapStdDev,
            MinAnswerDelay = AnswerMin is { } min ? TimeSpan.FromSeconds(min) : fallback.MinAnswerDelay,
            MaxAnswerDelay = AnswerMax is { } max ? TimeSpan.FromSeconds(max) : fallback.MaxAnswerDelay,
        };
    }
}
