using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outbound.Core.Campaigns;
using Outbound.Core.Tenants;
using Outbound.Data.Campaigns;
using Outbound.Web.Security;

namespace Outbound.Web.Areas.Campaigns.Pages;

/// <summary>Edits every setting of a campaign; code and tenant stay as created.</summary>
[Authorize(Policy = Policies.CampaignsWrite)]
public sealed class EditModel(CampaignRepository campaigns, TenantScope scope) : PageModel
{
    [BindProperty] public CampaignForm Form { get; set; } = new();
    public StoredCampaign Campaign { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await campaigns.FindAsync(new CampaignId(id), scope, ct) is not { } campaign) return NotFound();
        Campaign = campaign;
        Form = CampaignForm.From(campaign.Definition);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await campaigns.FindAsync(new CampaignId(id), scope, ct) is not { } campaign) return NotFound();
        Campaign = campaign;
        Form.Code = campaign.Definition.Code;

        var (definition, problems) = Form.ToDefinition();
        foreach (var (field, message) in problems) ModelState.AddModelError($"{nameof(Form)}.{field}", message);
        if (definition is not null)
            foreach (var error in CampaignSettingsValidator.Validate(definition))
                ModelState.AddModelError($"{nameof(Form)}.{CampaignForm.FieldOf(error)}", CampaignForm.Message(error));
        if (!ModelState.IsValid || definition is null) return Page();

        if (!await campaigns.UpdateAsync(campaign.Id, scope, definition, ct)) return NotFound();
        TempData["Flash"] = CampaignTexts.Updated.Format(definition.Code);
        return Redirect($"/Campaigns/Details/{id}");
    }
}
