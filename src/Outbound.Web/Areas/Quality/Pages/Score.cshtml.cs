using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outbound.Core.Quality;
using Outbound.Data.Quality;

namespace Outbound.Web.Areas.Quality.Pages;

/// <summary>
/// 评分: one call on screen — its recording (seek, 1×/1.5×/2×), record, events and the agent's desk form — and the form's
/// items with a note and a time in the call each. Only a Qa user of the campaign scores, never their own call; a
/// calibration session's calls are scored blind, on the session's form.
/// </summary>
public sealed class ScoreModel(QualityViewers viewers, QualityCalls calls, QualityForms forms, Data.Quality.Evaluations evaluations, Data.Quality.Calibrations calibrations,
    RecordingFiles recordings, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Call { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Session { get; set; }
    public QualityCall Record { get; private set; } = null!;
    public IReadOnlyList<CallEvent> Events { get; private set; } = [];
    public CallDeskForm? Desk { get; private set; }
    public RecordingStatus Recording { get; private set; }
    public StoredForm? Form { get; private set; }
    public IReadOnlyList<ItemAnswer>? Posted { get; private set; }
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid formId, int formVersion, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused) return refused;
        var form = await forms.VersionAsync(formId, formVersion, ct);
        if (form is null) return Problem(QualityTexts.Refusal(QualityRefusal.FormChanged));
        Posted = AnswerForm.Read(form, Request.Form);
        try
        {
            var viewer = await viewers.OfAsync(User, ct);
            var id = await evaluations.SubmitAsync(viewer, Call, formId, formVersion, Posted, Session, clock.GetUtcNow(), ct);
            TempData["Flash"] = (string)QualityTexts.Evaluated;
            return Session is { } s ? RedirectToPage("Calibrations/Details", new { id = s }) : RedirectToPage("Evaluations/Details", new { id });
        }
        catch (AnswersInvalidException e)
        {
            Problems = e.Problems.Select(QualityTexts.Problem).ToList();
        }
        catch (QualityRefusedException e)
        {
            Problems = [QualityTexts.Refusal(e.Refusal)];
        }
        return Page();
    }

    private IActionResult Problem(string text)
    {
        Problems = [text];
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var viewer = await viewers.OfAsync(User, ct);
        if (await calls.FindAsync(Call, ct) is not { } call || !viewer.MayReadResults(call.CampaignId)) return NotFound();
        Record = call;
        if (!viewer.MayScore(call.CampaignId, call.Agent)) return Forbid();
        Events = await calls.EventsAsync(call, ct);
        Desk = await calls.DeskFormAsync(call, ct);
        Recording = recordings.Locate(call).Status;
        if (Session is { } session)
        {
            if (await calibrations.FindAsync(session, ct) is not { } s || !s.Calls.Contains(Call)) return NotFound();
            Form = await forms.FindAsync(s.FormId, ct);
        }
        else Form = await forms.ForCampaignAsync(call.CampaignId, ct);
        return null;
    }
}
