using Outbound.Core.Campaigns;
using Outbound.Core.Lists;
using Outbound.Core.Tenants;

namespace Outbound.Data.Lists;

/// <summary>
/// One upload of a call list into a campaign. <see cref="ColumnOverrides"/> are manual choices,
/// field key → header text or "#n" (1-based column), applied over the automatic mapping.
/// </summary>
public sealed record ListImportRequest(
    TenantId Tenant,
    CampaignId Campaign,
    string FileName,
    ListEncodingChoice Encoding = ListEncodingChoice.Auto,
    IReadOnlyDictionary<string, string>? ColumnOverrides = null,
    string? CreatedBy = null);

/// <summary>
/// Live progress of an import, for the upload page's bar: BytesRead / TotalBytes when the size is known.
/// Reading and writing go on together (a pipeline), so LeadsWritten climbs a few thousand rows behind RowsRead.
/// </summary>
public sealed record ListImportProgress(Guid ImportId, long RowsRead, long BytesRead, long? TotalBytes, long LeadsWritten = 0);

/// <summary>
/// The totals of a finished import. Rows = Imported + Rejected (blank rows are not counted);
/// Duplicates and Dnc are the parts of Rejected for those reasons.
/// </summary>
public sealed record ListImportResult(
    Guid ImportId,
    string Encoding,
    int Rows,
    int Imported,
    int Rejected,
    int Duplicates,
    int Dnc,
    TimeSpan Elapsed);

/// <summary>
/// The import did not happen and left no leads behind. <see cref="ImportId"/> names the failed
/// <c>list_imports</c> row (status failed, with the error) when one could be recorded.
/// </summary>
public sealed class ListImportFailedException(string message, Guid? importId, Exception? inner = null) : Exception(message, inner)
{
    public Guid? ImportId { get; } = importId;
}
