using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outbound.Core.Campaigns;
using Outbound.Core.Tenants;
using Outbound.Data.Campaigns;

namespace Outbound.Web.Areas.Campaigns.Pages;

/// <summary>One campaign's settings and its list imports. Another tenant's campaign is a 404 for a Client user.</summary>
public sealed class DetailsModel(CampaignRepository campaigns, CampaignImports imports, TenantScope scope) : PageModel
{
    public StoredCampaign Campaign { get; private set; } = null!;
    public IReadOnlyList<ImportSummary> Imports { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await campaigns.FindAsync(new CampaignId(id), scope, ct) is not { } campaign) return NotFound();
        Campaign = campaign;
        Imports = await imports.OfCampaignAsync(campaign.Id, scope, ct);
        return Page();
    }
}
