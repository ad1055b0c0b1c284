using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outbound.Data.Desk;
using Outbound.Web.Security;

namespace Outbound.Web.Areas.Desk.Pages;

/// <summary>坐席工作台: the page is a shell; state, screen pop and commands go through <see cref="AgentDeskHub"/>.</summary>
[Authorize(Policy = Policies.Desk)]
public sealed class IndexModel(DeskQueries queries) : PageModel
{
    public IReadOnlyList<DeskCampaign> Campaigns { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Campaigns = await queries.AssignedCampaignsAsync(Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!), ct);
    }
}
