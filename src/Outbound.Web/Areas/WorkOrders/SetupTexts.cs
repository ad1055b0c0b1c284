using Outbound.Core.WorkOrders;
using Outbound.Data.WorkOrders;
using Outbound.Web.Localization;

namespace Outbound.Web.Areas.WorkOrders;

/// <summary>Texts of the work-order setup pages: types, SLAs, departments and the business calendar.</summary>
public static class SetupTexts
{
    public static readonly Text Types = new("工单类型", "Order types");
    public static readonly Text Departments = new("部门", "Departments");
    public static readonly Text Calendar = new("工作日历", "Business calendar");
    public static readonly Text NewType = new("新建类型", "New type");
    public static readonly Text DefaultPriority = new("默认优先级", "Default priority");
    public static readonly Text SkipLevel = new("越级投诉（计入越级投诉率）", "Skip-level complaint (counts in the skip-level rate)");
    public static readonly Text Active = new("启用", "In use");
    public static readonly Text Fields = new("自定义字段（每行：键|名称|类型 Text/Number/Date/Choice|必填 1/0|选项,逗号分隔）",
        "Custom fields (one per line: key|label|kind Text/Number/Date/Choice|required 1/0|choices, comma separated)");
    public static readonly Text Chain = new("督办链（每级：部门与该级处理时限，小时）", "Escalation chain (per level: department and its time, hours)");
    public static readonly Text Level = new("第 {0} 级", "Level {0}");
    public static readonly Text SlaHours = new("SLA（工作小时；留空表示该优先级无时限）", "SLA (business hours; blank: none at this priority)");
    public static readonly Text FirstResponse = new("首次响应", "First response");
    public static readonly Text NextUpdate = new("跟进间隔", "Next update");
    public static readonly Text Resolution = new("办结", "Resolution");
    public static readonly Text WarnMinutes = new("提前提醒（分钟）", "Warn before (minutes)");
    public static readonly Text Operator = new("运营方（外包中心）", "Operator (the center)");
    public static readonly Text Members = new("成员", "Members");
    public static readonly Text AddMember = new("添加成员（登录邮箱）", "Add member (login e-mail)");
    public static readonly Text Lead = new("负责人（接收督办）", "Lead (told of escalations)");
    public static readonly Text Remove = new("移除", "Remove");
    public static readonly Text Weekly = new("每周营业时间", "Weekly hours");
    public static readonly Text Open = new("营业", "Open");
    public static readonly Text Opens = new("开始", "Opens");
    public static readonly Text Closes = new("结束", "Closes");
    public static readonly Text SpecialDays = new("节假日与调休上班日", "Holidays and make-up workdays");
    public static readonly Text Day = new("日期", "Day");
    public static readonly Text Kind = new("类别", "Kind");
    public static readonly Text Holiday = new("放假", "Holiday");
    public static readonly Text Workday = new("调休上班", "Make-up workday");
    public static readonly Text AddDay = new("添加", "Add");
    public static readonly Text BadFieldLine = new("自定义字段第 {0} 行格式不对。", "Custom field line {0} is not right.");
    public static readonly Text BadNumber = new("{0}：请填写大于 0 的数字。", "{0}: enter a number above 0.");

    public static readonly string[] WeekdayNames = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"];

    public static Text Problem(OrderTypeError error) => error.Problem switch
    {
        OrderTypeProblem.CampaignNotFound => new("项目不存在。", "No such campaign."),
        OrderTypeProblem.CodeInvalid => new("编码只能用小写字母、数字、- 和 _（最多 40 个）。", "The code takes lower-case letters, digits, - and _ (40 at most)."),
        OrderTypeProblem.CodeTaken => new("该项目已有此编码的类型。", "The campaign already has a type with this code."),
        OrderTypeProblem.NameRequired => new("请填写名称（最多 100 字）。", "Enter a name (100 characters at most)."),
        OrderTypeProblem.DepartmentNotAllowed => new("处理部门须为运营方或该项目客户的部门。", "The department must be the operator's or the campaign client's."),
        OrderTypeProblem.FieldKeyInvalid => new($"字段键“{error.Detail}”须以小写字母开头，只含小写字母、数字和 _。", $"Field key '{error.Detail}' must start with a letter: a-z, 0-9, _."),
        OrderTypeProblem.FieldKeyDuplicate => new($"字段键“{error.Detail}”重复。", $"Field key '{error.Detail}' is used twice."),
        OrderTypeProblem.FieldLabelRequired => new($"字段“{error.Detail}”缺少名称。", $"Field '{error.Detail}' needs a label."),
        OrderTypeProblem.EscalationNotAllowed => new($"督办链第 {error.Detail} 级的部门须为运营方或该客户的部门。", $"Escalation level {error.Detail}: the department must be the operator's or the client's."),
        OrderTypeProblem.EscalationTimeNotPositive => new($"督办链第 {error.Detail} 级的时限须大于 0。", $"Escalation level {error.Detail}: the time must be above 0."),
        _ => Sla(error),
    };

    private static Text Sla(OrderTypeError error)
    {
        var priority = Enum.TryParse<WorkOrderPriority>(error.Detail, out var p) ? WorkOrderTexts.PriorityName(p) : new Text(error.Detail ?? "", error.Detail ?? "");
        return error.Sla switch
        {
            SlaPolicyProblem.FirstResponseNotPositive => new($"{priority.Zh}优先级：首次响应时限须大于 0。", $"{priority.En}: the first-response time must be above 0."),
            SlaPolicyProblem.NextUpdateNotPositive => new($"{priority.Zh}优先级：跟进间隔须大于 0。", $"{priority.En}: the update interval must be above 0."),
            SlaPolicyProblem.ResolutionNotPositive => new($"{priority.Zh}优先级：办结时限须大于 0。", $"{priority.En}: the resolution time must be above 0."),
            SlaPolicyProblem.WarningNotPositive => new($"{priority.Zh}优先级：提前提醒须大于 0。", $"{priority.En}: the warning must be above 0."),
            _ => new($"{priority.Zh}优先级：提前提醒须短于每个时限。", $"{priority.En}: the warning must be shorter than every target."),
        };
    }

    public static Text Department(DepartmentProblem problem) => problem switch
    {
        DepartmentProblem.NameRequired => new("请填写部门名称。", "Enter the department's name."),
        DepartmentProblem.NameTaken => new("已有同名部门。", "A department of that name exists."),
        DepartmentProblem.UserNotFound => new("没有该邮箱的用户。", "No user with that e-mail."),
        DepartmentProblem.MemberOfWrongSide => new("客户用户只能加入本客户的部门，运营方人员只能加入运营方部门。", "Client users join only their client's departments, operator staff only the operator's."),
        _ => new("未找到。", "Not found."),
    };

    public static Text Problem(CalendarProblem problem) => problem switch
    {
        Core.WorkOrders.CalendarProblem.NoWorkingHours => new("日历至少要有一天营业时间，否则时限无法计算。", "The calendar needs working hours on at least one day, or no target can be reckoned."),
        _ => new("结束时间须晚于开始时间。", "Closing must be after opening."),
    };
}
