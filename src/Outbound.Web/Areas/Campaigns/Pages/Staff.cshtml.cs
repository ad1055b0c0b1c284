using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outbound.Core.Campaigns;
using Outbound.Core.Tenants;
using Outbound.Data.Campaigns;
using Outbound.Web.Security;

namespace Outbound.Web.Areas.Campaigns.Pages;

/// <summary>Which of the operator's agents and supervisors work one campaign (campaign_agents).</summary>
[Authorize(Policy = Policies.CampaignsWrite)]
public sealed class StaffModel(CampaignRepository campaigns, CampaignAgentRepository assignments, TenantScope scope) : PageModel
{
    public StoredCampaign Campaign { get; private set; } = null!;
    public IReadOnlyList<CampaignStaffMember> Staff { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await campaigns.FindAsync(new CampaignId(id), scope, ct) is not { } campaign) return NotFound();
        Campaign = campaign;
        Staff = await assignments.StaffAsync(campaign.Id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid[] assigned, CancellationToken ct)
    {
        if (await campaigns.FindAsync(new CampaignId(id), scope, ct) is not { } campaign) return NotFound();
        await assignments.SetAsync(campaign.Id, assigned, ct);
        var count = (await assignments.StaffAsync(campaign.Id, ct)).Count(s => s.Assigned);
        TempData["Flash"] = StaffTexts.Saved.Format(count);
        return RedirectToPage(new { id });
    }
}
