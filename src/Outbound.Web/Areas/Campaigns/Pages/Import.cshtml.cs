using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outbound.Core.Tenants;
using Outbound.Data.Campaigns;
using Outbound.Data.Lists;

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

    /// <summary>Every rejected row with its line number, reason and raw text (<see cref="RejectReport"/>).</summary>
    public async Task<IActionResult> OnGetRejectsAsync(Guid id, CancellationToken ct)
    {
        if (await imports.FindAsync(id, scope, ct) is not { } import) return NotFound();
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"rejects-{import.Id:N}.csv\"";
        await RejectReport.WriteAsync(imports.RejectsAsync(id, scope, ct), Response.Body, ct);
        return new EmptyResult();
    }
}
