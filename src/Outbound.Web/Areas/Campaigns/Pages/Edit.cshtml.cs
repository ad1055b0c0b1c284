using Akka.Actor;
using Akka.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outbound.Core.Campaigns;
using Outbound.Core.Tenants;
using Outbound.Data.Campaigns;
using Outbound.Data.Dialing;
using Outbound.Dialer.Campaigns;
using Outbound.Web.Areas.Campaigns.Live;
using Outbound.Web.Security;

namespace Outbound.Web.Areas.Campaigns.Pages;

/// <summary>
/// Edits every setting of a campaign; code and tenant stay as created. A running campaign applies the change from its
/// next dial on (dial mode, pacing, windows, caps …), and the page that follows says so.
/// </summary>
[Authorize(Policy = Policies.CampaignsWrite)]
public sealed class EditModel(CampaignRepository campaigns, TenantScope scope, IRequiredActor<CampaignRegion> region, ILogger<EditModel> logger) : PageModel
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
        TempData["Flash"] = campaign.Status == nameof(CampaignStatus.Running).ToLowerInvariant()
            ? await ApplyToRunningAsync(campaign.Id, definition.Code, ct)
            : CampaignTexts.Updated.Format(definition.Code);
        return Redirect($"/Campaigns/Details/{id}");
    }

    /// <summary>The running dialer takes the new set-up now; should it not answer, it still reads it at its next start.</summary>
    private async Task<string> ApplyToRunningAsync(CampaignId id, string code, CancellationToken ct)
    {
        try
        {
            var actor = await region.GetAsync(ct);
            if (await actor.Ask<object>(new CampaignCommands.ApplySettings(id), TimeSpan.FromSeconds(10), ct) is CampaignReplies.SettingsApplied
                { Changed: { } changed } && changed.Change.Any)
                return LiveTexts.AppliedWhileRunning.Format(code, LiveTexts.Describe(changed.Change));
        }
        catch (Exception e) when (e is AskTimeoutException or TaskCanceledException)
        {
            logger.LogWarning(e, "Campaign {Code}: the running dialer did not confirm the new settings", code);
        }
        return CampaignTexts.Updated.Format(code);
    }
}
