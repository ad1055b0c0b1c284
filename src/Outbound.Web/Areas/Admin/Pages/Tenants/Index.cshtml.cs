using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outbound.Core.Tenants;
using Outbound.Data.Tenants;

namespace Outbound.Web.Areas.Admin.Pages.Tenants;

/// <summary>The client companies (乙方) and a form to add one.</summary>
public sealed partial class IndexModel(TenantRepository tenants) : PageModel
{
    [BindProperty] public string Code { get; set; } = "";
    [BindProperty] public string Name { get; set; } = "";

    public IReadOnlyList<Tenant> Tenants { get; private set; } = [];
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Tenants = await tenants.ListAsync(TenantScope.AllTenants, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var problems = new List<string>();
        Code = (Code ?? "").Trim();
        if (!CodePattern().IsMatch(Code)) problems.Add(AdminTexts.TenantCodeFormat);
        else if (await tenants.FindByCodeAsync(Code, ct) is not null) problems.Add(AdminTexts.TenantCodeTaken);
        if (string.IsNullOrWhiteSpace(Name)) problems.Add(AdminTexts.TenantNameRequired);
        if (problems.Count > 0)
        {
            Problems = problems;
            Tenants = await tenants.ListAsync(TenantScope.AllTenants, ct);
            return Page();
        }
        await tenants.UpsertAsync(Code, Name.Trim(), ct);
        TempData["Flash"] = AdminTexts.TenantCreated.Format(Code);
        return RedirectToPage();
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,62}$")]
    private static partial Regex CodePattern();
}
