using System.Security.Claims;
using Outbound.Core.Identity;
using Outbound.Core.Quality;
using Outbound.Data.Desk;

namespace Outbound.Web.Areas.Quality;

/// <summary>
/// The signed-in user as the quality side sees them (<see cref="QualityViewer"/>): role, and the campaigns they are
/// assigned to on the staffing page. A client user is nobody here.
/// </summary>
public sealed class QualityViewers(DeskQueries queries)
{
    public async Task<QualityViewer> OfAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) || user.IsInRole(Roles.Client)) return QualityViewer.Nobody;
        if (user.IsInRole(Roles.Admin)) return new(id, QualityRole.Admin, null);
        if (user.IsInRole(Roles.Hr)) return new(id, QualityRole.Hr, null);
        var assigned = (await queries.AssignedCampaignsAsync(id, ct)).Select(c => c.Id).ToHashSet();
        if (user.IsInRole(Roles.Qa)) return new(id, QualityRole.Qa, assigned);
        // A supervisor assigned to no campaign is the floor's site supervisor and oversees all (as on the wallboard).
        if (user.IsInRole(Roles.Supervisor)) return new(id, QualityRole.Supervisor, assigned.Count == 0 ? null : assigned);
        if (user.IsInRole(Roles.Agent)) return new(id, QualityRole.Agent, new HashSet<Guid>());
        return QualityViewer.Nobody;
    }
}
