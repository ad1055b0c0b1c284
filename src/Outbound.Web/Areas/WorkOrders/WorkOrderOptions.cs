namespace Outbound.Web.Areas.WorkOrders;

/// <summary>Outbound:WorkOrders — how often the SLA timer service looks for orders due.</summary>
public sealed class WorkOrderOptions
{
    public const string Section = "Outbound:WorkOrders";

    public int SweepSeconds { get; set; } = 30;
}
