using Dapper;
using Npgsql;
using Outbound.Core.Identity;

namespace Outbound.Data.Desk;

/// <summary>One desk message as stored and as pushed to the desk and the wallboard.</summary>
public sealed record DeskMessage(long Id, Guid CampaignId, string Sender, string? Recipient, bool ToSupervisors, string Body, DateTime SentAt);

/// <summary>Messages between agents and supervisors (<c>desk_messages</c>), each kept in its campaign's tenant.</summary>
public sealed class DeskMessages(NpgsqlDataSource dataSource)
{
    public async Task<DeskMessage> SaveAsync(Guid campaign, string sender, string? recipient, bool toSupervisors, string body, DateTimeOffset at,
        CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleAsync<DeskMessage>(new CommandDefinition("""
            INSERT INTO desk_messages (tenant_id, campaign_id, sender, recipient, to_supervisors, body, sent_at)
            SELECT tenant_id, id, @sender, @recipient, @toSupervisors, @body, @at FROM campaigns WHERE id = @campaign
            RETURNING id, campaign_id AS CampaignId, sender, recipient, to_supervisors AS ToSupervisors, body, sent_at AS SentAt
            """, new { campaign, sender, recipient, toSupervisors, body, at = at.UtcDateTime }, cancellationToken: ct));
    }

    /// <summary>The supervisors assigned to any of these campaigns (user ids).</summary>
    public async Task<IReadOnlyList<string>> SupervisorsOfAsync(IEnumerable<Guid> campaigns, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<Guid>(new CommandDefinition("""
            SELECT DISTINCT a.user_id FROM campaign_agents a
            JOIN user_roles ur ON ur.user_id = a.user_id JOIN roles r ON r.id = ur.role_id AND r.name = @role
            WHERE a.campaign_id = ANY(@campaigns)
            """, new { campaigns = campaigns.ToArray(), role = Roles.Supervisor }, cancellationToken: ct))).Select(g => g.ToString()).ToList();
    }

    /// <summary>Messages a user sent or received, directly or through a campaign it is assigned to; newest last.</summary>
    public async Task<IReadOnlyList<DeskMessage>> RecentForAsync(Guid user, int limit = 50, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<DeskMessage>(new CommandDefinition("""
            SELECT * FROM (
                SELECT m.id, m.campaign_id AS CampaignId, m.sender, m.recipient, m.to_supervisors AS ToSupervisors, m.body, m.sent_at AS SentAt
                FROM desk_messages m
                WHERE m.sender = @me OR m.recipient = @me
                   OR (m.recipient IS NULL AND EXISTS (SELECT 1 FROM campaign_agents a WHERE a.campaign_id = m.campaign_id AND a.user_id = @user)
                       AND (NOT m.to_supervisors OR EXISTS (SELECT 1 FROM user_roles ur JOIN roles r ON r.id = ur.role_id
                                                            WHERE ur.user_id = @user AND r.name = @supervisor)))
                ORDER BY m.id DESC LIMIT @limit) recent
            ORDER BY id
            """, new { me = user.ToString(), user, limit, supervisor = Roles.Supervisor }, cancellationToken: ct))).ToList();
    }
}
