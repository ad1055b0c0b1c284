using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outbound.Core.Performance;
using Outbound.Core.Tenants;
using Outbound.Core.WorkOrders;
using Outbound.Data;
using Outbound.Data.Performance;
using Outbound.Data.WorkOrders;
using Outbound.Web.Security;

namespace Outbound.Web.Areas.WorkOrders.Pages;

/// <summary>
/// The supervisor's service metrics of a campaign over a month: first-contact resolution, full resolution, escalation and
/// skip-level complaint rates, SLA attainment per type, and the client's knowledge-base timeliness — the figures the
/// client's performance report prints.
/// </summary>
[Authorize(Policy = Policies.ServiceMetrics)]
public sealed class MetricsModel(PerformanceQueries campaigns, ServiceMetricsQueries queries, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Campaign { get; set; }
    [BindProperty(SupportsGet = true)] public string? Month { get; set; }

    public IReadOnlyList<ReportedCampaign> Campaigns { get; private set; } = [];
    public ReportedCampaign? Chosen { get; private set; }
    public Ratio Fcr { get; private set; }
    public WorkOrderFigures? Figures { get; private set; }
    public Ratio Timeliness { get; private set; }
    public DateOnly First { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Campaigns = await campaigns.CampaignsAsync(TenantScope.AllTenants, ct);
        var today = CenterTime.China.Day(clock.GetUtcNow());
        First = DateOnly.TryParseExact(Month + "-01", "yyyy-MM-dd", out var m) ? m : new DateOnly(today.Year, today.Month, 1);
        Month = First.ToString("yyyy-MM");
        Chosen = Campaigns.FirstOrDefault(c => c.Code == Campaign) ?? Campaigns.FirstOrDefault();
        if (Chosen is null) return;
        var (start, end) = PerformanceQueries.Period(First, First.AddMonths(1).AddDays(-1));
        Fcr = ServiceMetrics.FirstContactResolution(await queries.ContactsAsync(Chosen.Id.Value, start, end, ct));
        Figures = ServiceMetrics.Measure(await queries.OrdersAsync(Chosen.Id.Value, null, start, end, ct));
        Timeliness = await queries.TimelinessAsync(Chosen.TenantId.Value, start, end, clock.GetUtcNow(), ct);
    }
}
