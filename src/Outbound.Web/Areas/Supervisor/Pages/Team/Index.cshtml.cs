using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outbound.Core.Assessment;
using Outbound.Core.Workforce;
using Outbound.Data;
using Outbound.Data.Assessment;
using Outbound.Data.Workforce;
using Outbound.Web.Areas.Hr;
using Outbound.Web.Security;

namespace Outbound.Web.Areas.Supervisor.Pages.Team;

/// <summary>本班组考核: the points and confirmed deductions of the team the supervisor leads (read-only).</summary>
[Authorize(Policy = Policies.SupervisorTeam)]
public sealed class IndexModel(Deductions deductions, Staff staff, Rosters rosters, AttendanceLog attendance, Handovers handovers,
    CenterTime center, TimeProvider clock) : PageModel
{
    public sealed record Member(StaffRecord Person, PayrollLine Line, IReadOnlyList<DeductionView> Items);

    /// <summary>A team member on today's roster: when they logged in, and what they handed over.</summary>
    public sealed record OnShift(StaffRecord Person, RosterEntry Entry, DateTime? FirstLogin, IReadOnlyList<HandoverLog> Logs);

    public CalendarMonth Month { get; private set; }
    public IReadOnlyList<Member> Members { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public IReadOnlyList<OnShift> Shifts { get; private set; } = [];

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
        await LoadTodayAsync(team, ct);
    }

    private async Task LoadTodayAsync(IReadOnlySet<AgentId> team, CancellationToken ct)
    {
        Today = center.Today(clock);
        var people = (await staff.ListAsync(ct)).ToDictionary(s => s.Agent);
        var entries = (await rosters.ForDaysAsync(Today, Today, ct: ct)).Where(e => team.Contains(e.Agent) && people.ContainsKey(e.Agent)).ToList();
        if (entries.Count == 0) return;
        var sessions = await attendance.SessionsAsync(new DateTimeOffset(center.ToUtc(entries.Min(e => e.Start).AddHours(-2)), TimeSpan.Zero),
            new DateTimeOffset(center.ToUtc(entries.Max(e => e.End)), TimeSpan.Zero), ct);
        var logs = (await handovers.ForDaysAsync(Today, Today, ct)).ToLookup(l => (l.From, l.Shift));
        Shifts = entries.Select(e => new OnShift(people[e.Agent], e,
            AttendanceClassifier.Classify(e, sessions, AttendancePolicy.Seed).FirstLogin, logs[(e.Agent, e.Shift)].ToList())).ToList();
    }
}
