using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outbound.Core.Workforce;
using Outbound.Data.Assessment;
using Outbound.Data.Workforce;
using Outbound.Web.Localization;
using Outbound.Web.Security;

namespace Outbound.Web.Areas.Hr.Pages;

/// <summary>Hr's staff records (employee no., base salary, team) of agent and supervisor accounts, and the teams with their leaders.</summary>
[Authorize(Policy = Policies.Hr)]
public sealed class StaffModel(Staff staff) : PageModel
{
    public sealed record TeamInput(Guid? Id, string? Name, Guid Leader, int Offset);
    public sealed record StaffInput(Guid Account, string? EmployeeNo, string? Name, Guid? Team, decimal BaseSalary, bool Active);

    public IReadOnlyList<TeamRecord> Teams { get; private set; } = [];
    public IReadOnlyList<StaffRecord> People { get; private set; } = [];
    public IReadOnlyList<StaffAccount> Accounts { get; private set; } = [];
    [TempData] public string? Message { get; set; }
    public string? Problem { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public Task<IActionResult> OnPostTeamAsync(TeamInput input, CancellationToken ct) =>
        Attempt(() => staff.SaveTeamAsync(input.Id is { } id ? new TeamId(id) : TeamId.New(), input.Name?.Trim() ?? "", new AgentId(input.Leader),
            input.Offset, ct), ct);

    public Task<IActionResult> OnPostStaffAsync(StaffInput input, CancellationToken ct) =>
        Attempt(() => staff.SaveAgentAsync(new StaffRecord(new AgentId(input.Account), input.EmployeeNo ?? "", input.Name ?? "",
            input.Team is { } t ? new TeamId(t) : null, input.BaseSalary, input.Active), ct), ct);

    public string NameOf(AgentId id) =>
        People.FirstOrDefault(p => p.Agent == id)?.Name ?? Accounts.FirstOrDefault(a => a.Id == id)?.DisplayName ?? id.ToString();

    public string TeamName(TeamId? id) => Teams.FirstOrDefault(t => t.Id == id)?.Name ?? WorkforceTexts.NoTeam;

    private async Task<IActionResult> Attempt(Func<Task> action, CancellationToken ct)
    {
        try
        {
            await action();
            Message = CommonTexts.Saved;
            return RedirectToPage();
        }
        catch (AssessmentRefusedException e)
        {
            Problem = e.Text.ToText();
            await LoadAsync(ct);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Teams = await staff.TeamListAsync(ct);
        People = await staff.ListAsync(ct);
        Accounts = await staff.AccountsAsync(ct);
    }
}
