using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outbound.Core.Identity;
using Outbound.Core.Tenants;
using Outbound.Data.Identity;
using Outbound.Data.Tenants;

namespace Outbound.Web.Areas.Admin.Pages.Users;

/// <summary>Creates a login with one role; Client users must name their tenant, staff must not.</summary>
public sealed class CreateModel(UserAccounts accounts, TenantRepository tenants) : PageModel
{
    public sealed record Command
    {
        public string Email { get; set; } = "";
        public string DisplayName { get; set; } = "";
        public string Role { get; set; } = Roles.Agent;
        public Guid? TenantId { get; set; }
        public string Password { get; set; } = "";
    }

    [BindProperty] public Command Input { get; set; } = new();
    public IReadOnlyList<Tenant> Tenants { get; private set; } = [];
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Tenants = await tenants.ListAsync(TenantScope.AllTenants, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Input.Email) || !Input.Email.Contains('@')) problems.Add(AdminTexts.EmailRequired);
        if (string.IsNullOrWhiteSpace(Input.DisplayName)) problems.Add(AdminTexts.DisplayNameRequired);
        if (Input.TenantId is { } t && await tenants.FindAsync(new TenantId(t), ct) is null) problems.Add(AdminTexts.ClientNeedsTenant);
        if (problems.Count == 0)
        {
            var tenant = Input.TenantId is { } id ? new TenantId(id) : null;
            var result = await accounts.CreateAsync(Input.Email.Trim(), Input.DisplayName.Trim(), Input.Role, tenant, Input.Password ?? "");
            if (result.Succeeded)
            {
                TempData["Flash"] = AdminTexts.UserCreated.Format(Input.Email.Trim());
                return RedirectToPage("Index");
            }
            problems.AddRange(IdentityErrorText.Describe(result));
        }
        Problems = problems;
        Tenants = await tenants.ListAsync(TenantScope.AllTenants, ct);
        return Page();
    }
}
