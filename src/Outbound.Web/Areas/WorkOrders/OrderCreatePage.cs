using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outbound.Core.WorkOrders;
using Outbound.Data.WorkOrders;

namespace Outbound.Web.Areas.WorkOrders;

/// <summary>
/// Opening an order on a page: choose a type of a campaign one may open orders for, then fill its fields. Used by
/// supervisors and staff (/WorkOrders/Create) and by client users for their own tenant (/Client/WorkOrders/Create).
/// Nothing is saved until every field is right; the form comes back with what was typed and each problem named.
/// </summary>
public abstract class OrderCreatePage(CurrentViewer viewers, OrderTypes types, WorkOrderStore store, WorkOrderNotifier notifier, TimeProvider clock) : PageModel
{
    public IReadOnlyList<OrderType> Types { get; private set; } = [];
    public OrderType? Chosen { get; private set; }
    public List<string> Errors { get; } = [];

    [BindProperty(SupportsGet = true)] public Guid? TypeId { get; set; }
    [BindProperty] public string? Subject { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public string? CustomerName { get; set; }
    [BindProperty(SupportsGet = true)] public string? Phone { get; set; }
    [BindProperty] public WorkOrderPriority? Priority { get; set; }
    [BindProperty] public Dictionary<string, string?> Fields { get; set; } = [];

    public abstract string DetailsPath { get; }

    /// <summary>How the order came in (<c>staff</c> or <c>client</c>).</summary>
    protected abstract string Via { get; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Chosen is null)
        {
            Errors.Add(WorkOrderTexts.Problem(OrderProblem.TypeNotFound));
            return Page();
        }
        var result = await store.CreateAsync(await viewers.GetAsync(ct), new NewWorkOrder(Chosen.Id, Subject ?? "", Description, CustomerName, Phone, null,
            Fields, Priority), Via, clock.GetUtcNow(), ct);
        if (result.Id is { } id)
        {
            await notifier.PushAsync(result.Notices);
            TempData["Flash"] = WorkOrderTexts.Created1.Format(id);
            return Redirect($"{DetailsPath}?id={id}");
        }
        Errors.AddRange(result.Problems.Where(p => p != OrderProblem.FieldsInvalid).Select(p => (string)WorkOrderTexts.Problem(p)));
        Errors.AddRange(result.FieldErrors.Select(e => WorkOrderTexts.Field(e.Problem).Format(Chosen.Fields.FirstOrDefault(f => f.Key == e.Key)?.Label ?? e.Key)));
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var viewer = await viewers.GetAsync(ct);
        Types = (await types.ListAsync(ct: ct)).Where(t => t.Active && viewer.Opens(t.TenantId, t.CampaignId)).ToList();
        Chosen = Types.FirstOrDefault(t => t.Id == TypeId);
    }
}
