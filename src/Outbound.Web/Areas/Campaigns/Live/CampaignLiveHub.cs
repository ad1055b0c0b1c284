using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Outbound.Core.Campaigns;
using Outbound.Data.Campaigns;
using Outbound.Web.Security;

namespace Outbound.Web.Areas.Campaigns.Live;

/// <summary>
/// Pushes a campaign's live figures to the status pages watching it. A client may only watch a campaign
/// its scope allows (a Client user: its own tenant's campaigns; a supervisor: those it oversees).
/// </summary>
[Authorize(Policy = Policies.CampaignsRead)]
public sealed class CampaignLiveHub(CampaignRepository campaigns, CampaignAgentRepository assignments, LiveWatchList watchList) : Hub
{
    public const string Path = "/hubs/campaign-live";
    public const string StatusMethod = "status";

    public async Task<bool> Watch(Guid campaignId)
    {
        var scope = await TenantScopeAccessor.ScopeOfAsync(Context.User!, assignments, Context.ConnectionAborted);
        if (await campaigns.FindAsync(new CampaignId(campaignId), scope, Context.ConnectionAborted) is null) return false;
        await Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(campaignId));
        watchList.Add(Context.ConnectionId, new CampaignId(campaignId));
        return true;
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        watchList.Remove(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    public static string GroupOf(Guid campaignId) => "campaign:" + campaignId;
}
