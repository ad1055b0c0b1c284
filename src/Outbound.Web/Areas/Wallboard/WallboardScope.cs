using System.Security.Claims;
using Outbound.Core.Identity;
using Outbound.Data.Desk;

namespace Outbound.Web.Areas.Wallboard;

/// <summary>
/// The campaigns a wallboard user oversees. An admin oversees every campaign; a supervisor sees, and may act on, only
/// the agents and figures of the campaigns it is assigned to on the staffing page — none before it is assigned any
/// (a floor's site supervisor 现场管理 is assigned to every campaign of the floor).
/// </summary>
public sealed class WallboardScope(DeskQueries queries)
{
    /// <summary>Null: every campaign.</summary>
    public async Task<IReadOnlySet<Guid>?> CampaignsAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (user.IsInRole(Roles.Admin)) return null;
        if (!Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id)) return new HashSet<Guid>();
        return (await queries.AssignedCampaignsAsync(id, ct)).Select(c => c.Id).ToHashSet();
    }

    public static bool Covers(IReadOnlySet<Guid>? scope, BoardRow row) => scope is null || row.AllIds.Any(scope.Contains);

    /// <summary>The hub group of the wallboards overseeing <paramref name="campaign"/>; those overseeing all are in <see cref="WallboardHub.Group"/>.</summary>
    public static string GroupOf(Guid campaign) => WallboardHub.Group + ":" + campaign.ToString("N");

    /// <summary>Every wallboard that may see something of these campaigns.</summary>
    public static IReadOnlyList<string> GroupsFor(IEnumerable<Guid> campaigns) => [WallboardHub.Group, .. campaigns.Distinct().Select(GroupOf)];
}
