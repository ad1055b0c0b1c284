using Outbound.Data.WorkOrders;

namespace Outbound.Web.Areas.WorkOrders.Pages;

/// <summary>工单详情 for operator staff (agents of the campaign, departments' members, supervisors).</summary>
public sealed class DetailsModel(CurrentViewer viewers, WorkOrderStore store, Departments departments, WorkOrderNotifier notifier, TimeProvider clock)
    : OrderDetailsPage(viewers, store, departments, notifier, clock)
{
    public override string PagePath => "/WorkOrders/Details";
}
