using Outbound.Data.WorkOrders;

namespace Outbound.Web.Areas.WorkOrders.Pages;

/// <summary>工单详情 for operator staff (agents of the campaign, departments' members, supervisors).</summary>
public sealed class DetailsModel(CurrentViewer viewers, WorkOrderStore store, Departments departments, OrderTypes types, WorkOrderNotifier notifier,
    TimeProvider clock)
    : OrderDetailsPage(viewers, store, departments, types, notifier, clock)
{
    public override string PagePath => "/WorkOrders/Details";
}
