using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outbound.Core.Tenants;
using Outbound.Data.Knowledge;
using Outbound.Data.Tenants;
using Outbound.Web.Security;

namespace Outbound.Web.Areas.Knowledge.Pages;

/// <summary>A client's synonyms: words its customers and agents use for the same thing; a search for one finds the others.</summary>
[Authorize(Policy = Policies.KnowledgeEdit)]
public sealed class SynonymsModel(KnowledgeStore store, TenantRepository tenants) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Tenant { get; set; }
    public IReadOnlyList<(Guid Id, string Name)> Tenants { get; private set; } = [];
    public IReadOnlyList<SynonymGroup> Groups { get; private set; } = [];
    public string? Error { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(string? words, CancellationToken ct)
    {
        if (Tenant is not { } tenant) return NotFound();
        var (_, problem) = await store.SaveSynonymsAsync(tenant, null, (words ?? "").Split([' ', ',', '，', '、', '\n'], StringSplitOptions.RemoveEmptyEntries), ct);
        if (problem is null) return Redirect($"/Knowledge/Synonyms?tenant={tenant}");
        Error = KnowledgeTexts.Problem(problem.Value);
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid group, CancellationToken ct)
    {
        if (Tenant is not { } tenant) return NotFound();
        await store.DeleteSynonymsAsync(tenant, group, ct);
        return Redirect($"/Knowledge/Synonyms?tenant={tenant}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Tenants = (await tenants.ListAsync(TenantScope.AllTenants, ct)).Select(t => (t.Id.Value, t.Name)).ToList();
        Tenant ??= Tenants.FirstOrDefault().Id;
        if (Tenant is { } tenant) Groups = await store.SynonymsAsync(tenant, ct);
    }
}
