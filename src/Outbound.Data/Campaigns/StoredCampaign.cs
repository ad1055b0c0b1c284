using Outbound.Core.Campaigns;
using Outbound.Core.Tenants;

namespace Outbound.Data.Campaigns;

/// <summary>A campaign as stored: its definition plus the tenant it belongs to and its life-cycle status.</summary>
public sealed record StoredCampaign(
    CampaignId Id, TenantId TenantId, string TenantCode, string TenantName, CampaignDefinition Definition,
    string Status, DateTimeOffset UpdatedAt) : IWithTenantId, IWithCampaignId
{
    CampaignId IWithCampaignId.CampaignId => Id;
}
