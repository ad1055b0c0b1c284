using Microsoft.AspNetCore.Mvc.RazorPages;
using Outbound.Data.Quality;

namespace Outbound.Web.Areas.Quality.Pages.Forms;

/// <summary>评分表: the forms of the clients and campaigns the viewer covers, each at its current version.</summary>
public sealed class IndexModel(QualityViewers viewers, QualityForms forms) : PageModel
{
    public IReadOnlyList<StoredForm> Forms { get; private set; } = [];
    public bool MayCreate { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var viewer = await viewers.OfAsync(User, ct);
        Forms = await forms.ListAsync(viewer, ct);
        MayCreate = viewer.Role is Core.Quality.QualityRole.Qa or Core.Quality.QualityRole.Admin;
    }
}
