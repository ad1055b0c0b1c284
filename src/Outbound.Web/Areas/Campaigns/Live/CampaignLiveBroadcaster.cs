using Akka.Actor;
using Akka.Hosting;
using Microsoft.AspNetCore.SignalR;
using Outbound.Dialer.Campaigns;

namespace Outbound.Web.Areas.Campaigns.Live;

/// <summary>Once a second, asks each watched campaign for its figures and pushes them to its group.</summary>
public sealed class CampaignLiveBroadcaster(
    IRequiredActor<CampaignRegion> region, LiveWatchList watchList, IHubContext<CampaignLiveHub> hub,
    ILogger<CampaignLiveBroadcaster> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        var campaigns = await region.GetAsync(stoppingToken);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var id in watchList.Watched)
            {
                try
                {
                    var status = await campaigns.Ask<CampaignStatusReply>(new CampaignCommands.GetStatus(id), TimeSpan.FromSeconds(3), stoppingToken);
                    await hub.Clients.Group(CampaignLiveHub.GroupOf(id.Value))
                        .SendAsync(CampaignLiveHub.StatusMethod, LiveStatusView.From(status), stoppingToken);
                }
                catch (Exception e) when (e is AskTimeoutException or InvalidCastException or TaskCanceledException && !stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning(e, "Live status of campaign {Campaign} not available", id);
                }
            }
        }
    }
}
