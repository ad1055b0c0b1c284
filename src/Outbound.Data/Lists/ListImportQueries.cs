using Npgsql;
using Outbound.Core.Campaigns;
using Outbound.Core.Tenants;

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
    private readonly NpgsqlDataSource _dataSource = dataSource;

    public Task<ListImportSummary?> GetAsync(TenantId tenant, Guid importId, CancellationToken ct = default) =>
        throw new NotImplementedException();

    public Task<IReadOnlyList<ListImportSummary>> RecentAsync(TenantId tenant, CampaignId campaign, int limit = 20, CancellationToken ct = default) =>
        throw new NotImplementedException();

    /// <summary>Writes the rejected rows as CSV (UTF-8 with BOM so Excel shows Chinese): line, reason, detail, raw.</summary>
    public Task<int> WriteRejectsCsvAsync(TenantId tenant, Guid importId, Stream output, CancellationToken ct = default) =>
        throw new NotImplementedException();
}
