namespace Outbound.Core.Tenants;

/// <summary>
/// Which tenants' rows a caller may see: every tenant (operator staff) or exactly one (a Client user).
/// Queries take a scope and filter on it, so that isolation is decided once per request, not per page.
/// </summary>
public sealed record TenantScope
{
    private TenantScope(TenantId? only) => Only = only;

    /// <summary>The one tenant visible, or null when every tenant is.</summary>
    public TenantId? Only { get; }

    public static TenantScope AllTenants { get; } = new((TenantId?)null);

    public static TenantScope For(TenantId tenant) => new(tenant);

    /// <summary>The tenant id to pass to SQL as a filter (<c>@tenant IS NULL OR tenant_id = @tenant</c>).</summary>
    public Guid? SqlFilter => Only?.Value;

    public bool Allows(TenantId tenant) => Only is null || Only == tenant;
}
