using Outbound.Core.Campaigns;

namespace Outbound.Core.Tenants;

/// <summary>
/// Which tenants' and campaigns' rows a caller may see: every tenant (operator staff), exactly one (a Client user), or
/// only some campaigns (a supervisor: those it is assigned to). Queries take a scope and filter on it, so that isolation
/// is decided once per request, not per page.
/// </summary>
public sealed record TenantScope
{
    private TenantScope(TenantId? only, IReadOnlySet<Guid>? campaigns) => (Only, Campaigns) = (only, campaigns);

    /// <summary>The one tenant visible, or null when every tenant is.</summary>
    public TenantId? Only { get; }

    /// <summary>The campaigns visible, or null when every campaign of the visible tenants is.</summary>
    public IReadOnlySet<Guid>? Campaigns { get; }

    public static TenantScope AllTenants { get; } = new(null, null);

    public static TenantScope For(TenantId tenant) => new(tenant, null);

    /// <summary>Only these campaigns, whatever their tenant; none at all when the list is empty.</summary>
    public static TenantScope ForCampaigns(IEnumerable<Guid> campaigns) => new(null, campaigns.ToHashSet());

    /// <summary>The tenant id to pass to SQL as a filter (<c>@tenant IS NULL OR tenant_id = @tenant</c>).</summary>
    public Guid? SqlFilter => Only?.Value;

    /// <summary>The campaign ids to pass to SQL as a filter (<c>@campaigns::uuid[] IS NULL OR campaign_id = ANY(@campaigns)</c>).</summary>
    public Guid[]? CampaignFilter => Campaigns?.ToArray();

    public bool Allows(TenantId tenant) => Only is null || Only == tenant;

    public bool Allows(TenantId tenant, CampaignId campaign) => Allows(tenant) && (Campaigns is null || Campaigns.Contains(campaign.Value));

    public bool Equals(TenantScope? other) =>
        other is not null && Only == other.Only && (Campaigns is null ? other.Campaigns is null : other.Campaigns is not null && Campaigns.SetEquals(other.Campaigns));

    public override int GetHashCode() => HashCode.Combine(Only, Campaigns?.Count);
}
