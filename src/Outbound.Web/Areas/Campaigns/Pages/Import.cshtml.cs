using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outbound.Core.Tenants;
using Outbound.Data.Campaigns;

namespace Outbound.Web.Areas.Campaigns.Pages;

/// <summary>One import's result, its live status as JSON, and its rejected rows as a CSV download. Tenant-scoped: another tenant's import is a 404.</summary>
public sealed class ImportModel(CampaignImports imports, CampaignRepository campaigns, TenantScope scope) : PageModel
{
    public ImportSummary Import { get; private set; } = null!;
    public StoredCampaign Campaign { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await imports.FindAsync(id, scope, ct) is not { } import) return NotFound();
        if (await campaigns.FindAsync(import.CampaignId, scope, ct) is not { } campaign) return NotFound();
        (Import, Campaign) = (import, campaign);
        return Page();
    }

    public async Task<IActionResult> OnGetStatusAsync(Guid id, CancellationToken ct) =>
        await imports.FindAsync(id, scope, ct) is { } import
            ? new JsonResult(new { import.Status, import.Rows, import.Imported, import.Rejected, import.Duplicates, import.Dnc, import.Error })
            : NotFound();

    /// <summary>Every rejected row with its line number, reason and raw text; UTF-8 with BOM so that Excel shows Chinese.</summary>
    public async Task<IActionResult> OnGetRejectsAsync(Guid id, CancellationToken ct)
    {
        if (await imports.FindAsync(id, scope, ct) is not { } import) return NotFound();
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"rejects-{import.Id:N}.csv\"";
        await using var writer = new StreamWriter(Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        await writer.WriteLineAsync("line,reason,detail,raw");
        await foreach (var reject in imports.RejectsAsync(id, scope, ct))
            await writer.WriteLineAsync($"{reject.LineNumber},{Csv(reject.Reason)},{Csv(reject.Detail)},{Csv(reject.Raw)}");
        return new EmptyResult();
    }

    private static string Csv(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }
}
