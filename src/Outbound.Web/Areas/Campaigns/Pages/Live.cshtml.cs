using Akka.Actor;
using Akka.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outbound.Core.Campaigns;
using Outbound.Core.Tenants;
using Outbound.Data;
using Outbound.Data.Campaigns;
using Outbound.Data.Dialing;
using Outbound.Dialer.Campaigns;
using Outbound.Web.Areas.Campaigns.Live;
using Outbound.Web.Security;

namespace Outbound.Web.Areas.Campaigns.Pages;

/// <summary>
/// A campaign's live status (pushed by <see cref="CampaignLiveHub"/>) with start, pause and stop.
/// Anyone who may read the campaign may watch; only campaign writers may control it.
/// </summary>
public sealed class LiveModel(CampaignRepository campaigns, TenantScope scope, IRequiredActor<CampaignRegion> region,
    IAuthorizationService authorization, CampaignNotices notices) : PageModel
{
    public StoredCampaign Campaign { get; private set; } = null!;
    public bool CanControl { get; private set; }
    /// <summary>The pacing notices raised for this campaign, newest first.</summary>
    public IReadOnlyList<StoredNotice> Notices { get; private set; } = [];
    [TempData] public string? Error { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await campaigns.FindAsync(new CampaignId(id), scope, ct) is not { } campaign) return NotFound();
        Campaign = campaign;
        CanControl = (await authorization.AuthorizeAsync(User, Policies.CampaignsWrite)).Succeeded;
        Notices = await notices.RecentAsync(campaign.Id, ct: ct);
        return Page();
    }

    /// <summary>A notice's time on the call center's clock.</summary>
    public string LocalTime(DateTimeOffset at) => CenterTime.China.ToLocal(at).ToString("yyyy-MM-dd HH:mm:ss");

    public Task<IActionResult> OnPostStartAsync(Guid id, CancellationToken ct) => Command(id, c => new CampaignCommands.Start(c), ct);
    public Task<IActionResult> OnPostPauseAsync(Guid id, CancellationToken ct) => Command(id, c => new CampaignCommands.Pause(c), ct);
    public Task<IActionResult> OnPostStopAsync(Guid id, CancellationToken ct) => Command(id, c => new CampaignCommands.Stop(c), ct);

    private async Task<IActionResult> Command(Guid id, Func<CampaignId, IWithCampaignId> command, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.CampaignsWrite)).Succeeded) return Forbid();
        if (await campaigns.FindAsync(new CampaignId(id), scope, ct) is not { } campaign) return NotFound();
        var actor = await region.GetAsync(ct);
        var reply = await actor.Ask<object>(command(campaign.Id), TimeSpan.FromSeconds(30), ct);
        if (reply is CampaignReplies.CommandRejected rejected)
            Error = LiveTexts.CommandFailed.Format(rejected.Reason == CampaignReplies.DatabaseUnavailable ? LiveTexts.DatabaseUnavailable : rejected.Reason);
        return RedirectToPage(new { id });
    }
}
