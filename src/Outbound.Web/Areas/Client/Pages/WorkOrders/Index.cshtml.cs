using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outbound.Data.WorkOrders;
using Outbound.Web.Areas.WorkOrders;
using Outbound.Web.Security;

namespace Outbound.Web.Areas.Client.Pages.WorkOrders;

/// <summary>The client's work orders (its tenant's only); "mine" narrows to the orders its departments hold.</summary>
[Authorize(Policy = Policies.ClientPortal)]
public sealed class IndexModel(CurrentViewer viewers, WorkOrderSearch search) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public bool Open { get; set; }
    [BindProperty(SupportsGet = true)] public bool Mine { get; set; } = true;

    public IReadOnlyList<WorkOrderRow> Rows { get; private set; } = [];
    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var viewer = await viewers.GetAsync(ct);
        var rows = new List<WorkOrderRow>();
        SearchProblem? problem = null;
        if (Mine)
            foreach (var department in viewer.Departments)
            {
                var (found, p) = await search.SearchAsync(viewer, Q, new OrderFilter(Open, department), ct: ct);
                rows.AddRange(found);
                problem ??= p;
            }
        else (rows, problem) = ((await search.SearchAsync(viewer, Q, new OrderFilter(Open), ct: ct)).Rows.ToList(), null);
        Rows = rows.DistinctBy(r => r.Id).OrderByDescending(r => r.Id).ToList();
        Problem = problem is null ? null : WorkOrderTexts.SearchTooShort.ToString();
    }
}
