using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outbound.Core.Quality;
using Outbound.Data.Quality;
using Outbound.Web.Areas.Quality;
using Outbound.Web.Security;

namespace Outbound.Web.Areas.Agent.Pages.Quality;

/// <summary>One of the agent's own evaluations: the answers and notes against their recording; acknowledge, or dispute once with a reason.</summary>
[Authorize(Policy = Policies.QualitySelf)]
public sealed class DetailsModel(Evaluations evaluations, QualityForms forms, QualityCalls calls, RecordingFiles recordings, TimeProvider clock) : PageModel
{
    public EvaluationView Evaluation { get; private set; } = null!;
    public EvaluationForm Form { get; private set; } = null!;
    public RecordingStatus Recording { get; private set; }
    public string? Problem { get; private set; }

    private Guid Me => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public Task<IActionResult> OnPostAcknowledgeAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, () => evaluations.AcknowledgeAsync(Me, id, clock.GetUtcNow(), ct), ct);

    public Task<IActionResult> OnPostDisputeAsync(Guid id, string? reason, CancellationToken ct) =>
        ActAsync(id, () => evaluations.DisputeAsync(Me, id, reason, clock.GetUtcNow(), ct), ct);

    private async Task<IActionResult> ActAsync(Guid id, Func<Task> act, CancellationToken ct)
    {
        try
        {
            await act();
            TempData["Flash"] = (string)QualityTexts.Done;
            return RedirectToPage(new { id });
        }
        catch (QualityRefusedException e)
        {
            if (e.Refusal is QualityRefusal.NotFound or QualityRefusal.NotYours) return NotFound();
            Problem = QualityTexts.Refusal(e.Refusal);
            return await LoadAsync(id, ct) ?? Page();
        }
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        // Someone else's evaluation, or a calibration score, is not found rather than refused: its existence is not shown.
        if (await evaluations.FindAsync(id, ct) is not { CalibrationId: null } evaluation || evaluation.Agent != Me.ToString()) return NotFound();
        Evaluation = evaluation;
        Form = (await forms.VersionAsync(evaluation.FormId, evaluation.FormVersion, ct))!;
        Recording = await calls.FindAsync(evaluation.CallId, ct) is { } call ? recordings.Locate(call).Status : RecordingStatus.NotRecorded;
        return null;
    }
}
