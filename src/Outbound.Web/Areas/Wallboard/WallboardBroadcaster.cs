using Akka.Actor;
using Akka.Hosting;
using Microsoft.AspNetCore.SignalR;
using Outbound.Core.Campaigns;
using Outbound.Data.Database;
using Outbound.Data.Durable;
using Outbound.Dialer.Campaigns;
using Outbound.Dialer.Inbound;
using Outbound.Web.Areas.Campaigns.Live;

namespace Outbound.Web.Areas.Wallboard;

/// <summary>
/// Every two seconds, the live figures of the campaigns desk agents are logged in to, the waits of every running
/// inbound queue (whoever serves it: desk agents or the demo's bots), and to every wallboard the database outage, if any
/// (null when there is none: the banner goes away).
/// </summary>
public sealed class WallboardBroadcaster(IRequiredActor<CampaignRegion> region, AcdQueues acd, WallboardBoard board, IHubContext<WallboardHub> hub,
    DatabaseHealth health, DurableWriter records, ILogger<WallboardBroadcaster> logger) : BackgroundService
{
    public const string CampaignMethod = "campaign";
    public const string QueueMethod = "queue";
    public const string OutageMethod = "outage";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(2));
        var campaigns = await region.GetAsync(stoppingToken);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var live = board.Rows.Where(r => r.State != "logged_out" && r.CampaignId is not null).ToList();
            await hub.Clients.All.SendAsync(OutageMethod, DialerOutageView.From(health, records), stoppingToken);
            try
            {
                var running = await acd.Directory.Ask<RunningQueues>(new AcdCommands.ListQueues(), TimeSpan.FromSeconds(3), stoppingToken);
                foreach (var (code, queue) in running.Queues)
                    await hub.Clients.Groups(WallboardScope.GroupsFor([queue.CampaignId.Value])).SendAsync(QueueMethod, new
                    {
                        campaignId = queue.CampaignId.Value, code, waiting = queue.Waiting, longestWaitSeconds = (int)queue.LongestWait.TotalSeconds,
                        answered = queue.Answered, abandoned = queue.Abandoned, overflowed = queue.Overflowed,
                    }, stoppingToken);
            }
            catch (AskTimeoutException e)
            {
                logger.LogDebug(e, "Inbound queues not available");
            }
            foreach (var id in live.SelectMany(r => r.OutboundIds).Distinct())
            {
                try
                {
                    var status = await campaigns.Ask<CampaignStatusReply>(new CampaignCommands.GetStatus(new CampaignId(id)), TimeSpan.FromSeconds(3), stoppingToken);
                    await hub.Clients.Groups(WallboardScope.GroupsFor([id])).SendAsync(CampaignMethod, new { code = status.Code, figures = LiveStatusView.From(status, list: null) }, stoppingToken);
                }
                catch (Exception e) when (e is AskTimeoutException or InvalidCastException)
                {
                    logger.LogDebug(e, "Figures of campaign {Campaign} not available", id);
                }
            }
        }
    }
}
