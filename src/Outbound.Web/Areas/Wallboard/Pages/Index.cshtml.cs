using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outbound.Data.Desk;
using Outbound.Web.Security;

namespace Outbound.Web.Areas.Wallboard.Pages;

/// <summary>
/// 班长监控墙: agents and figures are pushed by <see cref="WallboardHub"/>; the page lists recent interventions (a supervisor
/// who oversees some campaigns only, those on agents on its board and its own), and the hub adds new ones as they happen.
/// </summary>
[Authorize(Policy = Policies.Wallboard)]
public sealed class IndexModel(SupervisorActionLog actions, DeskQueries queries, WallboardScope scope, WallboardBoard board) : PageModel
{
    public IReadOnlyList<SupervisorAction> Recent { get; private set; } = [];
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var campaigns = await scope.CampaignsAsync(User, ct);
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier);
        Recent = (await actions.RecentAsync(campaigns is null ? 20 : 200, ct))
            .Where(a => campaigns is null || a.Supervisor == me || board.RowOf(a.Agent) is { } row && WallboardScope.Covers(campaigns, row))
            .Take(20).ToList();
        Names = await queries.DisplayNamesAsync(Recent.SelectMany(r => new[] { r.Supervisor, r.Agent }).Distinct(), ct);
    }

    /// <summary>A person of the log by name; the id only when the account is gone.</summary>
    public string NameOf(string id) => Names.GetValueOrDefault(id, id);
}
