using Microsoft.AspNetCore.Mvc.RazorPages;
using Outbound.Core.Tenants;
using Outbound.Data.Campaigns;
using Outbound.Data.Dialing;

namespace Outbound.Web.Areas.Campaigns.Pages;

/// <summary>
/// The campaigns the user may see: all for operator staff, its own tenant's for a Client user; on top, those whose dialing
/// fell back to progressive at the abandon cap or whose detector the dialer turned off (the manager's notice).
/// </summary>
public sealed class IndexModel(CampaignRepository campaigns, TenantScope scope, CampaignNotices notices, TimeProvider clock) : PageModel
{
    /// <summary>How far back an open notice still calls for attention.</summary>
    private static readonly TimeSpan NoticeAge = TimeSpan.FromDays(7);

    public IReadOnlyList<StoredCampaign> Campaigns { get; private set; } = [];
    public IReadOnlyList<OpenNotice> Attention { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Campaigns = await campaigns.ListAsync(scope, ct);
        Attention = await notices.OpenAsync(Campaigns.Select(c => c.Id.Value).ToList(), clock.GetUtcNow() - NoticeAge, ct);
    }
}
