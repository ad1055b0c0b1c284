using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outbound.Core.Quality;
using Outbound.Data.Quality;

namespace Outbound.Web.Areas.Quality.Pages.Calibrations;

/// <summary>
/// One calibration session: while open, each scorer sees the calls and only their own scores; once the lead closes it,
/// everyone sees the spread per call and item, each scorer's deviation (flagged outside the tolerance), ICC(2,1) and alpha.
/// </summary>
public sealed class DetailsModel(QualityViewers viewers, Data.Quality.Calibrations calibrations, QualityCalls calls, TimeProvider clock) : PageModel
{
    public CalibrationSession Session { get; private set; } = null!;
    public QualityViewer Viewer { get; private set; } = QualityViewer.Nobody;
    public IReadOnlyList<QualityCall> Calls { get; private set; } = [];
    public IReadOnlyList<CalibrationScore> Scores { get; private set; } = [];
    public CalibrationResult? Result { get; private set; }
    public IReadOnlyDictionary<Guid, string> Names { get; private set; } = new Dictionary<Guid, string>();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Viewer = await viewers.OfAsync(User, ct);
        if (await calibrations.FindAsync(id, ct) is not { } session || !Data.Quality.Calibrations.MaySee(Viewer, session)) return NotFound();
        Session = session;
        Calls = await calls.FindManyAsync(session.Calls, ct);
        (Scores, Result) = await calibrations.ScoresAsync(Viewer, session, ct);
        Names = session.Scorers.ToDictionary(s => s.Id, s => s.Name);
        return Page();
    }

    public async Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct)
    {
        try { await calibrations.CloseAsync(await viewers.OfAsync(User, ct), id, clock.GetUtcNow(), ct); }
        catch (QualityRefusedException) { return NotFound(); }
        return RedirectToPage(new { id });
    }
}
