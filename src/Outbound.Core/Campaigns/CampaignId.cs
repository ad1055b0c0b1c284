namespace Outbound.Core.Campaigns;

public sealed record CampaignId(Guid Value)
{
    public static CampaignId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

/// <summary>Messages addressed to one campaign; sharding routes on this.</summary>
public interface IWithCampaignId
{
    CampaignId CampaignId { get; }
}
