using Npgsql;
using Outbound.Core.Campaigns;

namespace Outbound.Data.Desk;

/// <summary>A running hotline and the number customers call it on (the inbound campaign's caller id).</summary>
public sealed record Hotline(CampaignId Campaign, string Code, string Number);

/// <summary>Which numbers the running inbound campaigns answer: an inbound campaign's caller id is its hotline number.</summary>
public sealed class HotlineNumbers(NpgsqlDataSource dataSource)
{
    /// <summary>Running inbound campaigns that have a number, oldest first (so the older one keeps a number two campaigns claim).</summary>
    public async Task<IReadOnlyList<Hotline>> RunningAsync(CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            SELECT id, code, settings->>'callerId' FROM campaigns
            WHERE kind = 'Inbound' AND status = 'running' AND coalesce(settings->>'callerId', '') <> ''
            ORDER BY created_at, id
            """);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var hotlines = new List<Hotline>();
        while (await reader.ReadAsync(ct)) hotlines.Add(new Hotline(new CampaignId(reader.GetGuid(0)), reader.GetString(1), reader.GetString(2)));
        return hotlines;
    }
}
