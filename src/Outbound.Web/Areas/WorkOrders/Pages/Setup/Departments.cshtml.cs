using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outbound.Data.Tenants;
using Outbound.Data.WorkOrders;
using Outbound.Web.Security;

namespace Outbound.Web.Areas.WorkOrders.Pages.Setup;

/// <summary>Departments of the operator and of each client, and their members (a client's back office works its orders in the portal).</summary>
[Authorize(Policy = Policies.WorkOrderSetup)]
public sealed class DepartmentsModel(Departments departments, TenantRepository tenants) : PageModel
{
    public IReadOnlyList<Department> All { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> Tenants { get; private set; } = [];
    public Department? Selected { get; private set; }
    public IReadOnlyList<DepartmentMember> Members { get; private set; } = [];
    public string? Error { get; private set; }

    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(Guid? tenant, string? name, CancellationToken ct)
    {
        var (id, problem) = await departments.CreateAsync(tenant, name ?? "", ct);
        if (id is { } created) return Redirect($"/WorkOrders/Setup/Departments?id={created}");
        Error = SetupTexts.Department(problem!.Value);
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostMemberAsync(string? email, bool lead, CancellationToken ct)
    {
        if (Id is not { } id) return NotFound();
        if (await departments.AddMemberAsync(id, email ?? "", lead, ct) is { } problem)
        {
            Error = SetupTexts.Department(problem);
            await LoadAsync(ct);
            return Page();
        }
        return Redirect($"/WorkOrders/Setup/Departments?id={id}");
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid user, CancellationToken ct)
    {
        if (Id is not { } id) return NotFound();
        await departments.RemoveMemberAsync(id, user, ct);
        return Redirect($"/WorkOrders/Setup/Departments?id={id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        All = await departments.ListAsync(ct: ct);
        Tenants = (await tenants.ListAsync(Outbound.Core.Tenants.TenantScope.AllTenants, ct)).Select(t => (t.Id.Value, t.Name)).ToList();
        Selected = All.FirstOrDefault(d => d.Id == Id);
        if (Selected is not null) Members = await departments.MembersAsync(Selected.Id, ct);
    }
}
