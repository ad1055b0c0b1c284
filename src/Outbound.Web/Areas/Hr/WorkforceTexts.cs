using Outbound.Core.Workforce;
using Outbound.Web.Localization;

namespace Outbound.Web.Areas.Hr;

/// <summary>Texts of the workforce pages: staff and teams, shifts and the 大轮班 rotation, roster, attendance, handover logs.</summary>
public static class WorkforceTexts
{
    public static readonly Text Staff = new("员工与班组", "Staff and teams");
    public static readonly Text Shifts = new("班次与轮班", "Shifts and rotation");
    public static readonly Text Roster = new("月排班表", "Monthly roster");
    public static readonly Text Attendance = new("考勤", "Attendance");
    public static readonly Text Handovers = new("交接班日志", "Handover logs");
    public static readonly Text MyShifts = new("我的班次", "My shifts");
    public static readonly Text TodayOnShift = new("本班组今日班次", "My team on shift today");

    public static readonly Text Teams = new("班组", "Teams");
    public static readonly Text Team = new("班组", "Team");
    public static readonly Text TeamName = new("班组名称", "Team name");
    public static readonly Text Leader = new("班长", "Leader");
    public static readonly Text Offset = new("轮班偏移(天)", "Rotation offset (days)");
    public static readonly Text NoTeam = new("(未分组)", "(no team)");
    public static readonly Text Account = new("登录账号", "Login account");
    public static readonly Text BaseSalary = new("基本工资(元)", "Base salary (¥)");
    public static readonly Text Active = new("在职", "Active");
    public static readonly Text AddTeam = new("新建班组", "Add a team");
    public static readonly Text AddStaff = new("新建或修改员工档案", "Add or change a staff record");
    public static readonly Text NoTeams = new("还没有班组。", "No teams yet.");

    public static readonly Text ShiftCode = new("班次代码", "Shift code");
    public static readonly Text ShiftName = new("班次名称", "Shift name");
    public static readonly Text Start = new("开始", "Start");
    public static readonly Text End = new("结束", "End");
    public static readonly Text LengthHours = new("时长(小时)", "Length (hours)");
    public static readonly Text Remove = new("删除", "Remove");
    public static readonly Text NoShifts = new("还没有班次模板。", "No shift templates yet.");
    public static readonly Text ShiftCodeRequired = new("请填写班次代码。", "Enter the shift code.");
    public static readonly Text ShiftLengthRange = new("班次时长须大于 0 且不超过 24 小时。", "A shift lasts more than 0 and at most 24 hours.");
    public static readonly Text RotationEmpty = new("轮班循环至少需要一天。", "A rotation needs at least one day.");
    public static readonly Text Rotation = new("大轮班循环", "Rotation cycle (大轮班)");
    public static readonly Text RotationHelp = new(
        "按天填写班次代码,用逗号分隔,休息日填 -。例如 E,E,M,M,N,N,-,- 为八天一循环;各班组按偏移错开,班长与组员同班。",
        "One shift code per day, comma-separated, - for a rest day. E.g. E,E,M,M,N,N,-,- is an eight-day cycle; teams are staggered by their offset, each leader on the team's shifts.");
    public static readonly Text Anchor = new("循环起始日", "Cycle starts on");
    public static readonly Text NoRotation = new("还没有设置轮班循环。", "No rotation set up yet.");
    public static readonly Text Rest = new("休", "off");

    public static readonly Text Generate = new("按轮班生成本月排班", "Generate the month from the rotation");
    public static readonly Text Generated = new("已生成 {0} 个班次。", "{0} shifts rostered.");
    public static readonly Text ChangeDay = new("调整某人某天的班次(调班、请假、加班)", "Change one person's day (swap, leave, extra shift)");
    public static readonly Text RegenerateWarning = new("重新生成会覆盖本月的手工调整。", "Regenerating overwrites this month's manual changes.");
    public static readonly Text NoRoster = new("本月还没有排班。", "No roster for this month yet.");
    public static readonly Text Day = new("日期", "Day");
    public static readonly Text Shift = new("班次", "Shift");

    public static readonly Text ShiftCount = new("班次数", "Shifts");
    public static readonly Text Late = new("迟到", "Late");
    public static readonly Text EarlyLeave = new("早退", "Early leave");
    public static readonly Text Absent = new("缺勤", "Absent");
    public static readonly Text NotReady = new("未提前10分钟到岗", "Not at the seat 10 min early");
    public static readonly Text FirstLogin = new("首次登录", "First login");
    public static readonly Text LastLogout = new("最后签出", "Last logout");
    public static readonly Text ClosedByCrash = new("（系统故障签出）", "(closed by a system crash)");
    public static readonly Text ClosedByCrashHint = new(
        "坐席没有自行签出：拨号系统在此时异常中断，重启后按中断时间关闭了登录记录。",
        "The agent did not log out: the dialer stopped abnormally at this time and its restart closed the session then.");
    public static readonly Text Exceptions = new("异常明细", "Exceptions");
    public static readonly Text NoExceptions = new("没有考勤异常。", "No attendance exceptions.");
    public static readonly Text AttendanceSource = new(
        "考勤来自坐席登录外呼平台的会话和考勤机登录,只统计已结束的班次。",
        "Attendance comes from the agents' dialer sessions and the attendance machine; only shifts that have ended are judged.");

    public static readonly Text From = new("交班人", "Handed over by");
    public static readonly Text To = new("接班人", "Taken over by");
    public static readonly Text TheTeam = new("(下一班)", "(next shift)");
    public static readonly Text Notes = new("交接内容(待处理工作)", "Pending work handed over");
    public static readonly Text WrittenAt = new("填写时间", "Written at");
    public static readonly Text Missing = new("未填写", "Missing");
    public static readonly Text Write = new("提交交接班日志", "Submit the handover log");
    public static readonly Text Written = new("交接班日志已提交。", "Handover log submitted.");
    public static readonly Text HandedToMe = new("交给我的工作", "Handed over to me");
    public static readonly Text NoHandovers = new("没有交接班日志。", "No handover logs.");
    public static readonly Text NotRostered = new("本月没有给你排班。", "You have no shifts this month.");

    public static string StatusName(AttendanceStatus s) => s switch
    {
        AttendanceStatus.Present => new Text("正常", "Present"),
        AttendanceStatus.Late => Late,
        AttendanceStatus.EarlyLeave => EarlyLeave,
        AttendanceStatus.LateAndEarlyLeave => new Text("迟到且早退", "Late and left early"),
        _ => Absent,
    };
}
