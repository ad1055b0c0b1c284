using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outbound.Core.Workforce;
using Outbound.Data;
using Outbound.Data.Assessment;
using Outbound.Data.Workforce;
using Outbound.Web.Localization;
using Outbound.Web.Pages;
using Outbound.Web.Security;

namespace Outbound.Web.Areas.Hr.Pages;

/// <summary>The month's roster as a grid (people × days), generated from the rotation; leaders sit with their teams.</summary>
[Authorize(Policy = Policies.Hr)]
public sealed class RosterModel(Rosters rosters, Staff staff, CenterTime center, TimeProvider clock) : PageModel
{
    public sealed record Row(StaffRecord Person, string Team, bool Leads, IReadOnlyDictionary<DateOnly, ShiftCode> Shifts);

    public sealed record DayInput(Guid Agent, DateOnly Day, string? Shift);

    public CalendarMonth Month { get; private set; }
    public IReadOnlyList<ShiftTemplate> Templates { get; private set; } = [];
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Entries { get; private set; }
    [TempData] public string? Message { get; set; }
    public string? Problem { get; private set; }

    public Task OnGetAsync(string? month, CancellationToken ct) => LoadAsync(center.MonthOf(clock, month), ct);

    public async Task<IActionResult> OnPostGenerateAsync(string? month, CancellationToken ct)
    {
        var m = center.MonthOf(clock, month);
        try
        {
            var roster = await rosters.GenerateAsync(m, ct);
            Message = WorkforceTexts.Generated.Format(roster.Count);
            return RedirectToPage(new { month = m.ToString() });
        }
        catch (AssessmentRefusedException e)
        {
            Problem = e.Text.ToText();
            await LoadAsync(m, ct);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostDayAsync(DayInput input, CancellationToken ct)
    {
        if (!ModelState.IsValid || input.Agent == Guid.Empty) return HttpContext.BadParameter(ParameterTexts.ChooseAgentAndDay);
        var m = MonthParameter.Parse(input.Day.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture))!.Value;
        try
        {
            await rosters.SetDayAsync(new AgentId(input.Agent), input.Day, string.IsNullOrWhiteSpace(input.Shift) ? null : new ShiftCode(input.Shift), ct);
            Message = CommonTexts.Saved;
            return RedirectToPage(new { month = m.ToString() });
        }
        catch (AssessmentRefusedException e)
        {
            Problem = e.Text.ToText();
            await LoadAsync(m, ct);
            return Page();
        }
    }

    private async Task LoadAsync(CalendarMonth month, CancellationToken ct)
    {
        Templates = await rosters.TemplatesAsync(ct);
        Month = month;
        var entries = await rosters.ForDaysAsync(month.FirstDay, month.LastDay, ct: ct);
        Entries = entries.Count;
        var teams = (await staff.TeamListAsync(ct)).ToDictionary(t => t.Id);
        var byAgent = entries.ToLookup(e => e.Agent);
        Rows = (await staff.ListAsync(ct))
            .Where(p => byAgent.Contains(p.Agent) || p.Active)
            .Select(p => new Row(p, p.Team is { } t && teams.TryGetValue(t, out var team) ? team.Name : WorkforceTexts.NoTeam,
                teams.Values.Any(t => t.Leader == p.Agent), byAgent[p.Agent].ToDictionary(e => e.Day, e => e.Shift)))
            .OrderBy(r => r.Team, StringComparer.Ordinal).ThenByDescending(r => r.Leads).ThenBy(r => r.Person.EmployeeNo, StringComparer.Ordinal)
            .ToList();
    }
}
