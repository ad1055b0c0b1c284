using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outbound.Core.Quality;
using Outbound.Data.Quality;

namespace Outbound.Web.Areas.Quality.Pages.Evaluations;

/// <summary>One evaluation for Qa, supervisors, Hr and the admin: the answers with their notes on the recording, the dispute, the history, and — for a second Qa or a supervisor — the decision.</summary>
public sealed class DetailsModel(QualityViewers viewers, Data.Quality.Evaluations evaluations, QualityCalls calls, QualityForms forms,
    RecordingFiles recordings, TimeProvider clock) : PageModel
{
    public EvaluationView Evaluation { get; private set; } = null!;
    public EvaluationForm Form { get; private set; } = null!;
    public QualityCall? Call { get; private set; }
    public IReadOnlyList<CallEvent> Events { get; private set; } = [];
    public CallDeskForm? Desk { get; private set; }
    public RecordingStatus Recording { get; private set; }
    public IReadOnlyList<EvaluationLogEntry> Log { get; private set; } = [];
    public bool MayDecide { get; private set; }
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostDecideAsync(Guid id, string decision, string? note, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        var amend = decision == "amend";
        try
        {
            await evaluations.DecideAsync(await viewers.OfAsync(User, ct), id, amend, amend ? AnswerForm.Read(Form, Request.Form) : null, note, clock.GetUtcNow(), ct);
            TempData["Flash"] = (string)QualityTexts.Done;
            return RedirectToPage(new { id });
        }
        catch (AnswersInvalidException e) { Problems = e.Problems.Select(QualityTexts.Problem).ToList(); }
        catch (QualityRefusedException e) { Problems = [QualityTexts.Refusal(e.Refusal)]; }
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var viewer = await viewers.OfAsync(User, ct);
        if (await evaluations.FindAsync(id, ct) is not { } evaluation || !viewer.MayReadResults(evaluation.CampaignId)) return NotFound();
        Evaluation = evaluation;
        Form = (await forms.VersionAsync(evaluation.FormId, evaluation.FormVersion, ct))!;
        Call = await calls.FindAsync(evaluation.CallId, ct);
        if (Call is not null)
        {
            Events = await calls.EventsAsync(Call, ct);
            Desk = await calls.DeskFormAsync(Call, ct);
            Recording = recordings.Locate(Call).Status;
        }
        Log = await evaluations.LogAsync(id, ct);
        MayDecide = evaluation.State == EvaluationState.Disputed && viewer.MayDecide(evaluation.CampaignId, evaluation.Scorer);
        return null;
    }
}
