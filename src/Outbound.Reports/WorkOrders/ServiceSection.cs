using Outbound.Core.Performance;
using Outbound.Reports.Pdf;
using Outbound.Reports.Performance;

namespace Outbound.Reports.WorkOrders;

/// <summary>
/// The performance report's section on work orders and the knowledge base: FCR, order volume, full-resolution, escalation
/// and skip-level complaint rates, knowledge-base timeliness, and SLA attainment per order type. Draws the model only.
/// </summary>
public static class ServiceSection
{
    public static void Compose(PdfComposer c, ServiceReport service, Ratio firstContactResolution)
    {
        var f = service.Orders;
        c.Heading("工单与知识库 Work orders and knowledge base", keepWith: 120);
        KeyFigureStrip.Draw(c,
        [
            ("一次解决率 FCR", firstContactResolution.Percent()),
            ("工单量 Orders", PerformanceReportDocument.Count(f.Orders)),
            ("圆满结案率 Full resolution", f.FullResolution.Percent()),
            ("督办率 Escalation rate", f.EscalationRate.Percent()),
            ("越级投诉率 Skip-level", f.SkipLevelComplaintRate.Percent()),
            ("知识库及时率 KB timeliness", service.KnowledgeTimeliness.Percent()),
        ]);
        if (f.SlaByType.Count > 0)
        {
            var table = new PdfTable(new PdfColumn("工单类型 Order type", 3), new PdfColumn("工单量 Orders", 1, CellAlign.Right),
                new PdfColumn("首次响应达成 First response", 1.5, CellAlign.Right), new PdfColumn("办结达成 Resolution", 1.5, CellAlign.Right));
            foreach (var t in f.SlaByType)
                table.Row(t.TypeName, PerformanceReportDocument.Count(t.Orders), t.FirstResponse.Percent(), t.Resolution.Percent());
            table.Draw(c);
        }
        c.Text("圆满结案率 = 圆满解决且未重开的关闭工单 / 关闭工单;督办率 = 至少督办一次的工单 / 工单量;越级投诉率 = 越级投诉类型工单 / 工单量;" +
               "SLA 达成率 = 按时完成的时限 / 已有结果的时限;知识库及时率 = 目标时间(默认 24 小时)内发布的政策变更 / 已发布或已超时的变更。",
            ReportStyle.Small, brush: ReportStyle.Muted);
    }
}
