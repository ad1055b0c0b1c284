using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outbound.Core.Identity;
using Outbound.Data.WorkOrders;

namespace Outbound.Web.Areas.WorkOrders.Pages;

/// <summary>The user's work-order notices: SLA warnings, escalations, orders sent their way, answers to their orders.</summary>
public sealed class InboxModel(CurrentViewer viewers, WorkOrderNotices notices, TimeProvider clock) : PageModel
{
    public IReadOnlyList<NoticeView> Notices { get; private set; } = [];
    public string DetailsPath => User.IsInRole(Roles.Client) ? "/Client/WorkOrders/Details" : "/WorkOrders/Details";

    public async Task OnGetAsync(CancellationToken ct) => Notices = await notices.ForUserAsync((await viewers.GetAsync(ct)).UserId, ct: ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await notices.MarkReadAsync((await viewers.GetAsync(ct)).UserId, clock.GetUtcNow(), ct: ct);
        return RedirectToPage();
    }
}
