using Akka.Cluster.Sharding;
using Outbound.Core.Campaigns;

namespace Outbound.Dialer.Campaigns;

/// <summary>Routes every <see cref="IWithCampaignId"/> message to the campaign's entity (entity id = campaign guid).</summary>
public sealed class CampaignMessageExtractor(int maxShards = 30) : HashCodeMessageExtractor(maxShards)
{
    public override string? EntityId(object message) => (message as IWithCampaignId)?.CampaignId.Value.ToString();
}
