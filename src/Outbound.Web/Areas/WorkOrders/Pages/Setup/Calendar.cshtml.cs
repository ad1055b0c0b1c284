using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Outbound.Core.WorkOrders;
using Outbound.Data.WorkOrders;
using Outbound.Web.Security;

namespace Outbound.Web.Areas.WorkOrders.Pages.Setup;

/// <summary>The business calendar SLA clocks run on: weekly hours, public holidays and make-up workdays (the current Chinese ones ship).</summary>
[Authorize(Policy = Policies.WorkOrderSetup)]
public sealed class CalendarModel(CalendarStore calendar) : PageModel
{
    public IReadOnlyDictionary<IsoDayOfWeek, OpeningHours> Weekly { get; private set; } = new Dictionary<IsoDayOfWeek, OpeningHours>();
    public IReadOnlyList<CalendarDay> Days { get; private set; } = [];
    public string? Error { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    /// <summary>Open[d], Opens[d], Closes[d] for ISO weekdays 1–7.</summary>
    public async Task<IActionResult> OnPostWeeklyAsync(Dictionary<int, bool> open, Dictionary<int, TimeOnly?> opens, Dictionary<int, TimeOnly?> closes, CancellationToken ct)
    {
        var weekly = new Dictionary<IsoDayOfWeek, OpeningHours>();
        for (var d = 1; d <= 7; d++)
            if (open.GetValueOrDefault(d) && opens.GetValueOrDefault(d) is { } o && closes.GetValueOrDefault(d) is { } c)
                weekly[(IsoDayOfWeek)d] = new OpeningHours(LocalTime.FromTimeOnly(o), LocalTime.FromTimeOnly(c));
        var problems = await calendar.SaveWeeklyAsync(weekly, ct);
        return await AfterAsync(problems, ct);
    }

    public async Task<IActionResult> OnPostDayAsync(DateOnly? day, SpecialDayKind kind, string? name, TimeOnly? opens, TimeOnly? closes, CancellationToken ct)
    {
        if (day is null || string.IsNullOrWhiteSpace(name)) return await AfterAsync([], ct, missing: true);
        var problems = await calendar.SaveDayAsync(new CalendarDay(day.Value, kind, name.Trim(), opens, closes), ct);
        return await AfterAsync(problems, ct);
    }

    public async Task<IActionResult> OnPostRemoveAsync(DateOnly day, CancellationToken ct)
    {
        await calendar.RemoveDayAsync(day, ct);
        return RedirectToPage();
    }

    private async Task<IActionResult> AfterAsync(IReadOnlyList<CalendarProblem> problems, CancellationToken ct, bool missing = false)
    {
        if (problems.Count == 0 && !missing)
        {
            TempData["Flash"] = (string)Localization.CommonTexts.Saved;
            return RedirectToPage();
        }
        Error = missing ? Localization.CommonTexts.FixErrors : string.Join(" ", problems.Select(p => (string)SetupTexts.Problem(p)));
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) => (Weekly, Days) = await calendar.ReadAsync(ct);
}
