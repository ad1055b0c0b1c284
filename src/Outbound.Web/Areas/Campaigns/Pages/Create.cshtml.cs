using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outbound.Core.Campaigns;
using Outbound.Core.Tenants;
using Outbound.Data.Campaigns;
using Outbound.Data.Tenants;
using Outbound.Web.Security;

namespace Outbound.Web.Areas.Campaigns.Pages;

/// <summary>Creates a campaign for a client. Nothing is written unless the whole definition validates.</summary>
[Authorize(Policy = Policies.CampaignsWrite)]
public sealed class CreateModel(CampaignRepository campaigns, TenantRepository tenants, TenantScope scope) : PageModel
{
    [BindProperty] public CampaignForm Form { get; set; } = CampaignForm.New();
    [BindProperty] public Guid? TenantId { get; set; }
    public IReadOnlyList<Tenant> Tenants { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Tenants = await tenants.ListAsync(scope, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Tenants = await tenants.ListAsync(scope, ct);
        var tenant = Tenants.FirstOrDefault(t => t.Id.Value == TenantId);
        if (tenant is null) ModelState.AddModelError(nameof(TenantId), CampaignTexts.TenantRequired);

        var (definition, problems) = Form.ToDefinition();
        foreach (var (field, message) in problems) ModelState.AddModelError($"{nameof(Form)}.{field}", message);
        if (definition is not null)
            foreach (var error in CampaignSettingsValidator.Validate(definition))
                ModelState.AddModelError($"{nameof(Form)}.{CampaignForm.FieldOf(error)}", CampaignForm.Message(error));
        if (!ModelState.IsValid || definition is null || tenant is null) return Page();

        if (await campaigns.CreateAsync(tenant.Id, definition, ct) is not { } id)
        {
            ModelState.AddModelError($"{nameof(Form)}.{nameof(CampaignForm.Code)}", CampaignTexts.CodeTaken.Format(definition.Code));
            return Page();
        }
        TempData["Flash"] = CampaignTexts.Created.Format(definition.Code);
        return Redirect($"/Campaigns/Details/{id.Value}");
    }
}
