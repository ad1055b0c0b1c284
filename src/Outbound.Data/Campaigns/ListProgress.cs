using Npgsql;
using Outbound.Core.Campaigns;

namespace Outbound.Data.Campaigns;

/// <summary>
/// Where a campaign's call list stands, in leads by dial status: not yet dialled, waiting for a retry, booked for a
/// callback, being dialled, finished and removed as do-not-call. Numbers an agent dialled by hand are not part of the list.
/// </summary>
public sealed record ListProgress(long Total, long Fresh, long Retry, long Callback, long Dialing, long Done, long Dnc)
{
    /// <summary>The share of the list that will not be dialled again.</summary>
    public double Finished => Total == 0 ? 0 : (double)(Done + Dnc) / Total;
}

/// <summary>Counts a campaign's leads by status: an index-only count of leads_callable, a fraction of a second at a million leads.</summary>
public sealed class ListProgressQueries(NpgsqlDataSource dataSource)
{
    public async Task<ListProgress> OfCampaignAsync(CampaignId campaign, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand(
            "SELECT status, count(*) FROM leads WHERE campaign_id = @c AND status <> 'manual' GROUP BY status");
        cmd.Parameters.AddWithValue("c", campaign.Value);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) counts[reader.GetString(0)] = reader.GetInt64(1);
        long Of(string status) => counts.GetValueOrDefault(status);
        return new ListProgress(counts.Values.Sum(), Of("new"), Of("retry"), Of("callback"), Of("dialing"), Of("done"), Of("dnc"));
    }
}
