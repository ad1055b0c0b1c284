using Microsoft.AspNetCore.SignalR;
using Outbound.Data.WorkOrders;
using Outbound.Web.Areas.Desk;

namespace Outbound.Web.Areas.WorkOrders;

/// <summary>Pushes work-order notices (warnings, escalations, orders sent their way, answers) to users' open desks; the inbox keeps them too.</summary>
public sealed class WorkOrderNotifier(IHubContext<AgentDeskHub> desk, ILogger<WorkOrderNotifier> logger)
{
    public const string Method = "workOrderNotice";

    public async Task PushAsync(IEnumerable<OrderNotice> notices)
    {
        foreach (var notice in notices)
        {
            try
            {
                await desk.Clients.User(notice.UserId.ToString()).SendAsync(Method, new
                {
                    orderId = notice.OrderId, kind = notice.Kind, subject = notice.Subject, text = WorkOrderTexts.EventKind(notice.Kind).ToString(),
                });
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Work-order notice to {User} failed", notice.UserId);
            }
        }
    }
}
