using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outbound.Core.Workforce;
using Outbound.Data;
using Outbound.Data.Workforce;
using Outbound.Web.Security;

namespace Outbound.Web.Areas.Hr.Pages;

/// <summary>The month's attendance: every ended, rostered shift judged against the agent's logins (dialer and attendance machine).</summary>
[Authorize(Policy = Policies.Hr)]
public sealed class AttendanceModel(AttendanceLog attendance, Staff staff, CenterTime center, TimeProvider clock) : PageModel
{
    public sealed record Summary(StaffRecord Person, int Shifts, int Late, int EarlyLeave, int Absent, int NotReady);

    public CalendarMonth Month { get; private set; }
    public IReadOnlyList<Summary> People { get; private set; } = [];
    public IReadOnlyList<AttendanceRecord> Exceptions { get; private set; } = [];
    public IReadOnlyDictionary<AgentId, StaffRecord> Names { get; private set; } = new Dictionary<AgentId, StaffRecord>();

    public async Task OnGetAsync(string? month, CancellationToken ct)
    {
        Month = center.MonthOf(clock, month);
        var records = await attendance.ClassifyAsync(Month.FirstDay, Month.LastDay, clock.GetUtcNow(), ct);
        Names = (await staff.ListAsync(ct)).ToDictionary(s => s.Agent);
        People = records.GroupBy(r => r.Shift.Agent).Where(g => Names.ContainsKey(g.Key)).Select(g => new Summary(Names[g.Key], g.Count(),
                g.Count(r => r.Status is AttendanceStatus.Late or AttendanceStatus.LateAndEarlyLeave),
                g.Count(r => r.Status is AttendanceStatus.EarlyLeave or AttendanceStatus.LateAndEarlyLeave),
                g.Count(r => r.Status == AttendanceStatus.Absent),
                g.Count(r => !r.ReadyInTime)))
            .OrderBy(s => s.Person.EmployeeNo, StringComparer.Ordinal).ToList();
        Exceptions = records.Where(r => r.Status != AttendanceStatus.Present || !r.ReadyInTime)
            .OrderBy(r => r.Shift.Start).ThenBy(r => Names.TryGetValue(r.Shift.Agent, out var s) ? s.EmployeeNo : "", StringComparer.Ordinal).ToList();
    }

    public string NameOf(AgentId a) => Names.TryGetValue(a, out var s) ? $"{s.EmployeeNo} {s.Name}" : a.ToString();
}
