using Akka.Actor;
using Akka.Hosting;
using Microsoft.AspNetCore.SignalR;
using Outbound.Core.Campaigns;
using Outbound.Data.Campaigns;
using Outbound.Data.Database;
using Outbound.Data.Durable;
using Outbound.Dialer.Campaigns;

namespace Outbound.Web.Areas.Campaigns.Live;

/// <summary>
/// Once a second, asks each watched campaign for its figures and pushes them to its group, with the list's progress
/// counted in PostgreSQL every <see cref="ListEvery"/> (a count over a million leads is too dear for every second), and the
/// database outage if there is one (the figures come from the campaign actors, which go on without the database).
/// </summary>
public sealed class CampaignLiveBroadcaster(
    IRequiredActor<CampaignRegion> region, LiveWatchList watchList, IHubContext<CampaignLiveHub> hub, ListProgressQueries lists,
    DatabaseHealth health, DurableWriter records, TimeProvider clock, ILogger<CampaignLiveBroadcaster> logger) : BackgroundService
{
    public static readonly TimeSpan ListEvery = TimeSpan.FromSeconds(15);

    private readonly Dictionary<CampaignId, (DateTimeOffset At, ListProgress Progress)> _lists = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        var campaigns = await region.GetAsync(stoppingToken);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var watched = watchList.Watched;
            var outage = DialerOutageView.From(health, records);
            foreach (var gone in _lists.Keys.Except(watched).ToList()) _lists.Remove(gone);
            foreach (var id in watched)
            {
                try
                {
                    var status = await campaigns.Ask<CampaignStatusReply>(new CampaignCommands.GetStatus(id), TimeSpan.FromSeconds(3), stoppingToken);
                    await hub.Clients.Group(CampaignLiveHub.GroupOf(id.Value))
                        .SendAsync(CampaignLiveHub.StatusMethod, LiveStatusView.From(status, await ListOfAsync(id, stoppingToken), outage), stoppingToken);
                }
                catch (Exception e) when (e is AskTimeoutException or InvalidCastException or TaskCanceledException && !stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning(e, "Live status of campaign {Campaign} not available", id);
                }
            }
        }
    }

    /// <summary>The list's last count, counted again once it is <see cref="ListEvery"/> old; the last one stands if counting fails.</summary>
    private async Task<ListProgress?> ListOfAsync(CampaignId campaign, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var known = _lists.GetValueOrDefault(campaign);
        if (known.Progress is not null && (now - known.At < ListEvery || !health.IsUp)) return known.Progress;
        try
        {
            var progress = await lists.OfCampaignAsync(campaign, ct);
            _lists[campaign] = (now, progress);
            return progress;
        }
        catch (Npgsql.NpgsqlException e)
        {
            logger.LogWarning(e, "List progress of campaign {Campaign} not counted", campaign);
            return known.Progress;
        }
    }
}
