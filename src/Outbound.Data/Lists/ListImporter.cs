using Npgsql;
using Outbound.Core.Campaigns;
using Outbound.Core.Lists;
using Outbound.Core.Tenants;

namespace Outbound.Data.Lists;

/// <summary>
/// Loads a call list into a campaign in one transaction: records the import, reads existing
/// campaign numbers and DNC (global + tenant), streams parsed rows through binary COPY, COPYs the
/// rejects, then commits. Any failure rolls everything back and records the import as failed in a
/// separate transaction, so the user sees why and no half list is ever dialled.
/// </summary>
public sealed class ListImporter(NpgsqlDataSource dataSource, TimeProvider time)
{
    private readonly NpgsqlDataSource _dataSource = dataSource;
    private readonly TimeProvider _time = time;

    public Task<ListImportResult> ImportAsync(ListImportRequest request, Stream content,
        IProgress<ListImportProgress>? progress = null, CancellationToken ct = default) =>
        throw new NotImplementedException();

    /// <summary>The upload page's first look at a file: encoding, headers, suggested mapping, first rows.</summary>
    public Task<ListPreview> PreviewAsync(TenantId tenant, CampaignId campaign, ReadOnlyMemory<byte> head, bool isWholeFile,
        ListEncodingChoice encoding = ListEncodingChoice.Auto, CancellationToken ct = default) =>
        throw new NotImplementedException();
}
