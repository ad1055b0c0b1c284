using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outbound.Core.Quality;
using Outbound.Core.Tenants;
using Outbound.Data.Quality;

namespace Outbound.Web.Areas.Quality.Pages.Forms;

/// <summary>
/// Edits a form in the browser: sections and items (yes/no, 0–N scale, deduction; weight, critical, N/A allowed, the
/// assessment link), the bands and what a failed critical item does. Saving checks everything first and writes nothing
/// when anything is wrong; a version already scored with is kept and a new one added.
/// </summary>
public sealed class EditModel(QualityViewers viewers, QualityForms forms, QualityCalls calls, TimeProvider clock) : PageModel
{
    [BindProperty] public FormInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    public StoredForm? Stored { get; private set; }
    public IReadOnlyList<(string Value, string Label)> Scopes { get; private set; } = [];
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused) return refused;
        Input = Stored is { } s ? FormInput.From(s.Form, s.CampaignId is { } c ? $"c:{c}" : $"t:{s.TenantId}")
            : FormInput.From(StarterForm.Create(), Scopes.FirstOrDefault().Value ?? "");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused) return refused;
        var (tenant, campaign) = await ScopeAsync(Stored is { } s ? (s.CampaignId is { } c ? $"c:{c}" : $"t:{s.TenantId}") : Input.Scope, ct);
        if (tenant is null)
        {
            Problems = [QualityTexts.Refusal(QualityRefusal.NotAllowed)];
            return Page();
        }
        try
        {
            var (id, version) = await forms.SaveAsync(await viewers.OfAsync(User, ct), Id, tenant, campaign, Input.ToForm(), clock.GetUtcNow(), ct);
            TempData["Flash"] = QualityTexts.FormSaved.Format(version);
            return RedirectToPage(new { id });
        }
        catch (FormInvalidException e) { Problems = e.Problems.Select(QualityTexts.Problem).ToList(); }
        catch (QualityRefusedException e) { Problems = [QualityTexts.Refusal(e.Refusal)]; }
        return Page();
    }

    private async Task<(TenantId? Tenant, Guid? Campaign)> ScopeAsync(string scope, CancellationToken ct)
    {
        var all = await calls.CampaignsAsync(ct);
        if (scope.StartsWith("c:", StringComparison.Ordinal) && Guid.TryParse(scope[2..], out var c) && all.Where(x => x.Id == c).ToList() is [var campaign])
            return (new TenantId(campaign.Tenant), c);
        if (scope.StartsWith("t:", StringComparison.Ordinal) && Guid.TryParse(scope[2..], out var t) && all.Any(x => x.Tenant == t)) return (new TenantId(t), null);
        return (null, null);
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var viewer = await viewers.OfAsync(User, ct);
        if (viewer.Role is not (QualityRole.Qa or QualityRole.Admin)) return Forbid();
        if (Id is { } id && (Stored = await forms.FindAsync(id, ct)) is null) return NotFound();
        var all = await calls.CampaignsAsync(ct);
        var mine = all.Where(c => viewer.MayManage(c.Id)).ToList();
        Scopes = mine.Select(c => ($"c:{c.Id}", $"{c.Code} {c.Name}"))
            .Concat(mine.Select(c => c.Tenant).Distinct().Select(t => ($"t:{t}", $"{QualityTexts.WholeTenant} ({string.Join(", ", all.Where(x => x.Tenant == t).Select(x => x.Code))})")))
            .ToList();
        return null;
    }
}
