using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outbound.Core.Assessment;
using Outbound.Core.Workforce;
using Outbound.Data.Assessment;
using Outbound.Data.Workforce;
using Outbound.Web.Localization;
using Outbound.Web.Security;

namespace Outbound.Web.Areas.Hr.Pages;

/// <summary>Hr records occurrences with evidence, runs detection, and confirms or voids drafts.</summary>
[Authorize(Policy = Policies.Hr)]
public sealed class DeductionsModel(Deductions deductions, AssessmentRules rules, Staff staff, DetectionRun detection, TimeProvider clock)
    : PageModel
{
    public sealed record RecordInput(Guid Agent, int Rule, DateOnly OccurredOn, decimal? Fine, string? Note, string? EvidenceRef);

    public IReadOnlyList<DeductionView> Drafts { get; private set; } = [];
    public IReadOnlyList<AssessmentRule> Rules { get; private set; } = [];
    /// <summary>Detection looks at the current month by default; at a month's start Hr picks the one just ended.</summary>
    public CalendarMonth DetectMonth => MonthParameter.Resolve(null, clock, false);
    public IReadOnlyDictionary<AgentId, StaffRecord> People { get; private set; } = new Dictionary<AgentId, StaffRecord>();
    [TempData] public string? Message { get; set; }
    public string? Problem { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    /// <summary>Longest evidence note and reference a deduction keeps (a note is a few sentences; the evidence itself is the recording or log).</summary>
    public const int MaxNote = 2000, MaxEvidenceRef = 200;

    public async Task<IActionResult> OnPostRecordAsync(RecordInput input, CancellationToken ct)
    {
        if ((input.Note?.Length ?? 0) > MaxNote || (input.EvidenceRef?.Length ?? 0) > MaxEvidenceRef)
        {
            Problem = (input.Note?.Length ?? 0) > MaxNote
                ? ParameterTexts.TooLong.Format(AssessmentTexts.Note.ToString(), MaxNote)
                : ParameterTexts.TooLong.Format(AssessmentTexts.Evidence.ToString(), MaxEvidenceRef);
            await LoadAsync(ct);
            return Page();
        }
        var rule = await rules.FindAsync(new RuleNumber(input.Rule), ct);
        var evidence = new Evidence(rule?.Evidence ?? EvidenceKind.Manual, string.IsNullOrWhiteSpace(input.EvidenceRef) ? null : input.EvidenceRef.Trim(),
            input.Note ?? "");
        return await Attempt(() => deductions.RecordAsync(
            new NewDeduction(new AgentId(input.Agent), new RuleNumber(input.Rule), input.OccurredOn, input.Fine, evidence), User.ToAssessmentActor(), ct),
            AssessmentTexts.Recorded, ct);
    }

    public Task<IActionResult> OnPostConfirmAsync(Guid id, CancellationToken ct) =>
        Attempt(() => deductions.ApplyAsync(new DeductionId(id), DeductionAction.Confirm, User.ToAssessmentActor(), null, ct), AssessmentTexts.Done, ct);

    public Task<IActionResult> OnPostVoidAsync(Guid id, string? reason, CancellationToken ct) =>
        Attempt(() => deductions.ApplyAsync(new DeductionId(id), DeductionAction.Void, User.ToAssessmentActor(), reason, ct), AssessmentTexts.Done, ct);

    public async Task<IActionResult> OnPostDetectAsync(string? month, CancellationToken ct)
    {
        var m = MonthParameter.Resolve(month, clock, false);
        var found = await detection.RunAsync(m.FirstDay, m.LastDay, clock.GetLocalNow(), ct);
        Message = AssessmentTexts.DetectedCount.Format(found.Count);
        return RedirectToPage();
    }

    private async Task<IActionResult> Attempt<T>(Func<Task<T>> action, string done, CancellationToken ct)
    {
        try
        {
            await action();
            Message = done;
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
        Drafts = await deductions.InStateAsync(DeductionState.Draft, User.ToAssessmentActor(), ct);
        Rules = await rules.ListAsync(ct);
        People = (await staff.ListAsync(ct)).ToDictionary(s => s.Agent);
    }
}
