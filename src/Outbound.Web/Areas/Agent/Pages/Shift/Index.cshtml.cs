using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outbound.Core.Workforce;
using Outbound.Data;
using Outbound.Data.Assessment;
using Outbound.Data.Workforce;
using Outbound.Web.Areas.Hr;
using Outbound.Web.Localization;
using Outbound.Web.Security;

namespace Outbound.Web.Areas.Agent.Pages.Shift;

/// <summary>我的班次: the signed-in agent's roster for the month with attendance, the handover log for their shifts, and work handed to them.</summary>
[Authorize(Policy = Policies.AssessmentSelf)]
public sealed class IndexModel(Rosters rosters, AttendanceLog attendance, Handovers handovers, Staff staff, CenterTime center, TimeProvider clock)
    : PageModel
{
    /// <summary><c>ShiftKey</c> is "yyyy-MM-dd|CODE": one of the agent's own rostered shifts.</summary>
    public sealed record HandoverInput(string? ShiftKey, Guid? To, string? Notes)
    {
        public (DateOnly Day, ShiftCode Shift)? Parse() =>
            ShiftKey?.Split('|') is [var day, var code] && DateOnly.TryParseExact(day, "yyyy-MM-dd", out var d) ? (d, new ShiftCode(code)) : null;
    }
    public sealed record MyShift(RosterEntry Entry, AttendanceRecord? Attendance, IReadOnlyList<HandoverLog> Logs, bool Started);

    public CalendarMonth Month { get; private set; }
    public IReadOnlyList<MyShift> Shifts { get; private set; } = [];
    public IReadOnlyList<HandoverLog> ToMe { get; private set; } = [];
    public IReadOnlyList<StaffRecord> Colleagues { get; private set; } = [];
    [TempData] public string? Message { get; set; }
    public string? Problem { get; private set; }

    public Task OnGetAsync(string? month, CancellationToken ct) => LoadAsync(center.MonthOf(clock, month), ct);

    public async Task<IActionResult> OnPostHandoverAsync(HandoverInput input, string? month, CancellationToken ct)
    {
        var me = User.ToAssessmentActor().Id;
        var now = center.Now(clock);
        try
        {
            var (day, shift) = input.Parse() ?? throw new AssessmentRefusedException("请选择您的一个班次。", "Choose one of your shifts.");
            var entry = (await rosters.ForDaysAsync(day, day, me, ct)).FirstOrDefault(e => e.Shift == shift);
            // A shift is handed over while or after it is worked, not in advance.
            if (entry is not null && entry.Start > now)
                throw new AssessmentRefusedException("该班次尚未开始。", "This shift has not started yet.");
            await handovers.WriteAsync(new HandoverLog(me, input.To is { } to ? new AgentId(to) : null, day, shift, input.Notes ?? "", now), ct);
            Message = WorkforceTexts.Written;
            return RedirectToPage(new { month });
        }
        catch (AssessmentRefusedException e)
        {
            Problem = e.Text.ToText();
            await LoadAsync(center.MonthOf(clock, month), ct);
            return Page();
        }
    }

    private async Task LoadAsync(CalendarMonth month, CancellationToken ct)
    {
        var me = User.ToAssessmentActor().Id;
        var now = center.Now(clock);
        Month = month;
        var mine = await rosters.ForDaysAsync(month.FirstDay, month.LastDay, me, ct);
        var judged = (await attendance.ClassifyAsync(month.FirstDay, month.LastDay, clock.GetUtcNow(), ct))
            .Where(a => a.Shift.Agent == me).ToDictionary(a => (a.Shift.Day, a.Shift.Shift));
        var logs = await handovers.ForDaysAsync(month.FirstDay.AddDays(-1), month.LastDay, ct);
        var written = logs.Where(l => l.From == me).ToLookup(l => (l.Day, l.Shift));
        Shifts = mine.Select(e => new MyShift(e, judged.GetValueOrDefault((e.Day, e.Shift)), written[(e.Day, e.Shift)].ToList(), e.Start <= now)).ToList();
        ToMe = logs.Where(l => l.To == me).OrderByDescending(l => l.WrittenAt).ToList();
        var everyone = await staff.ListAsync(ct);
        var myTeam = everyone.FirstOrDefault(s => s.Agent == me)?.Team;
        Colleagues = everyone.Where(s => s.Active && s.Agent != me)
            .OrderByDescending(s => s.Team == myTeam).ThenBy(s => s.EmployeeNo, StringComparer.Ordinal).ToList();
    }

    public string NameOf(AgentId a) => Colleagues.FirstOrDefault(c => c.Agent == a) is { } s ? $"{s.EmployeeNo} {s.Name}" : a.ToString();
}
