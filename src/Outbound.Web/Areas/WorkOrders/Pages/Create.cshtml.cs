using Outbound.Data.WorkOrders;

namespace Outbound.Web.Areas.WorkOrders.Pages;

/// <summary>新建工单 by a supervisor or staff member (agents open theirs from the desk, on the call).</summary>
public sealed class CreateModel(CurrentViewer viewers, OrderTypes types, WorkOrderStore store, WorkOrderNotifier notifier, TimeProvider clock)
    : OrderCreatePage(viewers, types, store, notifier, clock)
{
    public override string DetailsPath => "/WorkOrders/Details";
    protected override string Via => "staff";
}
