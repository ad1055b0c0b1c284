using Microsoft.AspNetCore.Authorization;
using Outbound.Data.WorkOrders;
using Outbound.Web.Areas.WorkOrders;
using Outbound.Web.Security;

namespace Outbound.Web.Areas.Client.Pages.WorkOrders;

/// <summary>An order in the client portal: seen if it is the client's, worked if it sits in (or is overseen by) one of the user's departments.</summary>
[Authorize(Policy = Policies.ClientPortal)]
public sealed class DetailsModel(CurrentViewer viewers, WorkOrderStore store, Departments departments, WorkOrderNotifier notifier, TimeProvider clock)
    : OrderDetailsPage(viewers, store, departments, notifier, clock)
{
    public override string PagePath => "/Client/WorkOrders/Details";
}
