using Dapper;
using Npgsql;
using Outbound.Core.Campaigns;
using Outbound.Core.Identity;

namespace Outbound.Data.Campaigns;

/// <summary>Which agents, supervisors and Qa staff work a campaign (<c>campaign_agents</c>).</summary>
public sealed class CampaignAgentRepository(NpgsqlDataSource dataSource)
{
    public async Task AssignAsync(CampaignId campaign, Guid userId, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO campaign_agents (tenant_id, campaign_id, user_id)
            SELECT tenant_id, id, @user FROM campaigns WHERE id = @campaign
            ON CONFLICT DO NOTHING
            """, new { campaign = campaign.Value, user = userId }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<Guid>> UsersOfAsync(CampaignId campaign, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var users = await connection.QueryAsync<Guid>(new CommandDefinition(
            "SELECT user_id FROM campaign_agents WHERE campaign_id = @campaign", new { campaign = campaign.Value }, cancellationToken: ct));
        return users.ToList();
    }

    /// <summary>The campaigns a user is assigned to (an agent works them, a supervisor oversees them).</summary>
    public async Task<IReadOnlyList<Guid>> CampaignsOfAsync(Guid userId, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var campaigns = await connection.QueryAsync<Guid>(new CommandDefinition(
            "SELECT campaign_id FROM campaign_agents WHERE user_id = @user", new { user = userId }, cancellationToken: ct));
        return campaigns.ToList();
    }

    /// <summary>Replaces the campaign's staff with <paramref name="userIds"/>; only agents, supervisors and Qa staff are kept.</summary>
    public async Task SetAsync(CampaignId campaign, IReadOnlyCollection<Guid> userIds, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var args = new { campaign = campaign.Value, users = userIds.ToArray(), roles = StaffRoles };
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM campaign_agents WHERE campaign_id = @campaign AND NOT (user_id = ANY(@users))", args, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO campaign_agents (tenant_id, campaign_id, user_id)
            SELECT c.tenant_id, c.id, u.id
            FROM campaigns c, users u
            WHERE c.id = @campaign AND u.id = ANY(@users) AND u.tenant_id IS NULL
              AND EXISTS (SELECT 1 FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = u.id AND r.name = ANY(@roles))
            ON CONFLICT DO NOTHING
            """, args, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
    }

    /// <summary>The operator's agents, supervisors and Qa staff (no client logins), with whether each works the campaign.</summary>
    public async Task<IReadOnlyList<CampaignStaffMember>> StaffAsync(CampaignId campaign, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<CampaignStaffMember>(new CommandDefinition("""
            SELECT u.id AS UserId, u.email AS Email, u.display_name AS DisplayName, r.name AS Role,
                   EXISTS (SELECT 1 FROM campaign_agents a WHERE a.campaign_id = @campaign AND a.user_id = u.id) AS Assigned
            FROM users u JOIN user_roles ur ON ur.user_id = u.id JOIN roles r ON r.id = ur.role_id
            WHERE u.tenant_id IS NULL AND r.name = ANY(@roles)
            ORDER BY r.name DESC, u.email
            """, new { campaign = campaign.Value, roles = StaffRoles }, cancellationToken: ct));
        return rows.ToList();
    }

    private static readonly string[] StaffRoles = [Roles.Agent, Roles.Supervisor, Roles.Qa];
}

/// <summary>An agent or supervisor as the campaign staffing page lists them.</summary>
public sealed record CampaignStaffMember(Guid UserId, string Email, string DisplayName, string Role, bool Assigned);
