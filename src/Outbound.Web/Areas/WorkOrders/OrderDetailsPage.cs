using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outbound.Core.WorkOrders;
using Outbound.Data.WorkOrders;

namespace Outbound.Web.Areas.WorkOrders;

/// <summary>
/// One work order with its history, escalations and attachments, and the actions the viewer may take. The operator's page
/// (/WorkOrders/Details) and the client portal's (/Client/WorkOrders/Details) both derive from it; each sets its own policy.
/// </summary>
public abstract class OrderDetailsPage(CurrentViewer viewers, WorkOrderStore store, Departments departments, WorkOrderNotifier notifier, TimeProvider clock)
    : PageModel
{
    public WorkOrderView Order { get; private set; } = null!;
    public IReadOnlyList<WorkOrderEvent> History { get; private set; } = [];
    public IReadOnlyList<WorkOrderEscalation> Escalations { get; private set; } = [];
    public IReadOnlyList<WorkOrderAttachment> Attachments { get; private set; } = [];
    public IReadOnlyList<DepartmentMember> Assignable { get; private set; } = [];
    public IReadOnlyList<Department> Destinations { get; private set; } = [];
    public bool CanWork { get; private set; }
    public string? Error { get; private set; }

    /// <summary>Where this page lives (for links and redirects).</summary>
    public abstract string PagePath { get; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>One workflow action from the page's buttons.</summary>
    public async Task<IActionResult> OnPostActAsync(long id, string action, Guid? assignee, Guid? department, string? text, bool fully, long? target,
        CancellationToken ct)
    {
        WorkOrderAction? chosen = action switch
        {
            "assign" when assignee is { } a => new WorkOrderAction.Assign(a),
            "start" => new WorkOrderAction.Start(),
            "wait" => new WorkOrderAction.WaitForCustomer(),
            "resume" => new WorkOrderAction.Resume(),
            "resolve" => new WorkOrderAction.Resolve(text ?? "", fully),
            "close" => new WorkOrderAction.Close(),
            "reopen" => new WorkOrderAction.Reopen(text ?? ""),
            "transfer" when department is { } d => new WorkOrderAction.Transfer(d),
            "note" => new WorkOrderAction.Note(text ?? ""),
            "merge" when target is { } t => new WorkOrderAction.MergeInto(t),
            _ => null,
        };
        if (chosen is null) return BadRequest();
        var result = await store.ActAsync(await viewers.GetAsync(ct), id, chosen, clock.GetUtcNow(), ct);
        if (result.Problem == OrderProblem.NotFound) return NotFound();
        await notifier.PushAsync(result.Notices);
        return await AfterAsync(id, result, ct);
    }

    public async Task<IActionResult> OnPostAttachAsync(long id, IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0) return await AfterAsync(id, new ActResult(OrderProblem.Attachment, null, [], AttachmentProblem.Empty), ct);
        if (file.Length > AttachmentPolicy.MaxBytes) return await AfterAsync(id, new ActResult(OrderProblem.Attachment, null, [], AttachmentProblem.TooLarge), ct);
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var result = await store.AttachAsync(await viewers.GetAsync(ct), id, file.FileName, buffer.ToArray(), clock.GetUtcNow(), ct);
        if (result.Problem == OrderProblem.NotFound) return NotFound();
        return await AfterAsync(id, result, ct);
    }

    /// <summary>An attachment, only through an order the viewer sees.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(Guid attachment, CancellationToken ct) =>
        await store.DownloadAsync(await viewers.GetAsync(ct), attachment, ct) is { } found
            ? File(found.Content, found.Info.ContentType, found.Info.FileName)
            : NotFound();

    private async Task<IActionResult> AfterAsync(long id, ActResult result, CancellationToken ct)
    {
        if (result.Done)
        {
            TempData["Flash"] = (string)WorkOrderTexts.Done;
            return Redirect($"{PagePath}?id={id}");
        }
        Error = result.Attachment is { } a ? WorkOrderTexts.Attachment(a)
            : result.Refusal is { } r ? WorkOrderTexts.Refusal(r)
            : WorkOrderTexts.Problem(result.Problem!.Value);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var viewer = await viewers.GetAsync(ct);
        if (await store.FindAsync(viewer, id, ct) is not { } order) return false;
        Order = order;
        History = await store.HistoryAsync(viewer, id, ct);
        Escalations = await store.EscalationsAsync(viewer, id, ct);
        Attachments = await store.AttachmentsAsync(viewer, id, ct);
        CanWork = viewer.Works(order.TenantId, order.CampaignId, order.DepartmentId, order.OverseerId);
        if (CanWork)
        {
            var members = (await departments.MembersAsync(order.DepartmentId, ct)).ToList();
            if (order.OverseerId is { } overseer) members.AddRange(await departments.MembersAsync(overseer, ct));
            Assignable = members.DistinctBy(m => m.UserId).ToList();
            Destinations = (await departments.ListAsync(order.TenantId, all: false, ct)).Where(d => d.Id != order.DepartmentId).ToList();
        }
        return true;
    }
}
