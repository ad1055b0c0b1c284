using Akka.Actor;
using Akka.Hosting;
using Microsoft.AspNetCore.SignalR;
using Outbound.Core.Campaigns;
using Outbound.Dialer.Campaigns;
using Outbound.Web.Areas.Campaigns.Live;

namespace Outbound.Web.Areas.Wallboard;

/// <summary>Every two seconds, the live figures of the campaigns desk agents are logged in to.</summary>
public sealed class WallboardBroadcaster(IRequiredActor<CampaignRegion> region, WallboardBoard board, IHubContext<WallboardHub> hub,
    ILogger<WallboardBroadcaster> logger) : BackgroundService
{
    public const string CampaignMethod = "campaign";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(2));
        var campaigns = await region.GetAsync(stoppingToken);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var id in board.Rows.Where(r => r.State != "logged_out").Select(r => r.CampaignId).OfType<Guid>().Distinct())
            {
                try
                {
                    var status = await campaigns.Ask<CampaignStatusReply>(new CampaignCommands.GetStatus(new CampaignId(id)), TimeSpan.FromSeconds(3), stoppingToken);
                    await hub.Clients.Group(WallboardHub.Group).SendAsync(CampaignMethod, new { code = status.Code, figures = LiveStatusView.From(status) }, stoppingToken);
                }
                catch (Exception e) when (e is AskTimeoutException or InvalidCastException)
                {
                    logger.LogDebug(e, "Figures of campaign {Campaign} not available", id);
                }
            }
        }
    }
}
