using Outbound.Core.WorkOrders;
using Outbound.Data.WorkOrders;
using Outbound.Web.Localization;

namespace Outbound.Web.Areas.WorkOrders;

/// <summary>Texts of work orders (工单), their setup, SLAs and metrics.</summary>
public static class WorkOrderTexts
{
    public static readonly Text Title = new("工单", "Work orders");
    public static readonly Text NewOrder = new("新建工单", "New work order");
    public static readonly Text Order = new("工单", "Order");
    public static readonly Text OrderNo = new("工单号", "Order no.");
    public static readonly Text Subject = new("标题", "Subject");
    public static readonly Text Description = new("问题描述", "Description");
    public static readonly Text Customer = new("客户姓名", "Customer");
    public static readonly Text Phone = new("来电号码", "Caller number");
    public static readonly Text Type = new("工单类型", "Order type");
    public static readonly Text Priority = new("优先级", "Priority");
    public static readonly Text Department = new("处理部门", "Department");
    public static readonly Text Overseer = new("督办部门", "Overseen by");
    public static readonly Text Assignee = new("处理人", "Assignee");
    public static readonly Text Campaign = new("项目", "Campaign");
    public static readonly Text Created = new("创建时间", "Opened");
    public static readonly Text CreatedBy = new("创建人", "Opened by");
    public static readonly Text Answer = new("处理结果（答复客户）", "Answer for the customer");
    public static readonly Text FullyResolved = new("圆满解决", "Fully resolved");
    public static readonly Text History = new("处理记录", "History");
    public static readonly Text Escalations = new("督办记录", "Escalations");
    public static readonly Text Attachments = new("附件", "Attachments");
    public static readonly Text Upload = new("上传附件", "Upload");
    public static readonly Text AttachmentLimits = new("PDF、图片、Word/Excel、文本或录音，不超过 10 MB。", "PDF, images, Word/Excel, text or audio, up to 10 MB.");
    public static readonly Text Note = new("备注", "Note");
    public static readonly Text AddNote = new("添加备注", "Add note");
    public static readonly Text Search = new("查询工单", "Find orders");
    public static readonly Text SearchHint = new("来电号码、工单号、客户姓名、自定义字段或关键词", "Number, order no., customer, field value or words");
    public static readonly Text OpenOnly = new("仅未办结", "Open only");
    public static readonly Text EscalatedOnly = new("仅督办", "Escalated only");
    public static readonly Text Mine = new("我的", "Mine");
    public static readonly Text AllDepartments = new("全部部门", "All departments");
    public static readonly Text NoOrders = new("没有工单。", "No orders.");
    public static readonly Text Due = new("下一时限", "Next due");
    public static readonly Text Sla = new("服务时限 (SLA)", "SLA");
    public static readonly Text FirstResponseDue = new("首次响应时限", "First response due");
    public static readonly Text NextUpdateDue = new("下次跟进时限", "Next update due");
    public static readonly Text ResolutionDue = new("办结时限", "Resolution due");
    public static readonly Text Paused = new("等待客户，计时暂停（剩余 {0}）", "Waiting for the customer, clock paused ({0} left)");
    public static readonly Text Call = new("关联通话", "Call");
    public static readonly Text CallPending = new("通话记录待关联", "Call record to be linked");
    public static readonly Text Lead = new("客户记录", "Lead");
    public static readonly Text MergedInto = new("已合并到工单 {0}", "Merged into order {0}");
    public static readonly Text MergeInto = new("合并到工单号", "Merge into order no.");
    public static readonly Text Reason = new("原因", "Reason");
    public static readonly Text Created1 = new("工单 {0} 已创建。", "Order {0} opened.");
    public static readonly Text Done = new("已更新。", "Updated.");
    public static readonly Text Inbox = new("工单通知", "Order notices");
    public static readonly Text NoNotices = new("没有通知。", "No notices.");
    public static readonly Text MarkRead = new("全部标为已读", "Mark all read");
    public static readonly Text Setup = new("工单设置", "Order setup");
    public static readonly Text Metrics = new("服务指标", "Service metrics");
    public static readonly Text CallerOrders = new("来电客户工单", "Caller's orders");
    public static readonly Text NoCallerOrders = new("该号码没有工单。", "No orders for this number.");
    public static readonly Text ChooseType = new("请选择工单类型", "Choose an order type");
    public static readonly Text OpenFromCall = new("从当前通话新建工单", "Open an order from this call");
    public static readonly Text NoCall = new("当前没有通话，请先接通客户或填写号码。", "No call on screen: take a call or type the number.");

    public static readonly Text Assign = new("指派", "Assign");
    public static readonly Text Start = new("开始处理", "Start");
    public static readonly Text Wait = new("等待客户", "Wait for customer");
    public static readonly Text Resume = new("客户已回复", "Customer replied");
    public static readonly Text Resolve = new("办结", "Resolve");
    public static readonly Text Close = new("关闭", "Close");
    public static readonly Text Reopen = new("重新打开", "Reopen");
    public static readonly Text Transfer = new("转派部门", "Transfer");
    public static readonly Text Merge = new("合并重复工单", "Merge duplicate");

    public static Text Status(WorkOrderStatus status) => status switch
    {
        WorkOrderStatus.New => new("新建", "New"),
        WorkOrderStatus.Assigned => new("已指派", "Assigned"),
        WorkOrderStatus.InProgress => new("处理中", "In progress"),
        WorkOrderStatus.WaitingForCustomer => new("等待客户", "Waiting for customer"),
        WorkOrderStatus.Resolved => new("已办结", "Resolved"),
        _ => new("已关闭", "Closed"),
    };

    public static Text PriorityName(WorkOrderPriority priority) => priority switch
    {
        WorkOrderPriority.Low => new("低", "Low"),
        WorkOrderPriority.Normal => new("普通", "Normal"),
        WorkOrderPriority.High => new("高", "High"),
        _ => new("紧急", "Urgent"),
    };

    public static Text Target(SlaTarget target) => target switch
    {
        SlaTarget.FirstResponse => new("首次响应", "First response"),
        SlaTarget.NextUpdate => new("跟进", "Next update"),
        _ => new("办结", "Resolution"),
    };

    /// <summary>A history line's kind.</summary>
    public static Text EventKind(string kind) => kind switch
    {
        "created" => new("创建", "Opened"),
        "assigned" => new("指派", "Assigned"),
        "started" => new("开始处理", "Started"),
        "waiting" => new("等待客户", "Waiting for customer"),
        "resumed" => new("客户已回复", "Customer replied"),
        "resolved" => new("办结", "Resolved"),
        "closed" => new("关闭", "Closed"),
        "reopened" => new("重新打开", "Reopened"),
        "transferred" => new("转派", "Transferred"),
        "note" => new("备注", "Note"),
        "attachment" => new("附件", "Attachment"),
        "merged" => new("合并为重复", "Merged as duplicate"),
        "merged_from" => new("并入重复工单", "Duplicate merged in"),
        "sla_warning" => new("即将超时提醒", "SLA warning"),
        "escalated" => new("超时督办", "Escalated"),
        "new_order" => new("新工单", "New order"),
        _ => new(kind, kind),
    };

    public static Text Problem(OrderProblem problem) => problem switch
    {
        OrderProblem.NotFound => new("工单不存在或无权查看。", "No such order, or not yours to see."),
        OrderProblem.NotAllowed => new("该工单不在您所在部门，不能处理。", "This order is not in your department."),
        OrderProblem.TypeNotFound => new("请选择有效的工单类型。", "Choose a valid order type."),
        OrderProblem.TypeInactive => new("该工单类型已停用。", "This order type is no longer used."),
        OrderProblem.SubjectRequired => new("请填写标题。", "Enter a subject."),
        OrderProblem.SubjectTooLong => new("标题不能超过 200 字。", "The subject is longer than 200 characters."),
        OrderProblem.DescriptionTooLong => new("问题描述不能超过 4000 字。", "The description is longer than 4000 characters."),
        OrderProblem.InvalidPhone => new("号码无效，请检查。", "The phone number is not valid."),
        OrderProblem.LeadNotInCampaign => new("客户记录不属于该项目。", "The lead is not in this campaign."),
        OrderProblem.FieldsInvalid => new("请检查自定义字段。", "Check the custom fields."),
        OrderProblem.AssigneeNotInDepartment => new("只能指派给处理部门或督办部门的成员。", "Assign to a member of the handling or overseeing department."),
        OrderProblem.DepartmentNotAllowed => new("不能转派到该部门。", "The order cannot go to that department."),
        OrderProblem.MergeTargetNotFound => new("目标工单不存在、已合并或属于其他客户。", "The target order does not exist, was merged, or belongs to another client."),
        OrderProblem.Attachment => new("附件不符合要求。", "The attachment was refused."),
        _ => new("操作未执行。", "Not done."),
    };

    public static Text Refusal(WorkflowRefusal refusal) => refusal switch
    {
        WorkflowRefusal.NotInThisStatus => new("工单当前状态下不能执行该操作。", "Not possible in the order's current status."),
        WorkflowRefusal.AnswerRequired => new("办结须填写给客户的答复。", "Resolving needs an answer for the customer."),
        WorkflowRefusal.ReasonRequired => new("请填写重新打开的原因。", "Give the reason for reopening."),
        WorkflowRefusal.NoteRequired => new("备注不能为空。", "The note is empty."),
        WorkflowRefusal.AlreadyInDepartment => new("工单已在该部门。", "The order is already there."),
        WorkflowRefusal.MergeIntoItself => new("不能合并到自身。", "An order cannot be merged into itself."),
        WorkflowRefusal.MergedOrderIsFinal => new("已合并的工单不能再处理。", "A merged order is final."),
        _ => new("内容过长（最多 4000 字）。", "Too long (4000 characters at most)."),
    };

    public static Text Attachment(AttachmentProblem problem) => problem switch
    {
        AttachmentProblem.Empty => new("文件为空。", "The file is empty."),
        AttachmentProblem.TooLarge => new("文件超过 10 MB 上限。", "The file is over the 10 MB limit."),
        AttachmentProblem.ForbiddenType => new("不允许上传该类型的文件（允许：PDF、图片、Word/Excel、文本、录音）。", "Files of this type are not allowed (PDF, images, Word/Excel, text, audio are)."),
        AttachmentProblem.ContentDoesNotMatch => new("文件内容与扩展名不符，已拒绝。", "The file's content does not match its extension."),
        _ => new("文件名过长。", "The file name is too long."),
    };

    public static Text Field(FieldProblem problem) => problem switch
    {
        FieldProblem.Missing => new("{0}：必填。", "{0}: required."),
        FieldProblem.NotANumber => new("{0}：须为数字。", "{0}: must be a number."),
        FieldProblem.NotADate => new("{0}：日期格式为 yyyy-MM-dd。", "{0}: a date as yyyy-MM-dd."),
        FieldProblem.NotAChoice => new("{0}：请从选项中选择。", "{0}: choose one of the options."),
        FieldProblem.TooLong => new("{0}：过长。", "{0}: too long."),
        _ => new("{0}：未知字段。", "{0}: unknown field."),
    };

    public static readonly Text SearchTooShort = new("请至少输入 2 个字符再查询。", "Type at least 2 characters to search.");
}
