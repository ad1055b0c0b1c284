using Dapper;
using Npgsql;
using Outbound.Core.Campaigns;
using Outbound.Core.Pacing;
using Outbound.Core.Tenants;

namespace Outbound.Data.Dialing;

/// <summary>One stored notice about a campaign's pacing (<c>campaign_notices</c>).</summary>
public sealed record StoredNotice(PacingNoticeKind Kind, DateTimeOffset At, double AbandonRate, double FalsePositiveRate);

/// <summary>A campaign whose latest pacing notice still stands: dialing fell back, or the detector is off.</summary>
public sealed record OpenNotice(Guid CampaignId, string Code, string Name, PacingNoticeKind Kind, DateTimeOffset At);

/// <summary>The pacing notices the dialer raises for a campaign's manager, kept per campaign.</summary>
public sealed class CampaignNotices(NpgsqlDataSource dataSource)
{
    public static string Code(PacingNoticeKind kind) => kind switch
    {
        PacingNoticeKind.CapFallback => "cap_fallback",
        PacingNoticeKind.PredictiveResumed => "predictive_resumed",
        PacingNoticeKind.DetectorOff => "detector_off",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static PacingNoticeKind KindOf(string code) => Enum.GetValues<PacingNoticeKind>().Single(k => Code(k) == code);

    public async Task AddAsync(TenantId tenant, CampaignId campaign, PacingNotice notice, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO campaign_notices (tenant_id, campaign_id, kind, at, abandon_rate, false_positive_rate)
            VALUES (@tenant, @campaign, @kind, @at, @rate, @fp)
            """, new { tenant = tenant.Value, campaign = campaign.Value, kind = Code(notice.Kind), at = notice.At.UtcDateTime,
            rate = notice.Rate, fp = notice.FalsePositiveRate }, cancellationToken: ct));
    }

    /// <summary>The campaign's latest notices, newest first.</summary>
    public async Task<IReadOnlyList<StoredNotice>> RecentAsync(CampaignId campaign, int limit = 20, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<(string Kind, DateTime At, double Rate, double Fp)>(new CommandDefinition("""
            SELECT kind, at, abandon_rate, false_positive_rate FROM campaign_notices
            WHERE campaign_id = @campaign ORDER BY at DESC, id DESC LIMIT @limit
            """, new { campaign = campaign.Value, limit }, cancellationToken: ct));
        return rows.Select(r => new StoredNotice(KindOf(r.Kind), new DateTimeOffset(DateTime.SpecifyKind(r.At, DateTimeKind.Utc)), r.Rate, r.Fp)).ToList();
    }

    /// <summary>
    /// Campaigns (of the given ones) whose dialing is in fall-back (the last cap notice is a fall-back) or whose detector
    /// the dialer turned off, each with the notice that opened it, since <paramref name="since"/>.
    /// </summary>
    public async Task<IReadOnlyList<OpenNotice>> OpenAsync(IReadOnlyCollection<Guid> campaigns, DateTimeOffset since, CancellationToken ct = default)
    {
        if (campaigns.Count == 0) return [];
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<(Guid Campaign, string Code, string Name, string Kind, DateTime At)>(new CommandDefinition("""
            SELECT c.id, c.code, c.name, n.kind, n.at FROM campaigns c
            JOIN LATERAL (SELECT kind, at FROM campaign_notices
                          WHERE campaign_id = c.id AND kind IN ('cap_fallback', 'predictive_resumed') AND at >= @since
                          ORDER BY at DESC, id DESC LIMIT 1) n ON n.kind = 'cap_fallback'
            WHERE c.id = ANY(@campaigns)
            UNION ALL
            SELECT c.id, c.code, c.name, n.kind, n.at FROM campaigns c
            JOIN LATERAL (SELECT kind, at FROM campaign_notices
                          WHERE campaign_id = c.id AND kind = 'detector_off' AND at >= @since
                          ORDER BY at DESC, id DESC LIMIT 1) n ON true
            WHERE c.id = ANY(@campaigns)
            ORDER BY 5 DESC
            """, new { campaigns = campaigns.ToArray(), since = since.UtcDateTime }, cancellationToken: ct));
        return rows.Select(r => new OpenNotice(r.Campaign, r.Code, r.Name, KindOf(r.Kind), new DateTimeOffset(DateTime.SpecifyKind(r.At, DateTimeKind.Utc)))).ToList();
    }
}
