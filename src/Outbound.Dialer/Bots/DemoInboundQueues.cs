using System.Collections.Concurrent;
using Outbound.Core.Campaigns;

namespace Outbound.Dialer.Bots;

/// <summary>
/// The inbound queues the demo started (campaign id → code). The wallboard shows them even though only bots, which
/// have no desk row, are logged in to them.
/// </summary>
public sealed class DemoInboundQueues
{
    private readonly ConcurrentDictionary<CampaignId, string> _queues = new();

    public IReadOnlyDictionary<CampaignId, string> All => _queues;

    public void Add(CampaignId campaign, string code) => _queues[campaign] = code;
}
