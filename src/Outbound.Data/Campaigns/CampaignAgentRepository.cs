using Dapper;
using Npgsql;
using Outbound.Core.Campaigns;

namespace Outbound.Data.Campaigns;

/// <summary>Which agents and supervisors work a campaign (<c>campaign_agents</c>).</summary>
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
}
