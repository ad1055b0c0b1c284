using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outbound.Core.Workforce;
using Outbound.Data;
using Outbound.Data.Workforce;
using Outbound.Web.Security;

namespace Outbound.Web.Areas.Hr.Pages;

/// <summary>One day's handover logs shift by shift: who handed over what to whom, and who rostered on an ended shift wrote none (rule 13).</summary>
[Authorize(Policy = Policies.Hr)]
public sealed class HandoversModel(Handovers handovers, Rosters rosters, Staff staff, CenterTime center, TimeProvider clock) : PageModel
{
    public sealed record Line(RosterEntry Entry, IReadOnlyList<HandoverLog> Logs, bool Ended);

    public DateOnly Day { get; private set; }
    public IReadOnlyList<IGrouping<ShiftCode, Line>> Shifts { get; private set; } = [];
    public IReadOnlyDictionary<AgentId, StaffRecord> Names { get; private set; } = new Dictionary<AgentId, StaffRecord>();

    public async Task OnGetAsync(DateOnly? day, CancellationToken ct)
    {
        Day = day ?? center.Today(clock);
        var now = center.Now(clock);
        var logs = (await handovers.ForDaysAsync(Day, Day, ct)).ToLookup(l => (l.From, l.Shift));
        Names = (await staff.ListAsync(ct)).ToDictionary(s => s.Agent);
        Shifts = (await rosters.ForDaysAsync(Day, Day, ct: ct))
            .Select(e => new Line(e, logs[(e.Agent, e.Shift)].ToList(), e.End <= now))
            .GroupBy(l => l.Entry.Shift).ToList();
    }

    public string NameOf(AgentId? a) => a is null ? WorkforceTexts.TheTeam : Names.TryGetValue(a, out var s) ? $"{s.EmployeeNo} {s.Name}" : a.ToString();
}
