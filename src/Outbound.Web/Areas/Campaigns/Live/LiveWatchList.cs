using System.Collections.Concurrent;
using Outbound.Core.Campaigns;

namespace Outbound.Web.Areas.Campaigns.Live;

/// <summary>Which campaigns have a status page open, so that only those are polled.</summary>
public sealed class LiveWatchList
{
    private readonly ConcurrentDictionary<string, CampaignId> _byConnection = new();

    public void Add(string connectionId, CampaignId campaign) => _byConnection[connectionId] = campaign;

    public void Remove(string connectionId) => _byConnection.TryRemove(connectionId, out _);

    public IReadOnlyCollection<CampaignId> Watched => _byConnection.Values.Distinct().ToList();
}
