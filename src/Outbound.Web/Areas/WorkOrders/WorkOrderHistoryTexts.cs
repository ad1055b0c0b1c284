using System.Globalization;
using Outbound.Core.WorkOrders;
using Outbound.Data;
using Outbound.Web.Localization;

namespace Outbound.Web.Areas.WorkOrders;

/// <summary>
/// The details a history line stores as codes (priority, SLA target, the channel an order came by, a full or partial
/// resolution, a due time in UTC), worded for the reader; names and free text stay as written.
/// </summary>
public static class WorkOrderHistoryTexts
{
    public static string Detail(string key, string value) => key switch
    {
        "to" when Enum.TryParse<WorkOrderStatus>(value, out var status) => WorkOrderTexts.Status(status),
        "priority" when Enum.TryParse<WorkOrderPriority>(value, out var priority) => WorkOrderTexts.PriorityName(priority),
        "target" when Enum.TryParse<SlaTarget>(value, out var target) => WorkOrderTexts.Target(target),
        "via" => Via(value),
        "fully" => value == "true" ? FullyResolved : PartlyResolved,
        "due" when DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var due) =>
            $"{Due}{CenterTime.China.ToLocal(due):yyyy-MM-dd HH:mm}",
        "level" => string.Format(Level, value),
        "size" when int.TryParse(value, out var bytes) => $"{Math.Max(1, (bytes + 1023) / 1024)} KB",
        _ => value,
    };

    /// <summary>The channel an order was opened by.</summary>
    public static Text Via(string via) => via switch
    {
        "desk" => new("坐席工作台", "agent desk"),
        "staff" => new("工单页面", "work-order page"),
        "client" => new("客户门户", "client portal"),
        _ => new(via, via),
    };

    private static readonly Text FullyResolved = new("完全解决", "fully resolved");
    private static readonly Text PartlyResolved = new("部分解决", "partly resolved");
    private static readonly Text Due = new("时限 ", "due ");
    private static readonly Text Level = new("督办第 {0} 级", "escalation level {0}");
}
