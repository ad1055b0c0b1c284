using System.Text;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Outbound.Data.WorkOrders;

namespace Outbound.Web.Tests.Security.Access;

/// <summary>
/// Work orders (工单, issue 20): operator staff see the orders of their campaigns and departments (an agent only its
/// campaigns'); admins and campaign managers keep the set-up; supervisors and managers read the service metrics of their
/// campaigns. A client user works its own tenant's orders in the portal and never sees, finds or opens another tenant's.
/// </summary>
internal sealed class WorkOrderAccess : IAccessDeclarations
{
    private long _order;
    private Guid _attachment;

    /// <summary>One of the bank's demo orders, with a file attached by a campaign manager.</summary>
    public async Task PrepareAsync(AccessWorld world)
    {
        await using var connection = await world.Db.OpenConnectionAsync();
        _order = await connection.ExecuteScalarAsync<long>("SELECT id FROM work_orders WHERE campaign_id = @c ORDER BY id LIMIT 1", new { c = world.BankCampaign });
        var manager = await world.ManagerAsOrderViewerAsync();
        var attached = await world.Services.GetRequiredService<WorkOrderStore>()
            .AttachAsync(manager, _order, "对账单.txt", Encoding.UTF8.GetBytes("2026-11 对账单"), DateTimeOffset.UtcNow);
        Assert.True(attached.Done);
        _attachment = await connection.ExecuteScalarAsync<Guid>("SELECT id FROM work_order_attachments WHERE order_id = @o", new { o = _order });
    }

    public void Declare(AccessMap map, AccessWorld world)
    {
        map.Page("/WorkOrders/Index", "/WorkOrders", Who.OrderStaff);
        map.Page("/WorkOrders/Create", "/WorkOrders/Create", Who.OrderStaff).Post("");
        map.Page("/WorkOrders/Details", $"/WorkOrders/Details?id={_order}", Who.OrderStaff, Scope.Campaign)
            .Get("Download", $"attachment={_attachment}")
            .Post("Act")
            .Post("Attach");
        map.Page("/WorkOrders/Inbox", "/WorkOrders/Inbox", Who.OrderStaff).Post("");
        map.Page("/WorkOrders/Metrics", $"/WorkOrders/Metrics?campaign={world.BankCampaignCode}&month={world.Month}", Who.ServiceMetrics, Scope.Campaign);
        // The desk's panel: JSON of the orders and types the caller may see (filtered, never another campaign's).
        map.Page("/WorkOrders/Desk/Api", "/WorkOrders/Desk/Api", Who.OrderStaff, allowed: Outcome.NotFound)
            .Get("Caller", "phone=13912345678")
            .Get("Types", $"campaign={world.BankCampaign}")
            .Post("Create");
        map.Page("/WorkOrders/Setup/Calendar", "/WorkOrders/Setup/Calendar", Who.OrderSetup).Post("Weekly").Post("Day").Post("Remove");
        map.Page("/WorkOrders/Setup/Departments", "/WorkOrders/Setup/Departments", Who.OrderSetup).Post("Create").Post("Member").Post("Remove");
        map.Page("/WorkOrders/Setup/Types", "/WorkOrders/Setup/Types", Who.OrderSetup).Post("");

        map.Page("/Client/WorkOrders/Index", "/Client/WorkOrders", Who.Clients);
        map.Page("/Client/WorkOrders/Create", "/Client/WorkOrders/Create", Who.Clients).Post("");
        map.Page("/Client/WorkOrders/Details", $"/Client/WorkOrders/Details?id={_order}", Who.Clients, Scope.Tenant)
            .Get("Download", $"attachment={_attachment}")
            .Post("Act")
            .Post("Attach");
    }
}
