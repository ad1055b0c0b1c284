using Microsoft.AspNetCore.Authorization;
using Outbound.Data.WorkOrders;
using Outbound.Web.Areas.WorkOrders;
using Outbound.Web.Security;

namespace Outbound.Web.Areas.Client.Pages.WorkOrders;

/// <summary>A client user opens an order for one of its own campaigns (e.g. a callback the center should make).</summary>
[Authorize(Policy = Policies.ClientPortal)]
public sealed class CreateModel(CurrentViewer viewers, OrderTypes types, WorkOrderStore store, WorkOrderNotifier notifier, TimeProvider clock)
    : OrderCreatePage(viewers, types, store, notifier, clock)
{
    public override string DetailsPath => "/Client/WorkOrders/Details";
    protected override string Via => "client";
}
