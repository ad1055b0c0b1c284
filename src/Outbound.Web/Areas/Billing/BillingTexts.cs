using Outbound.Core.Billing;
using Outbound.Web.Localization;

namespace Outbound.Web.Areas.Billing;

/// <summary>Texts of the billing pages and the client portal.</summary>
public static class BillingTexts
{
    public static readonly Text Billing = new("合同与账务", "Contracts and billing");
    public static readonly Text Portal = new("客户门户", "Client portal");
    public static readonly Text ContractTerms = new("合同条款", "Contract terms");
    public static readonly Text Payments = new("收款", "Payments");
    public static readonly Text Statement = new("对账单", "Statement");
    public static readonly Text Statements = new("对账单", "Statements");
    public static readonly Text Contract = new("坐席租赁协议", "Seat lease contract");
    public static readonly Text DownloadPdf = new("下载 PDF", "Download PDF");
    public static readonly Text Performance = new("绩效报告", "Performance report");
    /// <summary>The kind of a logged download (<see cref="Outbound.Data.Billing.DownloadLog"/>'s codes).</summary>
    public static string DocumentName(string code) => code switch
    {
        Outbound.Data.Billing.DownloadLog.Contract => Contract,
        Outbound.Data.Billing.DownloadLog.Statement => Statement,
        Outbound.Data.Billing.DownloadLog.Performance => Performance,
        _ => code,
    };
    public static readonly Text ContractNo = new("合同编号", "Contract no.");
    public static readonly Text Seats = new("坐席数", "Seats");
    public static readonly Text PricePerSeat = new("坐席单价（元/月）", "Price per seat per month (¥)");
    public static readonly Text RatePerMinute = new("电话费（元/分钟）", "Telephony per minute (¥)");
    public static readonly Text StartDate = new("开始日期", "Start date");
    public static readonly Text EndDate = new("结束日期", "End date");
    public static readonly Text DepositMonths = new("押金月数", "Deposit months");
    public static readonly Text AdvanceMonths = new("预付月数", "Months in advance");
    public static readonly Text GraceDays = new("逾期宽限天数", "Grace days before suspension");
    public static readonly Text MaintenanceDays = new("每月维护天数", "Maintenance days per month");
    public static readonly Text RenewalNotice = new("续签提前月数", "Renewal notice (months)");
    public static readonly Text NoTerms = new("尚未约定合同条款。", "No contract terms yet.");
    public static readonly Text Standing = new("账户状态", "Standing");
    public static readonly Text Active = new("正常", "Active");
    public static readonly Text Suspended = new("已暂停", "Suspended");
    public static readonly Text CheckNow = new("立即检查逾期", "Check overdue now");
    public static readonly Text Checked = new("已检查：{0} 个客户处于暂停状态。", "Checked: {0} clients suspended.");
    public static readonly Text ReceivedOn = new("收款日期", "Received on");
    public static readonly Text Amount = new("金额（元）", "Amount (¥)");
    public static readonly Text Reference = new("摘要", "Reference");
    public static readonly Text RecordPayment = new("登记收款", "Record payment");
    public static readonly Text PaymentRecorded = new("收款已登记。", "Payment recorded.");
    public static readonly Text AmountPositive = new("金额必须大于 0。", "The amount must be more than 0.");
    public static readonly Text Month = new("月份", "Month");
    public static readonly Text Show = new("查看", "Show");
    public static readonly Text From = new("开始", "From");
    public static readonly Text To = new("结束", "To");
    public static readonly Text OpeningBalance = new("上期结余", "Opening balance");
    public static readonly Text Charges = new("本期应收", "Charges");
    public static readonly Text PaymentsReceived = new("本期已收", "Payments received");
    public static readonly Text BalanceDue = new("期末应付", "Balance due");
    public static readonly Text Item = new("项目", "Item");
    public static readonly Text Period = new("期间", "Period");
    public static readonly Text DueOn = new("应付日", "Due on");
    public static readonly Text Quantity = new("数量", "Quantity");
    public static readonly Text UnitPrice = new("单价", "Unit price");
    public static readonly Text RenewalDue = new("合同将于 {0} 到期，请在 {1} 前办理续签。", "The contract ends on {0}; please renew before {1}.");
    public static readonly Text SuspendedBecause = new(
        "服务已暂停：租金自 {0} 起逾期 {1} 天（超过 {2} 天宽限期），欠款 ¥{3}。外呼项目已停止且无法启动，付清后恢复。",
        "Service suspended: rent due since {0} is {1} days overdue (more than the {2} grace days), ¥{3} owed. Campaigns are stopped and cannot start until it is paid.");
    public static readonly Text Preview = new("预览：本月对账单尚未出具，数字随账户实时计算。", "Preview: this statement is not issued yet; its figures follow the account.");
    public static readonly Text IssuedAt = new("已于 {0} 由 {1} 出具（期末应付 ¥{2}）。", "Issued on {0} by {1} (balance due ¥{2}).");
    public static readonly Text Issue = new("出具对账单", "Issue statement");
    public static readonly Text Reissue = new("重新出具", "Issue again");
    public static readonly Text StatementIssued = new("对账单已出具。", "Statement issued.");
    public static readonly Text Campaign = new("外呼项目", "Campaign");
    public static readonly Text Downloads = new("下载记录", "Downloads");
    public static readonly Text User = new("用户", "User");
    public static readonly Text Document = new("文件", "Document");
    public static readonly Text At = new("时间", "At");
    public static readonly Text Maintenance = new("系统维护", "Maintenance");
    public static readonly Text AllClients = new("全部客户", "All clients");
    public static readonly Text StartsAt = new("开始时间", "Starts at");
    public static readonly Text EndsAt = new("结束时间", "Ends at");
    public static readonly Text Reason = new("原因", "Reason");
    public static readonly Text AddWindow = new("安排维护", "Schedule maintenance");
    public static readonly Text WindowAdded = new("维护已安排，期间暂停外呼。", "Maintenance scheduled; dialing pauses during it.");
    public static readonly Text WindowInvalid = new("结束时间必须晚于开始时间。", "The end must be after the start.");
    public static readonly Text OverAllowance = new("超出合同约定的每月 {0} 天维护时间。", "More than the {0} maintenance days a month the contract allows.");
    public static readonly Text RenewalReminders = new("续签提醒", "Renewal reminders");

    public static Text Problem(ContractProblem problem) => problem switch
    {
        ContractProblem.ContractNoMissing => new("请填写合同编号。", "Enter the contract number."),
        ContractProblem.SeatsNotPositive => new("坐席数至少为 1。", "At least one seat."),
        ContractProblem.PriceNotPositive => new("坐席单价必须大于 0。", "The seat price must be more than 0."),
        ContractProblem.RateNegative => new("电话费不能为负。", "The telephony rate cannot be negative."),
        ContractProblem.EndNotAfterStart => new("结束日期必须晚于开始日期。", "The end date must be after the start date."),
        ContractProblem.MonthsNegative => new("月数不能为负。", "Months cannot be negative."),
        ContractProblem.GraceNegative => new("宽限天数不能为负。", "Grace days cannot be negative."),
        _ => new("每月维护天数应在 0–31 之间。", "Maintenance days must be 0–31."),
    };

    public static Text ChargeName(ChargeKind kind) => kind switch
    {
        ChargeKind.Deposit => new("押金", "Deposit"),
        ChargeKind.SeatRent => new("坐席租金", "Seat rent"),
        ChargeKind.InboundTelephony => new("呼入通话分钟", "Inbound call minutes"),
        _ => new("电话费（分钟）", "Telephony (minutes)"),
    };
}
