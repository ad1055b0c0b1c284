using Outbound.Core.WorkOrders;

namespace Outbound.Data.WorkOrders;

/// <summary>An order to open. <see cref="Call"/> links it to the call on the desk (the agent and its kind); the record is linked once written.</summary>
public sealed record NewWorkOrder(
    Guid TypeId, string Subject, string? Description, string? CustomerName, string? Phone, long? LeadId,
    IReadOnlyDictionary<string, string?> Fields, WorkOrderPriority? Priority = null, DeskCallLink? Call = null);

/// <summary>The call an order was opened on: outbound or inbound, and the agent who had it.</summary>
public sealed record DeskCallLink(string Kind, string Agent)
{
    public const string Outbound = "outbound";
    public const string Inbound = "inbound";
}

/// <summary>Why an order cannot be opened or changed; the web words the codes.</summary>
public enum OrderProblem
{
    NotFound, NotAllowed, TypeNotFound, TypeInactive, SubjectRequired, SubjectTooLong, DescriptionTooLong, InvalidPhone, LeadNotInCampaign, FieldsInvalid,
    AssigneeNotInDepartment, DepartmentNotAllowed, MergeTargetNotFound, Refused, Attachment,
}

/// <summary>Someone to tell about an order (an SLA warning, an escalation, an order sent their way, an answer to their order).</summary>
public sealed record OrderNotice(Guid UserId, long OrderId, string Kind, string Subject);

public sealed record CreateOrderResult(long? Id, IReadOnlyList<OrderProblem> Problems, IReadOnlyList<FieldError> FieldErrors, IReadOnlyList<OrderNotice> Notices)
{
    public static CreateOrderResult Refused(params OrderProblem[] problems) => new(null, problems, [], []);
}

public sealed record ActResult(OrderProblem? Problem, WorkflowRefusal? Refusal, IReadOnlyList<OrderNotice> Notices, AttachmentProblem? Attachment = null)
{
    public bool Done => Problem is null;
    public static ActResult Ok(IReadOnlyList<OrderNotice> notices) => new(null, null, notices);
    public static ActResult Fail(OrderProblem problem) => new(problem, null, []);
}

/// <summary>One work order as its page shows it.</summary>
public sealed record WorkOrderView(
    long Id, Guid TenantId, Guid CampaignId, string CampaignName, Guid TypeId, string TypeCode, string TypeName, WorkOrderStatus Status,
    WorkOrderPriority Priority, Guid DepartmentId, string DepartmentName, Guid? AssigneeId, string? AssigneeName, Guid? OverseerId, string? OverseerName,
    string Subject, string Description, string? CustomerName, string? Phone, long? LeadId, IReadOnlyDictionary<string, string> Fields,
    string? CallKind, string? CallAgent, Guid? CallId, Guid CreatedBy, string CreatedByName, string CreatedVia, DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt, DateTimeOffset? FirstRespondedAt, DateTimeOffset? ResolvedAt, DateTimeOffset? ClosedAt, string? Answer,
    bool? ResolvedFully, int Reopened, long? MergedInto, int EscalationLevel, int Escalations, SlaTimers Sla)
{
    public bool Open => Status.IsOpen();
}

/// <summary>An order in a list or search result.</summary>
public sealed record WorkOrderRow(
    long Id, string Subject, WorkOrderStatus Status, WorkOrderPriority Priority, string TypeName, string CampaignName, string DepartmentName,
    string? AssigneeName, string? CustomerName, string? Phone, DateTimeOffset CreatedAt, DateTimeOffset? ResolvedAt, string? Answer,
    int Escalations, DateTimeOffset? NextDue);

/// <summary>A line of an order's history.</summary>
public sealed record WorkOrderEvent(long Id, DateTimeOffset At, string ActorName, string Kind, IReadOnlyDictionary<string, string?> Detail);

public sealed record WorkOrderAttachment(Guid Id, long OrderId, string FileName, string ContentType, int SizeBytes, string UploadedBy, DateTimeOffset UploadedAt);

/// <summary>An escalation as recorded.</summary>
public sealed record WorkOrderEscalation(DateTimeOffset At, SlaTarget Target, DateTimeOffset DueAt, int LevelFrom, int LevelTo, WorkOrderPriority PriorityFrom,
    WorkOrderPriority PriorityTo, string? DepartmentName, int Notified);
