using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outbound.Core.Workforce;
using Outbound.Data;
using Outbound.Data.Assessment;
using Outbound.Data.Workforce;
using Outbound.Web.Localization;
using Outbound.Web.Security;

namespace Outbound.Web.Areas.Hr.Pages;

/// <summary>Shift templates (早班 08:00 for 8 h …) and the floor's 大轮班 cycle; the teams sit in it at their offsets.</summary>
[Authorize(Policy = Policies.Hr)]
public sealed class ShiftsModel(Rosters rosters, Staff staff, CenterTime center, TimeProvider clock) : PageModel
{
    public sealed record TemplateInput(string? Code, string? Name, TimeOnly Start, decimal LengthHours);
    public sealed record RotationInput(string? Cycle, DateOnly Anchor);

    public IReadOnlyList<ShiftTemplate> Templates { get; private set; } = [];
    public Rotation? Rotation { get; private set; }
    public IReadOnlyList<TeamRecord> Teams { get; private set; } = [];
    public DateOnly Today => center.Today(clock);
    [TempData] public string? Message { get; set; }
    public string? Problem { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public Task<IActionResult> OnPostTemplateAsync(TemplateInput input, CancellationToken ct) => Attempt(() =>
    {
        if (string.IsNullOrWhiteSpace(input.Code)) throw Refused(WorkforceTexts.ShiftCodeRequired);
        if (input.LengthHours is <= 0 or > 24) throw Refused(WorkforceTexts.ShiftLengthRange);
        return rosters.SaveTemplateAsync(new ShiftTemplate(new ShiftCode(input.Code.Trim()), input.Name?.Trim() ?? "", input.Start,
            TimeSpan.FromHours((double)input.LengthHours)), ct);
    }, ct);

    public Task<IActionResult> OnPostRemoveAsync(string code, CancellationToken ct) =>
        Attempt(() => rosters.DeleteTemplateAsync(new ShiftCode(code), ct), ct);

    public Task<IActionResult> OnPostRotationAsync(RotationInput input, CancellationToken ct) => Attempt(async () =>
    {
        var known = (await rosters.TemplatesAsync(ct)).Select(t => t.Code).ToHashSet();
        var cycle = ParseCycle(input.Cycle);
        if (cycle.Count == 0) throw Refused(WorkforceTexts.RotationEmpty);
        if (cycle.OfType<ShiftCode>().FirstOrDefault(c => !known.Contains(c)) is { } unknown)
            throw new AssessmentRefusedException($"班次 {unknown} 没有班次模板。", $"Shift {unknown} has no template.");
        await rosters.SaveRotationAsync(new Rotation(cycle, input.Anchor), ct);
    }, ct);

    /// <summary>"E,E,M,-" → E, E, M, rest. Full-width commas (，) and spaces are accepted as separators too.</summary>
    public static IReadOnlyList<ShiftCode?> ParseCycle(string? text) =>
        (text ?? "").Split([',', '，', ' ', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => c is "-" or "休" ? null : new ShiftCode(c)).ToList();

    public static string FormatCycle(Rotation r) => string.Join(",", r.Cycle.Select(c => c?.Value ?? "-"));

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

    private static AssessmentRefusedException Refused(Text why) => new(why.Zh, why.En);

    private async Task LoadAsync(CancellationToken ct)
    {
        Templates = await rosters.TemplatesAsync(ct);
        Rotation = await rosters.RotationAsync(ct);
        Teams = await staff.TeamListAsync(ct);
    }
}
