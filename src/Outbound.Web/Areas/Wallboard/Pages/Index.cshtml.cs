using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outbound.Data.Desk;
using Outbound.Web.Security;

namespace Outbound.Web.Areas.Wallboard.Pages;

/// <summary>班长监控墙: agents and figures are pushed by <see cref="WallboardHub"/>; the page lists recent interventions.</summary>
[Authorize(Policy = Policies.Wallboard)]
public sealed class IndexModel(SupervisorActionLog actions, DeskQueries queries) : PageModel
{
    public IReadOnlyList<SupervisorAction> Recent { get; private set; } = [];
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Recent = await actions.RecentAsync(20, ct);
        Names = await queries.DisplayNamesAsync(Recent.SelectMany(r => new[] { r.Supervisor, r.Agent }).Distinct(), ct);
    }
}
