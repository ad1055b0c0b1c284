using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outbound.Core.Campaigns;
using Outbound.Core.Collections;
using Outbound.Core.Lists;
using Outbound.Core.Tenants;
using Outbound.Data.Campaigns;
using Outbound.Data.Collections;
using Outbound.Web.Security;

namespace Outbound.Web.Areas.Campaigns.Pages;

/// <summary>
/// The client's repayment file (还款回盘) for one collections campaign: upload → payments matched to that campaign's debtors,
/// promises marked kept → the counts and every refused line. The campaign chosen scopes every match.
/// </summary>
[Authorize(Policy = Policies.CampaignsWrite)]
[RequestSizeLimit(RepaymentImporter.MaxFileBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = RepaymentImporter.MaxFileBytes)]
public sealed class RepaymentsModel(CampaignRepository campaigns, RepaymentImporter importer, TenantScope scope) : PageModel
{
    public StoredCampaign Campaign { get; private set; } = null!;
    public PromiseCounts Counts { get; private set; } = new(0, 0, 0);
    public RepaymentImportResult? Result { get; private set; }
    public int GraceDays => importer.GraceDays;
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Counts = await importer.CountsAsync(Campaign.Id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, IFormFile? file, string? encoding, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Campaign.Definition.Kind != CampaignKind.Collections) Problem = RepaymentTexts.NotCollections;
        else if (file is null || file.Length == 0) Problem = ImportTexts.NoFile;
        else if (!ListEncodingChoices.TryParse(encoding, out var choice)) Problem = ImportTexts.BadEncoding;
        else
        {
            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, ct);
            try
            {
                Result = await importer.ImportAsync(Campaign.TenantId, Campaign.Id, Path.GetFileName(file.FileName), buffer.ToArray(),
                    User.Identity?.Name, choice, ct);
            }
            catch (RepaymentFileException e)
            {
                Problem = e.Message;
            }
        }
        Counts = Result?.Promises ?? await importer.CountsAsync(Campaign.Id, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await campaigns.FindAsync(new CampaignId(id), scope, ct) is not { } campaign) return false;
        Campaign = campaign;
        return true;
    }
}
