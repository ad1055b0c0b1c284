using Outbound.Web.Localization;

namespace Outbound.Web.Areas.WorkOrders;

/// <summary>Names and definitions of the service metrics (see Outbound.Core/WorkOrders/ServiceMetrics).</summary>
public static class MetricTexts
{
    public static readonly Text Fcr = new("一次解决率", "First-contact resolution");
    public static readonly Text Orders = new("工单量", "Orders");
    public static readonly Text FullResolution = new("圆满结案率", "Full-resolution rate");
    public static readonly Text EscalationRate = new("督办率", "Escalation rate");
    public static readonly Text SkipLevelRate = new("越级投诉率", "Skip-level complaint rate");
    public static readonly Text SlaAttainment = new("SLA 达成率（按工单类型）", "SLA attainment by order type");
    public static readonly Text KbTimeliness = new("知识库及时率", "Knowledge-base timeliness");
    public static readonly Text Definitions = new(
        "一次解决率 = 首次联系后 7 天内该号码未再联系且未生成工单的联系 / 全部联系；圆满结案率 = 圆满解决且未重开的关闭工单 / 关闭工单（合并的重复工单除外）；督办率 = 至少督办一次的工单 / 工单量；越级投诉率 = 越级投诉类型的工单 / 工单量；SLA 达成率 = 按时完成的时限 / 已有结果的时限；知识库及时率 = 在目标时间（默认 24 小时）内发布的政策变更 / 已到期或已发布的变更。",
        "FCR = contacts whose number made no further contact and got no work order within 7 days / contacts; full resolution = closed orders fully resolved and never reopened / closed orders (merged duplicates left out); escalation rate = orders escalated at least once / orders; skip-level rate = orders of a skip-level complaint type / orders; SLA attainment = targets met / targets decided; KB timeliness = policy changes published within their target (24 h by default) / changes published or overdue.");
}
