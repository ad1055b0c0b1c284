using Outbound.Core.Exports;
using Outbound.Data.Campaigns;

namespace Outbound.Data.Lists;

/// <summary>The rejected rows of an import as the CSV that the web page and the CLI hand out: line, reason, detail, raw, in line order.</summary>
public static class RejectReport
{
    /// <returns>The number of rows written.</returns>
    public static async Task<int> WriteAsync(IAsyncEnumerable<ImportReject> rejects, Stream output, CancellationToken ct = default)
    {
        await using var csv = new SpreadsheetCsv(output);
        await csv.WriteRowAsync("line", "reason", "detail", "raw");
        var count = 0;
        await foreach (var reject in rejects.WithCancellation(ct))
        {
            await csv.WriteRowAsync(CsvCell.Number(reject.LineNumber), reject.Reason, reject.Detail, reject.Raw);
            count++;
        }
        return count;
    }
}
