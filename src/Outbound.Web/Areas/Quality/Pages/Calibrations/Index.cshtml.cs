using Dapper;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Npgsql;
using Outbound.Core.Identity;
using Outbound.Core.Quality;
using Outbound.Data.Quality;

namespace Outbound.Web.Areas.Quality.Pages.Calibrations;

/// <summary>校准: the sessions the viewer leads, scores in or may read; a Qa user opens one on recent recorded calls of a campaign.</summary>
public sealed class IndexModel(QualityViewers viewers, Data.Quality.Calibrations calibrations, QualityCalls calls, NpgsqlDataSource dataSource,
    TimeProvider clock) : PageModel
{
    public IReadOnlyList<CalibrationSession> Sessions { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Code)> Campaigns { get; private set; } = [];
    public IReadOnlyList<QualityCall> Candidates { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> Staff { get; private set; } = [];
    [BindProperty(SupportsGet = true)] public Guid? Campaign { get; set; }
    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(string name, Guid[] calls, Guid[] scorers, Guid? expert, decimal tolerance, CancellationToken ct)
    {
        try
        {
            var id = await calibrations.CreateAsync(await viewers.OfAsync(User, ct), Campaign ?? Guid.Empty, name ?? "", calls, scorers, expert, tolerance,
                clock.GetUtcNow(), ct);
            return RedirectToPage("Details", new { id });
        }
        catch (QualityRefusedException e)
        {
            Problem = e.Refusal == QualityRefusal.NotAllowed && e.Message.Contains(':') ? QualityTexts.SessionInvalid : QualityTexts.Refusal(e.Refusal);
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var viewer = await viewers.OfAsync(User, ct);
        Sessions = await calibrations.ListAsync(viewer, ct);
        if (viewer.Role != QualityRole.Qa) return;
        Campaigns = (await calls.CampaignsAsync(ct)).Where(c => viewer.MayManage(c.Id)).Select(c => (c.Id, c.Code)).ToList();
        Campaign ??= Campaigns.FirstOrDefault().Id;
        if (Campaign is not { } campaign || !viewer.MayManage(campaign)) return;
        var now = clock.GetUtcNow();
        Candidates = await calls.RecentAsync(campaign, now.AddDays(-62), now.AddDays(1), 40, ct);
        // Scorers: the campaign's Qa staff and supervisors.
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        Staff = (await connection.QueryAsync<(Guid, string)>(new CommandDefinition("""
            SELECT u.id, u.display_name FROM campaign_agents a JOIN users u ON u.id = a.user_id
            JOIN user_roles ur ON ur.user_id = u.id JOIN roles r ON r.id = ur.role_id
            WHERE a.campaign_id = @campaign AND r.name = ANY(@roles) ORDER BY u.display_name
            """, new { campaign, roles = new[] { Roles.Qa, Roles.Supervisor } }, cancellationToken: ct))).ToList();
    }
}
