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

/// <summary>
/// Appeals waiting for Hr: uphold the deduction or void it. A month with open appeals is not settled; a late appeal on a settled month
/// that is voided reaches the agent as an adjustment of the next settlement, and the page says so.
/// </summary>
[Authorize(Policy = Policies.Hr)]
public sealed class AppealsModel(Deductions deductions, Settlements settlements, Staff staff) : PageModel
{
    public sealed record Row(DeductionView Deduction, string? AppealReason);

    public IReadOnlyList<Row> Appeals { get; private set; } = [];
    public IReadOnlyDictionary<AgentId, StaffRecord> People { get; private set; } = new Dictionary<AgentId, StaffRecord>();
    [TempData] public string? Message { get; set; }
    public string? Problem { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public Task<IActionResult> OnPostUpholdAsync(Guid id, string? reason, CancellationToken ct) => Decide(id, DeductionAction.Uphold, reason, ct);

    public Task<IActionResult> OnPostVoidAsync(Guid id, string? reason, CancellationToken ct) => Decide(id, DeductionAction.Void, reason, ct);

    private async Task<IActionResult> Decide(Guid id, DeductionAction action, string? reason, CancellationToken ct)
    {
        try
        {
            var state = await deductions.ApplyAsync(new DeductionId(id), action, User.ToAssessmentActor(), reason, ct);
            Message = await DecidedMessageAsync(new DeductionId(id), state, ct);
            return RedirectToPage();
        }
        catch (AssessmentRefusedException e)
        {
            Problem = e.Text.ToText();
            await LoadAsync(ct);
            return Page();
        }
    }

    /// <summary>What the decision does to pay: a void in a month already settled reaches the agent as an adjustment of the next one.</summary>
    private async Task<string> DecidedMessageAsync(DeductionId id, DeductionState state, CancellationToken ct)
    {
        if (state != DeductionState.Voided) return AssessmentTexts.UpheldMessage;
        var month = CalendarMonth.Of((await deductions.FindAsync(id, User.ToAssessmentActor(), ct)).OccurredOn);
        return ((await settlements.SettledMonthsAsync(ct)).Contains(month) ? AssessmentTexts.VoidedAfterSettlement : AssessmentTexts.VoidedMessage)
            .Format(month);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var actor = User.ToAssessmentActor();
        var rows = new List<Row>();
        foreach (var d in await deductions.InStateAsync(DeductionState.Appealed, actor, ct))
        {
            var audit = await deductions.AuditAsync(d.Id, actor, ct);
            rows.Add(new Row(d, audit.LastOrDefault(a => a.To == DeductionState.Appealed)?.Reason));
        }
        Appeals = rows;
        People = (await staff.ListAsync(ct)).ToDictionary(s => s.Agent);
    }
}
