using Microsoft.AspNetCore.Mvc.RazorPages;
using Outbound.Core.Tenants;
using Outbound.Data.Campaigns;

namespace Outbound.Web.Areas.Campaigns.Pages;

/// <summary>The campaigns the user may see: all for operator staff, its own tenant's for a Client user.</summary>
public sealed class IndexModel(CampaignRepository campaigns, TenantScope scope) : PageModel
{
    public IReadOnlyList<StoredCampaign> Campaigns { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Campaigns = await campaigns.ListAsync(scope, ct);
}
