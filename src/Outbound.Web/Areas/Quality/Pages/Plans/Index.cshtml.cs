using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outbound.Core.Quality;
using Outbound.Data.Quality;

namespace Outbound.Web.Areas.Quality.Pages.Plans;

/// <summary>抽检计划: the plans the viewer may read, and a new plan for a campaign and month (or week) with its rules.</summary>
public sealed class IndexModel(QualityViewers viewers, SamplingPlans plans, QualityCalls calls, TimeProvider clock) : PageModel
{
    public sealed class PlanInput
    {
        public Guid Campaign { get; set; }
        public string Kind { get; set; } = "month";
        public string? Month { get; set; }
        public DateOnly? Week { get; set; }
        public int PerAgent { get; set; } = 10;
        public int MinTalkSeconds { get; set; } = 30;
        public string TalkBands { get; set; } = "60,180,600";
        public string? Complaints { get; set; }
        public int? LongCallMinutes { get; set; }
        public int? ShortCallSeconds { get; set; }
        public bool TakeAll { get; set; }
        public int? Seed { get; set; }
    }

    [BindProperty] public PlanInput Input { get; set; } = new();
    public IReadOnlyList<PlanSummary> Plans { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Code)> Campaigns { get; private set; } = [];
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input.Month = CenterMonth(clock.GetUtcNow().AddMonths(-1));
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var viewer = await viewers.OfAsync(User, ct);
        var bands = Input.TalkBands.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(b => int.TryParse(b, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : -1).ToList();
        var settings = new SamplingSettings
        {
            PerAgent = Input.PerAgent, MinTalkSeconds = Input.MinTalkSeconds, TalkBandBounds = bands,
            ComplaintDispositions = (Input.Complaints ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            LongCallMinutes = Input.LongCallMinutes, ShortCallSeconds = Input.ShortCallSeconds, TakeAllWhenShort = Input.TakeAll,
        };
        PlanPeriod? period = Input.Kind == "week" ? Input.Week is { } w ? PlanPeriod.WeekOf(w) : null
            : DateOnly.TryParseExact(Input.Month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m) ? PlanPeriod.Month(m.Year, m.Month) : null;
        if (period is null)
        {
            Problems = [new Localization.Text("请选择期间。", "Choose a period.")];
            await LoadAsync(ct);
            return Page();
        }
        try
        {
            var outcome = await plans.CreateAsync(viewer, Input.Campaign, period, settings, Input.Seed ?? RandomNumberGenerator.GetInt32(int.MaxValue), clock.GetUtcNow(), ct);
            if (outcome.Plan is { } plan)
            {
                TempData["Flash"] = QualityTexts.PlanCreated.Format(plan.Calls);
                return RedirectToPage("Details", new { id = plan.Id });
            }
            var names = await calls.AgentNamesAsync(outcome.Draw.Short.Select(s => s.Agent), ct);
            Problems = [QualityTexts.PlanShort.Format(settings.PerAgent, string.Join("、", outcome.Draw.Short.Select(s => $"{names[s.Agent]} ({s.Eligible})")))];
        }
        catch (SamplingInvalidException e) { Problems = e.Problems.Select(QualityTexts.Problem).ToList(); }
        catch (QualityRefusedException e) { Problems = [QualityTexts.Refusal(e.Refusal)]; }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var viewer = await viewers.OfAsync(User, ct);
        Plans = await plans.ListAsync(viewer, ct);
        Campaigns = (await calls.CampaignsAsync(ct)).Where(c => viewer.MayManage(c.Id)).Select(c => (c.Id, c.Code)).ToList();
    }

    private static string CenterMonth(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
