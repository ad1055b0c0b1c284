namespace Outbound.Core.Campaigns;

/// <summary>What a campaign manager sets up: identity, kind, dial mode and settings. Validated by <see cref="CampaignSettingsValidator"/>.</summary>
public sealed record CampaignDefinition(string Code, string Name, CampaignKind Kind, DialMode DialMode, CampaignSettings Settings);
