using System.Security.Claims;
using Outbound.Core.Identity;
using Outbound.Data.Desk;

namespace Outbound.Web.Areas.Wallboard;

/// <summary>
/// The campaigns a wallboard user oversees. An admin, and a supervisor assigned to no campaign (the floor's site
/// supervisor 现场管理), oversee every campaign; a supervisor assigned to campaigns on the staffing page (a team's
/// 班长) sees, and may act on, only the agents and figures of those campaigns.
/// </summary>
public sealed class WallboardScope(DeskQueries queries)
{
    /// <summary>Null: every campaign.</summary>
    public async Task<IReadOnlySet<Guid>?> CampaignsAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (user.IsInRole(Roles.Admin) || !Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id)) return null;
        var assigned = await queries.AssignedCampaignsAsync(id, ct);
        return assigned.Count == 0 ? null : assigned.Select(c => c.Id).ToHashSet();
    }

    public static bool Covers(IReadOnlySet<Guid>? scope, BoardRow row) => scope is null || row.AllIds.Any(scope.Contains);

    /// <summary>The hub group of the wallboards overseeing <paramref name="campaign"/>; those overseeing all are in <see cref="WallboardHub.Group"/>.</summary>
    public static string GroupOf(Guid campaign) => WallboardHub.Group + ":" + campaign.ToString("N");

    /// <summary>Every wallboard that may see something of these campaigns.</summary>
    public static IReadOnlyList<string> GroupsFor(IEnumerable<Guid> campaigns) => [WallboardHub.Group, .. campaigns.Distinct().Select(GroupOf)];
}
