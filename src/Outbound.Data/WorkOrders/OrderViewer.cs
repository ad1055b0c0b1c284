using Dapper;
using Npgsql;
using Outbound.Core.Identity;

namespace Outbound.Data.WorkOrders;

/// <summary>How far a user's view of work orders reaches.</summary>
public enum ViewerReach
{
    /// <summary>Operator staff over every campaign: admins, campaign managers, a supervisor assigned to no campaign.</summary>
    Everything,
    /// <summary>Agents and a team's supervisor: orders of their campaigns, and of the departments they belong to or that oversee an order.</summary>
    Campaigns,
    /// <summary>A client user: orders of its own tenant only; it works those sent to (or overseen by) its departments.</summary>
    Tenant,
    /// <summary>Anyone else sees no order.</summary>
    Nothing,
}

/// <summary>
/// The signed-in user as work orders see them. Every order query takes a viewer and filters with <see cref="SqlFilter"/>,
/// so that isolation (a client never sees another tenant's orders, an agent only its campaigns') is decided in one place.
/// </summary>
public sealed record OrderViewer(Guid UserId, string Name, ViewerReach Reach, Guid? TenantId, IReadOnlyList<Guid> Campaigns, IReadOnlyList<Guid> Departments)
{
    /// <summary>The SQL condition on an order aliased <c>o</c>; its parameters come from <see cref="SqlParameters"/>.</summary>
    public const string SqlFilter = """
        (@v_all OR o.tenant_id = @v_tenant OR o.campaign_id = ANY(@v_campaigns)
         OR o.department_id = ANY(@v_departments) OR o.overseer_department_id = ANY(@v_departments))
        """;

    public object SqlParameters => new
    {
        v_all = Reach == ViewerReach.Everything,
        v_tenant = Reach == ViewerReach.Tenant ? TenantId : null,
        v_campaigns = Reach == ViewerReach.Campaigns ? Campaigns.ToArray() : [],
        v_departments = Reach is ViewerReach.Campaigns or ViewerReach.Tenant ? Departments.ToArray() : [],
    };

    public void AddTo(DynamicParameters parameters) => parameters.AddDynamicParams(SqlParameters);

    public bool IsClient => Reach == ViewerReach.Tenant;

    /// <summary>May see an order of this tenant, campaign and departments.</summary>
    public bool Sees(Guid tenant, Guid campaign, Guid department, Guid? overseer) => Reach switch
    {
        ViewerReach.Everything => true,
        ViewerReach.Tenant => tenant == TenantId,
        ViewerReach.Campaigns => Campaigns.Contains(campaign) || InDepartment(department, overseer),
        _ => false,
    };

    /// <summary>May change an order it sees: a client user only in its own departments; operator staff wherever they see.</summary>
    public bool Works(Guid tenant, Guid campaign, Guid department, Guid? overseer) =>
        Sees(tenant, campaign, department, overseer) && (Reach != ViewerReach.Tenant || InDepartment(department, overseer));

    /// <summary>May open an order for a campaign of this tenant.</summary>
    public bool Opens(Guid tenant, Guid campaign) => Reach switch
    {
        ViewerReach.Everything => true,
        ViewerReach.Tenant => tenant == TenantId,
        ViewerReach.Campaigns => Campaigns.Contains(campaign),
        _ => false,
    };

    private bool InDepartment(Guid department, Guid? overseer) =>
        Departments.Contains(department) || (overseer is { } o && Departments.Contains(o));
}

/// <summary>Builds <see cref="OrderViewer"/>s from a user's role, tenant, campaign assignments and department memberships.</summary>
public sealed class OrderViewers(NpgsqlDataSource dataSource)
{
    public async Task<OrderViewer> ForAsync(Guid user, string name, IReadOnlyCollection<string> roles, Guid? tenant, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var departments = (await connection.QueryAsync<Guid>(new CommandDefinition(
            "SELECT department_id FROM wo_department_members WHERE user_id = @user", new { user }, cancellationToken: ct))).ToList();
        if (roles.Contains(Roles.Client))
            return new OrderViewer(user, name, tenant is null ? ViewerReach.Nothing : ViewerReach.Tenant, tenant, [], departments);
        if (roles.Contains(Roles.Admin) || roles.Contains(Roles.CampaignManager))
            return new OrderViewer(user, name, ViewerReach.Everything, null, [], departments);
        if (!roles.Contains(Roles.Supervisor) && !roles.Contains(Roles.Agent))
            return new OrderViewer(user, name, ViewerReach.Nothing, null, [], []);
        var campaigns = (await connection.QueryAsync<Guid>(new CommandDefinition(
            "SELECT campaign_id FROM campaign_agents WHERE user_id = @user", new { user }, cancellationToken: ct))).ToList();
        // A supervisor assigned to no campaign is the floor's site supervisor (现场管理), as on the wallboard.
        var everything = roles.Contains(Roles.Supervisor) && campaigns.Count == 0;
        return new OrderViewer(user, name, everything ? ViewerReach.Everything : ViewerReach.Campaigns, null, campaigns, departments);
    }
}
