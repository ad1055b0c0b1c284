using System.Security.Claims;
using Outbound.Data.Identity;
using Outbound.Data.WorkOrders;

namespace Outbound.Web.Areas.WorkOrders;

/// <summary>The signed-in user as work orders and the knowledge base see them, built once per request.</summary>
public sealed class CurrentViewer(IHttpContextAccessor http, OrderViewers viewers)
{
    private OrderViewer? _viewer;

    public async Task<OrderViewer> GetAsync(CancellationToken ct = default) => _viewer ??= await BuildAsync(http.HttpContext?.User ?? new ClaimsPrincipal(), ct);

    private Task<OrderViewer> BuildAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var id = Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var g) ? g : Guid.Empty;
        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();
        var tenant = Guid.TryParse(user.FindFirstValue(OutboundClaims.TenantId), out var t) ? t : (Guid?)null;
        return viewers.ForAsync(id, user.FindFirstValue(OutboundClaims.DisplayName) ?? user.Identity?.Name ?? "", roles, tenant, ct);
    }
}
