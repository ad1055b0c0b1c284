using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outbound.Core.Campaigns;
using Outbound.Core.Lists;
using Outbound.Core.Tenants;
using Outbound.Data.Campaigns;
using Outbound.Data.Lists;
using Outbound.Web.Areas.Campaigns.Uploads;
using Outbound.Web.Security;

namespace Outbound.Web.Areas.Campaigns.Pages;

/// <summary>
/// Call-list upload (CSV or other delimited text in any encoding, or an Excel workbook): choose a file (and maybe its
/// encoding) → preview with the suggested mapping, unsure
/// columns marked, selects to fix it → start → a progress bar polling <see cref="OnGetJob"/> → the result.
/// </summary>
[Authorize(Policy = Policies.CampaignsWrite)]
[RequestSizeLimit(MaxUploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes)]
public sealed class UploadModel(CampaignRepository campaigns, CampaignImports imports, ListImporter importer, UploadStore uploads,
    ImportJobs jobs, TenantScope scope) : PageModel
{
    public const long MaxUploadBytes = 512L * 1024 * 1024;

    public StoredCampaign Campaign { get; private set; } = null!;
    public IReadOnlyList<ImportSummary> History { get; private set; } = [];
    public ListPreview? Preview { get; private set; }
    public Guid? Token { get; private set; }
    public string Encoding { get; private set; } = "auto";
    public Guid? JobId { get; private set; }
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? job, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        JobId = job is { } j && jobs.Find(j, scope) is { } found && found.Request.Campaign == Campaign.Id ? j : null;
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(Guid id, IFormFile? file, string? encoding, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Encoding = encoding ?? "auto";
        if (file is null) return Refuse(ImportTexts.NoFile);
        if (file.Length == 0) return Refuse(ImportTexts.Of(ListFormatException.Empty()));
        if (!ListEncodingChoices.TryParse(encoding, out var choice)) return Refuse(ImportTexts.BadEncoding);
        var upload = await uploads.SaveAsync(Campaign.TenantId, Campaign.Id, file, ct);
        return await ShowPreviewAsync(upload, choice, ct);
    }

    public async Task<IActionResult> OnPostStartAsync(Guid id, Guid token, string? encoding, Dictionary<int, string>? map, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (uploads.Find(token, Campaign.TenantId, Campaign.Id) is not { } upload) return Refuse(ImportTexts.UploadExpired);
        if (!ListEncodingChoices.TryParse(encoding, out var choice)) return Refuse(ImportTexts.BadEncoding);

        var chosen = (map ?? []).Where(m => !string.IsNullOrEmpty(m.Value)).ToList();
        var twice = chosen.GroupBy(m => m.Value).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            Problem = ImportTexts.FieldTwice.Format(twice.Key);
            return await ShowPreviewAsync(upload, choice, ct);
        }
        var overrides = chosen.ToDictionary(m => m.Value, m => $"#{m.Key + 1}");
        var request = new ListImportRequest(Campaign.TenantId, Campaign.Id, upload.FileName, choice, overrides, User.Identity?.Name);
        var job = jobs.Enqueue(upload, request);
        return Redirect($"/Campaigns/Upload/{id}?job={job.Id}");
    }

    /// <summary>The progress bar's poll: state, fraction done, and the counts once finished.</summary>
    public IActionResult OnGetJob(Guid id, Guid job)
    {
        if (jobs.Find(job, scope) is not { } found || found.Request.Campaign.Value != id) return NotFound();
        var r = found.Result;
        return new JsonResult(new
        {
            state = found.State.ToString(), fraction = found.Fraction, rowsRead = found.RowsRead, importId = found.ImportId, error = found.Error,
            rows = r?.Rows, imported = r?.Imported, rejected = r?.Rejected, duplicates = r?.Duplicates, dnc = r?.Dnc,
        });
    }

    /// <summary>The imports table alone, for the page to show the finished import without a reload.</summary>
    public async Task<IActionResult> OnGetHistoryAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Partial("_ImportTable", History) : NotFound();

    private async Task<IActionResult> ShowPreviewAsync(PendingUpload upload, ListEncodingChoice choice, CancellationToken ct)
    {
        try
        {
            await using var stream = System.IO.File.OpenRead(upload.Path);
            Preview = await importer.PreviewAsync(Campaign.TenantId, Campaign.Id, stream, choice, ct);
        }
        catch (ListFormatException e)
        {
            uploads.Remove(upload.Token);
            Problem = ImportTexts.Of(e);
            return Page();
        }
        Token = upload.Token;
        Encoding = choice switch
        {
            ListEncodingChoice.Utf8 => "utf-8",
            ListEncodingChoice.Gb18030 => "gb18030",
            ListEncodingChoice.Utf16Le => "utf-16le",
            ListEncodingChoice.Utf16Be => "utf-16be",
            _ => "auto",
        };
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await campaigns.FindAsync(new CampaignId(id), scope, ct) is not { } campaign) return false;
        Campaign = campaign;
        History = await imports.OfCampaignAsync(campaign.Id, scope, ct);
        return true;
    }

    private PageResult Refuse(string problem)
    {
        Problem = problem;
        return Page();
    }

    /// <summary>Whether a column needs a human look: it competes for a field, or it is unmapped while a required field still has no column.</summary>
    public bool IsUnsure(int column) =>
        Preview is { } p && (p.Suggestion.Ambiguous.Any(a => a.CandidateColumns.Contains(column))
                             || (p.Suggestion.MissingRequired.Count > 0 && p.Suggestion.UnmappedColumns.Contains(column)));

    public string? SuggestedField(int column) =>
        Preview?.Suggestion.Map.Columns.FirstOrDefault(c => c.Value == column).Key;
}
