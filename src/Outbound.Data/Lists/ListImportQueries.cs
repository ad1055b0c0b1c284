using Npgsql;
using Outbound.Core.Campaigns;
using Outbound.Core.Tenants;
using Outbound.Data.Campaigns;

namespace Outbound.Data.Lists;

/// <summary>One import as the upload and history pages show it.</summary>
public sealed record ListImportSummary(
    Guid ImportId,
    CampaignId Campaign,
    string FileName,
    string Encoding,
    string Status,
    string? Error,
    int Rows,
    int Imported,
    int Rejected,
    int Duplicates,
    int Dnc,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt);

/// <summary>Reads imports and their reject reports, always within one tenant.</summary>
public sealed class ListImportQueries(NpgsqlDataSource dataSource)
{
    private const string SummaryColumns = """
        id, campaign_id, file_name, encoding, status, error, rows, imported, rejected, duplicates, dnc, started_at, finished_at
        """;

    private readonly NpgsqlDataSource _dataSource = dataSource;

    public async Task<ListImportSummary?> GetAsync(TenantId tenant, Guid importId, CancellationToken ct = default)
    {
        await using var cmd = _dataSource.CreateCommand($"SELECT {SummaryColumns} FROM list_imports WHERE tenant_id = @t AND id = @id");
        cmd.Parameters.AddWithValue("t", tenant.Value);
        cmd.Parameters.AddWithValue("id", importId);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? ReadSummary(reader) : null;
    }

    public async Task<IReadOnlyList<ListImportSummary>> RecentAsync(TenantId tenant, CampaignId campaign, int limit = 20, CancellationToken ct = default)
    {
        await using var cmd = _dataSource.CreateCommand(
            $"SELECT {SummaryColumns} FROM list_imports WHERE tenant_id = @t AND campaign_id = @c ORDER BY started_at DESC LIMIT @n");
        cmd.Parameters.AddWithValue("t", tenant.Value);
        cmd.Parameters.AddWithValue("c", campaign.Value);
        cmd.Parameters.AddWithValue("n", limit);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var list = new List<ListImportSummary>();
        while (await reader.ReadAsync(ct)) list.Add(ReadSummary(reader));
        return list;
    }

    /// <summary>The rejected rows as the <see cref="RejectReport"/> CSV. Returns the number of rows written; 0 also for another tenant's import.</summary>
    public Task<int> WriteRejectsCsvAsync(TenantId tenant, Guid importId, Stream output, CancellationToken ct = default) =>
        RejectReport.WriteAsync(new CampaignImports(_dataSource).RejectsAsync(importId, TenantScope.For(tenant), ct), output, ct);

    private static ListImportSummary ReadSummary(NpgsqlDataReader r) => new(
        r.GetGuid(0), new CampaignId(r.GetGuid(1)), r.GetString(2), r.GetString(3), r.GetString(4),
        r.IsDBNull(5) ? null : r.GetString(5), r.GetInt32(6), r.GetInt32(7), r.GetInt32(8), r.GetInt32(9), r.GetInt32(10),
        r.GetFieldValue<DateTimeOffset>(11), r.IsDBNull(12) ? null : r.GetFieldValue<DateTimeOffset>(12));
}
