using Outbound.Core.Assessment;
using Outbound.Core.Assessment.Detection;
using Outbound.Web.Localization;

namespace Outbound.Web.Areas.Hr;

/// <summary>The assessment feature's texts, for the Hr, Agent and Supervisor pages alike.</summary>
public static class AssessmentTexts
{
    public static readonly Text Overview = new("绩效考核结算", "Assessment settlement");
    public static readonly Text Rules = new("考核条款", "Assessment rules");
    public static readonly Text Deductions = new("扣分记录", "Deductions");
    public static readonly Text Appeals = new("申诉处理", "Appeals");
    public static readonly Text MyPoints = new("我的考核", "My assessment");
    public static readonly Text MyTeam = new("本班组考核", "My team's assessment");
    public static readonly Text Month = new("月份", "Month");
    public static readonly Text Show = new("查看", "Show");
    public static readonly Text Settled = new("已结算,已锁定", "Settled and locked");
    public static readonly Text Provisional = new("未结算(暂估)", "Not settled (provisional)");
    public static readonly Text Settle = new("结算并锁定本月", "Settle and lock this month");
    public static readonly Text SettledMessage = new("{0} 已结算并锁定。", "{0} is settled and locked.");
    public static readonly Text DownloadCsv = new("下载工资表 CSV", "Download payroll CSV");
    public static readonly Text Statement = new("结算单 PDF", "Statement PDF");
    public static readonly Text Distribution = new("得分分布", "Distribution of points");
    public static readonly Text Agents = new("人数", "Agents");
    public static readonly Text Agent = new("坐席", "Agent");
    public static readonly Text EmployeeNo = new("工号", "Employee no.");
    public static readonly Text Name = new("姓名", "Name");
    public static readonly Text Number = new("条款号", "Rule no.");
    public static readonly Text RuleTextZh = new("条款内容（中文）", "Rule (Chinese)");
    public static readonly Text RuleTextEn = new("条款内容（英文）", "Rule (English)");
    public static readonly Text Category = new("类别", "Category");
    public static readonly Text Points = new("扣分", "Points");
    public static readonly Text Score = new("得分", "Score");
    public static readonly Text Fine = new("罚款(元)", "Fine (¥)");
    public static readonly Text FineMin = new("罚款下限", "Fine from");
    public static readonly Text FineMax = new("罚款上限", "Fine to");
    public static readonly Text Compensation = new("照价赔偿", "Pay the cost");
    public static readonly Text MayDismiss = new("可除名", "May dismiss");
    public static readonly Text Evidence = new("证据", "Evidence");
    public static readonly Text Note = new("说明", "Note");
    public static readonly Text Date = new("日期", "Date");
    public static readonly Text State = new("状态", "State");
    public static readonly Text Source = new("来源", "Source");
    public static readonly Text Detected = new("系统发现", "Detected");
    public static readonly Text Manual = new("人工记录", "Recorded");
    public static readonly Text Save = new("保存", "Save");
    public static readonly Text Saved = new("已保存条款 {0}。", "Saved rule {0}.");
    public static readonly Text Record = new("记录扣分", "Record a deduction");
    public static readonly Text Recorded = new("已记录扣分(草稿),待确认。", "Deduction recorded as a draft, to be confirmed.");
    public static readonly Text Confirm = new("确认", "Confirm");
    public static readonly Text Void = new("撤销", "Void");
    public static readonly Text Uphold = new("维持", "Uphold");
    public static readonly Text Appeal = new("申诉", "Appeal");
    public static readonly Text Reason = new("理由", "Reason");
    public static readonly Text Done = new("已处理。", "Done.");
    public static readonly Text Appealed = new("已提交申诉，等待人事处理。", "Appeal submitted; Hr will decide it.");
    public static readonly Text UpheldMessage = new("已维持扣分。", "The deduction is upheld.");
    public static readonly Text VoidedMessage = new("已撤销扣分，{0} 结算时不再计入。", "The deduction is voided; {0} is settled without it.");
    public static readonly Text VoidedAfterSettlement = new("已撤销扣分。{0} 已结算锁定：退还的金额作为调整计入下一次结算，在结算单“调整明细”中列出。",
        "The deduction is voided. {0} is settled and locked: the refund is carried into the next settlement as an adjustment, listed on the statement.");
    public static readonly Text OpenAppeals = new("本月还有 {0} 条申诉未处理：须先处理完毕才能结算。", "This month has {0} open appeal(s): decide them before settling.");
    public static readonly Text Drafts = new("待确认(草稿)", "Drafts to confirm");
    public static readonly Text NoDrafts = new("没有待确认的扣分。", "No drafts to confirm.");
    public static readonly Text NoAppeals = new("没有待处理的申诉。", "No appeals to decide.");
    public static readonly Text NoDeductions = new("本月无扣分。", "No deductions this month.");
    public static readonly Text Detect = new("从考勤和交接班日志发现", "Detect from attendance and handover logs");
    public static readonly Text DetectedCount = new("发现 {0} 条新的扣分建议(草稿)。", "{0} new proposals (drafts).");
    public static readonly Text NetPay = new("绩效净额", "Net performance pay");
    public static readonly Text Fines = new("罚款合计", "Fines");
    public static readonly Text TotalPoints = new("总分", "Total points");
    public static readonly Text BaseOffset = new("基本工资抵扣", "From base salary");
    public static readonly Text NoStaff = new("还没有员工档案。", "No staff records yet.");
    public static readonly Text FineRangeInvalid = new("罚款范围无效：请同时填写上下限，且下限不大于上限。", "The fine range is not valid: give both ends, the lower not above the upper.");
    public static readonly Text UnknownMonth = new("月份格式应为 YYYY-MM。", "The month must be YYYY-MM.");

    public static string CategoryName(RuleCategory c) => c == RuleCategory.Office ? new Text("办公室", "Office") : new Text("本部门业务", "Department");

    public static string EvidenceName(EvidenceKind k) => k switch
    {
        EvidenceKind.Recording => new Text("录音", "Recording"),
        EvidenceKind.Attendance => new Text("考勤", "Attendance"),
        EvidenceKind.HandoverLog => new Text("交接班日志", "Handover log"),
        _ => new Text("书面说明", "Written note"),
    };

    public static readonly Text EvidenceRefHint = new("录音编号 / 考勤记录编号", "recording / attendance id");

    /// <summary>A deduction's proof as the pages show it: the kind, the reference into the system's data, and the note.</summary>
    public static string EvidenceText(Evidence e) =>
        EvidenceName(e.Kind) + (EvidenceReference.Describe(e.Reference) is { } r ? $" {r.ToText()}" : "") + (e.Note.Length > 0 ? $"：{e.Note}" : "");

    public static string StateName(DeductionState s) => s switch
    {
        DeductionState.Draft => new Text("草稿", "Draft"),
        DeductionState.Confirmed => new Text("已确认", "Confirmed"),
        DeductionState.Appealed => new Text("申诉中", "Appealed"),
        DeductionState.Upheld => new Text("维持", "Upheld"),
        _ => new Text("已撤销", "Voided"),
    };
}
