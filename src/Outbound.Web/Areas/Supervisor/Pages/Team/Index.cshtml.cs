using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outbound.Core.Assessment;
using Outbound.Core.Workforce;
using Outbound.Data.Assessment;
using Outbound.Data.Workforce;
using Outbound.Web.Areas.Hr;
using Outbound.Web.Security;

namespace Outbound.Web.Areas.Supervisor.Pages.Team;

/// <summary>本班组考核: the points and confirmed deductions of the team the supervisor leads (read-only).</summary>
[Authorize(Policy = Policies.SupervisorTeam)]
public sealed class IndexModel(Deductions deductions, Staff staff, TimeProvider clock) : PageModel
{
    public sealed record Member(StaffRecord Person, PayrollLine Line, IReadOnlyList<DeductionView> Items);

    public CalendarMonth Month { get; private set; }
    public IReadOnlyList<Member> Members { get; private set; } = [];

    public async Task OnGetAsync(string? month, CancellationToken ct)
    {
        var actor = User.ToAssessmentActor();
        Month = MonthParameter.Resolve(month, clock, false);
        var team = await staff.TeamLedByAsync(actor.Id, ct);
        var members = new List<Member>();
        foreach (var person in (await staff.ListAsync(ct)).Where(s => team.Contains(s.Agent)))
        {
            var items = (await deductions.ForAgentAsync(person.Agent, actor, Month, ct)).Where(d => d.State != DeductionState.Draft).ToList();
            members.Add(new Member(person, MonthlySettlement.SettleAgent(person.Agent, Month, 0m,
                items.Where(d => d.State.Counts()).Select(d => d.Charge).ToList()), items));
        }
        Members = members;
    }
}
