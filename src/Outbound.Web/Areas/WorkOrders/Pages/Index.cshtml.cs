using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outbound.Data.WorkOrders;

namespace Outbound.Web.Areas.WorkOrders.Pages;

/// <summary>The order list: search by number, order no., customer, field or words; filter by department, open, mine, escalated.</summary>
public sealed class IndexModel(CurrentViewer viewers, WorkOrderSearch search, Departments departments, WorkOrderNotices notices) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Department { get; set; }
    [BindProperty(SupportsGet = true)] public bool Open { get; set; }
    [BindProperty(SupportsGet = true)] public bool Mine { get; set; }
    [BindProperty(SupportsGet = true)] public bool Escalated { get; set; }

    public IReadOnlyList<WorkOrderRow> Rows { get; private set; } = [];
    public IReadOnlyList<Department> Departments { get; private set; } = [];
    public string? Problem { get; private set; }
    public int Unread { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var viewer = await viewers.GetAsync(ct);
        Departments = await departments.ListAsync(ct: ct);
        var (rows, problem) = await search.SearchAsync(viewer, Q, new OrderFilter(Open, Department, Mine ? viewer.UserId : null, EscalatedOnly: Escalated), ct: ct);
        Rows = rows;
        Problem = problem is null ? null : WorkOrderTexts.SearchTooShort.ToString();
        Unread = await notices.UnreadAsync(viewer.UserId, ct);
    }
}
