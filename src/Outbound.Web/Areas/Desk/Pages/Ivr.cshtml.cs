using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outbound.Core.Campaigns;
using Outbound.Core.Ivr;
using Outbound.Core.Tenants;
using Outbound.Data.Campaigns;
using Outbound.Data.Desk;
using Outbound.Web.Security;

namespace Outbound.Web.Areas.Desk.Pages;

/// <summary>The IVR editor of an inbound campaign: JSON in a text area, validated by <see cref="IvrValidator"/> before it is saved.</summary>
[Authorize(Policy = Policies.CampaignsWrite)]
public sealed class IvrModel(CampaignRepository campaigns, IvrTrees trees, TenantScope scope, TimeProvider clock) : PageModel
{
    /// <summary>A starting point for a new hotline.</summary>
    public static IvrTree Sample { get; } = new("main",
    [
        new IvrMenu("main", "welcome-main", new Dictionary<char, IvrAction>
        {
            ['1'] = new IvrAction.PlayInfo("outage-info", IvrAction.RepeatMenu),
            ['2'] = new IvrAction.Queue("hotline", "billing", 1),
            ['0'] = new IvrAction.Queue("hotline"),
            ['9'] = new IvrAction.Voicemail("hotline"),
        }, IvrAction.RepeatMenu, IvrAction.RepeatMenu),
    ]);

    public StoredCampaign Campaign { get; private set; } = null!;
    [BindProperty] public string TreeJson { get; set; } = "";
    public IReadOnlyList<string> Problems { get; private set; } = [];
    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } error) return error;
        TreeJson = JsonSerializer.Serialize(await trees.FindAsync(Campaign.Id, ct) ?? Sample, IvrTrees.Json);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } error) return error;
        IvrTree? tree;
        try { tree = JsonSerializer.Deserialize<IvrTree>(TreeJson, IvrTrees.Json); }
        catch (JsonException e) { tree = null; Problems = [IvrTexts.NotJson.Format(e.Message)]; }
        if (tree is null)
        {
            if (Problems.Count == 0) Problems = [IvrTexts.NotJson.Format("null")];
            return Page();
        }
        Problems = IvrValidator.Validate(tree).Select(IvrTexts.Describe).ToList();
        if (Problems.Count > 0) return Page();
        await trees.SaveAsync(Campaign.TenantId, Campaign.Id, tree, User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "?", clock.GetUtcNow(), ct);
        Saved = true;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await campaigns.FindAsync(new CampaignId(id), scope, ct) is not { } campaign) return NotFound();
        if (campaign.Definition.Kind != CampaignKind.Inbound) return BadRequest(IvrTexts.NotInbound.ToString());
        Campaign = campaign;
        return null;
    }
}
