using System.Globalization;
using Outbound.Core.Billing;
using Outbound.Reports.Pdf;

namespace Outbound.Reports.Contracts;

/// <summary>
/// The seat-lease contract (呼叫中心坐席租赁协议) in the structure of the seed's part 二: 第一章 总则,
/// 第二章 权利和义务 (甲方 eight articles, 乙方 four), with the client's terms filled in, then the fee
/// schedule and signatures. Draws the model; never queries.
/// </summary>
public sealed class ContractDocument(ContractModel model)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private ContractTerms T => model.Terms;

    public byte[] GeneratePdf()
    {
        using var c = new PdfComposer($"呼叫中心坐席租赁协议 {T.ContractNo}", $"呼叫中心坐席租赁协议 · 合同编号 {T.ContractNo}",
            $"{model.OperatorName} · {model.ClientName}");
        Compose(c);
        return c.Save();
    }

    private void Compose(PdfComposer c)
    {
        ComposeHeader(c);
        ComposeGeneral(c);
        ComposeRights(c);
        ComposeFees(c);
        ComposeSignatures(c);
    }

    private void ComposeHeader(PdfComposer c)
    {
        c.Title("呼叫中心坐席租赁协议");
        c.Text("Call-centre seat lease contract", ReportStyle.Small, brush: ReportStyle.Muted);
        c.Space(6);
        c.LabelValue("合同编号 Contract no.", T.ContractNo);
        c.LabelValue("甲方(出租方)", model.OperatorName);
        c.LabelValue("乙方(承租方)", $"{model.ClientName}({model.ClientCode})");
        c.LabelValue("协议期限 Term", $"{Day(T.StartDate)} 至 {Day(T.EndDate)}");
    }

    private void ComposeGeneral(PdfComposer c)
    {
        c.Heading("第一章 总则");
        c.Text($"{model.OperatorName}(以下简称“甲方”)与{model.ClientName}(以下简称“乙方”)根据《中华人民共和国民法典》及有关法律规定," +
               "本着自愿、公平、合法、诚信的原则,在充分协商和友好合作的基础上,就乙方租用甲方呼叫中心平台,建设呼叫中心事宜签订本协议。" +
               "该协议条款均系双方共同商定,甲方租给乙方呼叫中心平台,并按乙方要求实现电话功能。");
        c.Space(4);
        c.Text("呼叫中心是一种新型呼叫中心提供方式,包括了产品提供、平台维护和资源整合三大部分,通过远程座席功能,将座席分配给不同企业来使用," +
               "并由甲方负责系统的运行与维护。乙方不用购买任何软件、硬件,只需采用租赁的方式,即可根据需要建立起自己的呼叫中心。");
    }

    private void ComposeRights(PdfComposer c)
    {
        c.Heading("第二章 权利和义务");
        c.Text("甲方权利和义务", ReportStyle.BodyBold);
        string[] operatorArticles =
        [
            "甲方按照乙方的要求及所支付的业务租金提供相应的坐席资源。",
            $"甲方有权在乙方超过约定时间{T.GraceDays}日内未支付业务租金时暂时停止提供服务,由此给乙方带来的损失由乙方自行负责。",
            "负责对呼叫中心系统的维护和修正,以及对呼叫中心系统的日常维护。",
            "甲方为乙方提供24小时的坐席开放。",
            $"甲方每月有{ChineseNumerals.Count(T.MaintenanceDaysPerMonth)}天时间对系统进行维护。",
            $"电话费单算(每分钟{Plain(T.TelephonyRatePerMinute)}元,按每次通话开始计费的分钟数计),押{ChineseNumerals.Of(T.DepositMonths)}付{ChineseNumerals.Of(T.AdvanceMonths)}。",
            $"{Plain(T.PricePerSeatMonth)}元/坐席/月,乙方租用坐席{T.Seats}个,月租金合计{Money(T.MonthlySeatRent, 2)}元。",
            $"应提前{ChineseNumerals.Of(T.RenewalNoticeMonths)}个月进行协议续签(即不晚于{Day(T.RenewalNoticeDate)})。",
        ];
        Articles(c, operatorArticles);
        c.Space(4);
        c.Text("乙方的权利和义务", ReportStyle.BodyBold);
        string[] clientArticles =
        [
            "同意租用甲方提供的呼叫中心设备及功能,并保证按协议约定的缴费时间和方式足额缴纳各项费用,若因延期或欠费造成的系统服务中断由乙方承担一切责任。",
            "乙方保证所租用的甲方的呼叫中心坐席仅供以开展日常业务使用,不用于其它用途,不得开展疏通和转接非法话务,或以任何形式提供给第三方," +
            "如转给第三方必须提前告知甲方并取得同意后方可转让。",
            "乙方仅具有坐席软件的使用权,未经甲方允许,不得对甲方的软件进行破解、更改、复制、传播。",
            "乙方应保证自身终端设备(包括不限于话务耳机、电脑、路由器)符合甲方系统的使用要求,因乙方终端设备原因造成的服务问题由乙方自行负责。",
        ];
        Articles(c, clientArticles);
    }

    private void ComposeFees(PdfComposer c)
    {
        c.Heading("第三章 费用明细 Fee schedule", keepWith: 200);
        new PdfTable(new PdfColumn("项目 Item", 3), new PdfColumn("约定 Agreed", 2, CellAlign.Right))
            .Row("坐席数量 Seats", T.Seats.ToString(Invariant))
            .Row("坐席单价 Price per seat per month", "¥" + Money(T.PricePerSeatMonth, 2))
            .Row("月租金 Monthly rent", "¥" + Money(T.MonthlySeatRent, 2))
            .Row("电话费 Telephony per minute", "¥" + Money(T.TelephonyRatePerMinute, 4))
            .Row($"押金(押{ChineseNumerals.Of(T.DepositMonths)}) Deposit", "¥" + Money(T.Deposit, 2))
            .Row($"预付(付{ChineseNumerals.Of(T.AdvanceMonths)}) Paid in advance", "¥" + Money(T.AdvanceMonths * T.MonthlySeatRent, 2))
            .Row("首期应付 Due before start", "¥" + Money(T.InitialPayment, 2))
            .Row("租金缴付 Rent due", "每月1日前预付当月租金;电话费次月1日随租金结算")
            .Row("逾期停止服务 Suspension after", $"逾期超过{T.GraceDays}日")
            .Row("系统维护 Maintenance", $"每月{T.MaintenanceDaysPerMonth}天")
            .Row("续签通知 Renewal notice", $"提前{T.RenewalNoticeMonths}个月({Day(T.RenewalNoticeDate)}前)")
            .Draw(c);
    }

    private void ComposeSignatures(PdfComposer c)
    {
        c.Space(10);
        c.EnsureRoom(90);
        var top = c.Y;
        var half = c.Width / 2;
        string[] left = ["甲方(盖章):" + model.OperatorName, "授权代表签字:", "日期:"];
        string[] right = ["乙方(盖章):" + model.ClientName, "授权代表签字:", "日期:"];
        for (var i = 0; i < left.Length; i++)
        {
            c.Gfx.DrawString(left[i], ReportStyle.Body, PdfSharp.Drawing.XBrushes.Black, c.Left, top + i * 26, PdfSharp.Drawing.XStringFormats.TopLeft);
            c.Gfx.DrawString(right[i], ReportStyle.Body, PdfSharp.Drawing.XBrushes.Black, c.Left + half, top + i * 26, PdfSharp.Drawing.XStringFormats.TopLeft);
        }
        c.Y = top + left.Length * 26;
        c.Text($"生成时间 Generated {model.GeneratedAt:yyyy-MM-dd HH:mm} UTC", ReportStyle.Small, brush: ReportStyle.Muted);
    }

    private static void Articles(PdfComposer c, IReadOnlyList<string> articles)
    {
        for (var i = 0; i < articles.Count; i++)
            c.Text($"第{ChineseNumerals.Of(i + 1)}条 {articles[i]}", indent: 10);
    }

    private static string Day(DateOnly d) => d.ToString("yyyy年M月d日", Invariant);

    private static string Plain(decimal amount) => amount.ToString("0.####", Invariant);

    private static string Money(decimal amount, int decimals) => amount.ToString("N" + decimals, Invariant);
}
