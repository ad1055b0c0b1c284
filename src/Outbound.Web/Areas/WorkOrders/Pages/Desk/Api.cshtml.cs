using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outbound.Core.Campaigns;
using Outbound.Core.WorkOrders;
using Outbound.Data.WorkOrders;
using Outbound.Web.Areas.Desk;

namespace Outbound.Web.Areas.WorkOrders.Pages.Desk;

/// <summary>
/// The desk's work-order panel talks to these handlers (JSON): the caller's orders for the screen pop, the order types of
/// the campaign on screen, and opening an order from the call, prefilled and linked to the lead or caller, the campaign
/// and the agent's call (its record is linked by the timer service once the call has ended and been written).
/// </summary>
public sealed class ApiModel(CurrentViewer viewers, WorkOrderSearch search, OrderTypes types, WorkOrderStore store, DeskSessions sessions,
    WorkOrderNotifier notifier, TimeProvider clock) : PageModel
{
    public sealed record CreateInput(Guid TypeId, string? Subject, string? Description, string? CustomerName, string? Phone, long? LeadId,
        string? CampaignKind, Dictionary<string, string?>? Fields);

    public IActionResult OnGet() => NotFound();

    public async Task<IActionResult> OnGetCallerAsync(string? phone, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(phone)) return new JsonResult(Array.Empty<object>());
        var rows = await search.OfCallerAsync(await viewers.GetAsync(ct), phone, ct: ct);
        return new JsonResult(rows.Select(r => new
        {
            r.Id, r.Subject, status = (string)WorkOrderTexts.Status(r.Status), statusCode = r.Status.ToString(), open = r.Status.IsOpen(), r.TypeName,
            r.DepartmentName, r.Answer, created = Data.CenterTime.China.ToLocal(r.CreatedAt).ToString("yyyy-MM-dd HH:mm"),
        }));
    }

    public async Task<IActionResult> OnGetTypesAsync(Guid campaign, CancellationToken ct)
    {
        var viewer = await viewers.GetAsync(ct);
        var list = (await types.ListAsync(campaign, ct: ct)).Where(t => t.Active && viewer.Opens(t.TenantId, t.CampaignId));
        return new JsonResult(list.Select(t => new
        {
            t.Id, t.Name, t.DepartmentName, priority = t.DefaultPriority.ToString(),
            fields = t.Fields.Select(f => new { f.Key, f.Label, kind = f.Kind.ToString(), f.Required, f.Choices }),
        }));
    }

    public async Task<IActionResult> OnPostCreateAsync([FromBody] CreateInput input, CancellationToken ct)
    {
        var viewer = await viewers.GetAsync(ct);
        var agent = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        // The call on screen, if any, is the one the order is opened on; after the disposition the desk still sends the last caller.
        var pop = (await sessions.FindAsync(agent))?.Context.Pop;
        var leadId = pop is { LeadId: > 0 } ? pop.LeadId : input.LeadId is > 0 ? input.LeadId : null;
        var inbound = (pop?.CampaignKind ?? input.CampaignKind) == nameof(CampaignKind.Inbound);
        var result = await store.CreateAsync(viewer, new NewWorkOrder(input.TypeId, input.Subject ?? "", input.Description,
            input.CustomerName ?? pop?.Name, input.Phone ?? pop?.Phone, leadId, input.Fields ?? [], null,
            new DeskCallLink(inbound ? DeskCallLink.Inbound : DeskCallLink.Outbound, agent)), "desk", clock.GetUtcNow(), ct);
        if (result.Id is { } id)
        {
            await notifier.PushAsync(result.Notices);
            return new JsonResult(new { id, message = WorkOrderTexts.Created1.Format(id) });
        }
        var chosen = await types.FindAsync(input.TypeId, ct);
        var errors = result.Problems.Where(p => p != OrderProblem.FieldsInvalid).Select(p => (string)WorkOrderTexts.Problem(p))
            .Concat(result.FieldErrors.Select(e => WorkOrderTexts.Field(e.Problem).Format(chosen?.Fields.FirstOrDefault(f => f.Key == e.Key)?.Label ?? e.Key)));
        return new JsonResult(new { errors }) { StatusCode = 422 };
    }
}
