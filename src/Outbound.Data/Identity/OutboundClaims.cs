namespace Outbound.Data.Identity;

/// <summary>Claims Outbound adds to the sign-in cookie beside the Identity ones.</summary>
public static class OutboundClaims
{
    /// <summary>The tenant a Client user belongs to (absent for operator staff).</summary>
    public const string TenantId = "outbound:tenant";
    public const string DisplayName = "outbound:display_name";
}
