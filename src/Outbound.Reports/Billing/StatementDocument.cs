using System.Globalization;
using Outbound.Core.Billing;
using Outbound.Reports.Pdf;

namespace Outbound.Reports.Billing;

/// <summary>The monthly statement (对账单) PDF: key figures, charges, payments, standing. Draws the model; never queries.</summary>
public sealed class StatementDocument(StatementModel model)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private MonthlyStatement S => model.Statement;

    public byte[] GeneratePdf()
    {
        using var c = new PdfComposer($"对账单 {model.ClientCode} {S.Month}", $"对账单 Monthly statement · {model.ClientName} · {S.Month}",
            $"{model.OperatorName} · 合同编号 {S.Terms.ContractNo}");
        Compose(c);
        return c.Save();
    }

    private void Compose(PdfComposer c)
    {
        ComposeHeader(c);
        ComposeKeyFigures(c);
        ComposeCharges(c);
        ComposePayments(c);
        ComposeStanding(c);
    }

    private void ComposeHeader(PdfComposer c)
    {
        c.Title($"对账单 {S.Month}");
        c.LabelValue("客户 Client", $"{model.ClientName}({model.ClientCode})");
        c.LabelValue("合同编号 Contract no.", S.Terms.ContractNo);
        c.LabelValue("坐席 Seats", $"{S.Terms.Seats} × ¥{Yuan(S.Terms.PricePerSeatMonth)}/月");
        c.Space(6);
    }

    private void ComposeKeyFigures(PdfComposer c) => KeyFigureStrip.Draw(c,
    [
        ("上期结余 Opening balance", "¥" + Yuan(S.OpeningBalance)),
        ("本期应收 Charges", "¥" + Yuan(S.ChargesTotal)),
        ("本期已收 Payments", "¥" + Yuan(S.PaymentsTotal)),
        ("期末应付 Balance due", "¥" + Yuan(S.ClosingBalance)),
    ]);

    private void ComposeCharges(PdfComposer c)
    {
        c.Heading("本期费用 Charges");
        var table = new PdfTable(new PdfColumn("项目 Item", 3), new PdfColumn("期间 Period", 1.3), new PdfColumn("应付日 Due", 1.5),
            new PdfColumn("数量 Qty", 1.2, CellAlign.Right), new PdfColumn("单价 Unit ¥", 1.3, CellAlign.Right), new PdfColumn("金额 Amount ¥", 1.6, CellAlign.Right));
        foreach (var charge in S.Charges)
            table.Row(ChargeText(charge.Kind), charge.Period.ToString(), charge.DueOn.ToString("yyyy-MM-dd", Invariant),
                charge.Quantity.ToString("0.##", Invariant), charge.UnitPrice.ToString("0.00##", Invariant), Yuan(charge.Amount));
        table.Row("合计 Total", "", "", "", "", Yuan(S.ChargesTotal));
        table.Draw(c);
    }

    private void ComposePayments(PdfComposer c)
    {
        c.Heading("本期收款 Payments received");
        var table = new PdfTable(new PdfColumn("收款日 Received", 1.5), new PdfColumn("摘要 Reference", 4), new PdfColumn("金额 Amount ¥", 1.6, CellAlign.Right));
        foreach (var p in S.Payments) table.Row(p.ReceivedOn.ToString("yyyy-MM-dd", Invariant), p.Reference, Yuan(p.Amount));
        table.Row("合计 Total", "", Yuan(S.PaymentsTotal));
        table.Draw(c);
    }

    private void ComposeStanding(PdfComposer c)
    {
        c.Heading("账户状态 Account standing", keepWith: 40);
        var s = S.StandingAtMonthEnd;
        c.LabelValue("期末应付 Balance due", "¥" + Yuan(S.ClosingBalance));
        if (s.OldestUnpaidDueOn is { } due)
        {
            c.LabelValue("最早未付应付日 Oldest unpaid since", due.ToString("yyyy-MM-dd", Invariant));
            c.LabelValue("逾期天数 Days overdue", s.DaysOverdue.ToString(Invariant));
        }
        c.Text(s.Suspended
            ? $"租金逾期超过{S.Terms.GraceDays}日,服务已暂停;付清欠款后恢复。 Service suspended: rent more than {S.Terms.GraceDays} days overdue; it resumes when paid."
            : $"租金逾期超过{S.Terms.GraceDays}日将暂停服务(协议甲方第二条)。 Service is suspended when rent is more than {S.Terms.GraceDays} days overdue.",
            ReportStyle.Body);
        c.Text(model.Issued is { } issued
                ? $"出具 Issued {issued.IssuedAt:yyyy-MM-dd HH:mm} UTC {issued.IssuedBy}"
                : "预览，尚未出具 Preview, not issued",
            ReportStyle.Small, brush: ReportStyle.Muted);
        c.Text($"生成时间 Generated {model.GeneratedAt:yyyy-MM-dd HH:mm} UTC", ReportStyle.Small, brush: ReportStyle.Muted);
    }

    public static string ChargeText(ChargeKind kind) => kind switch
    {
        ChargeKind.Deposit => "押金 Deposit",
        ChargeKind.SeatRent => "坐席租金 Seat rent",
        ChargeKind.InboundTelephony => "呼入通话分钟 Inbound minutes",
        _ => "电话费 Telephony (minutes)",
    };

    private static string Yuan(decimal d) => d.ToString("N2", Invariant);
}
