using Dapper;
using Npgsql;
using Outbound.Core.Knowledge;
using Outbound.Core.Performance;
using Outbound.Core.WorkOrders;

namespace Outbound.Data.WorkOrders;

/// <summary>
/// The facts of <see cref="ServiceMetrics"/> for a campaign over a period: its contacts (calls connected to an agent) with the
/// same number's next contact and first work order in the tenant, and the orders opened in the period.
/// </summary>
public sealed class ServiceMetricsQueries(NpgsqlDataSource dataSource)
{
    /// <summary>Contacts of the campaign, outbound or inbound, started in [start, end).</summary>
    public async Task<IReadOnlyList<ContactFact>> ContactsAsync(Guid campaign, DateTimeOffset start, DateTimeOffset end, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<(DateTime At, DateTime? NextContact, DateTime? NextOrder)>(new CommandDefinition("""
            WITH contacts AS (
                SELECT tenant_id, phone_e164 AS phone, started_at AS at FROM call_records
                WHERE campaign_id = @campaign AND started_at >= @start AND started_at < @end AND connected_at IS NOT NULL
                UNION ALL
                SELECT tenant_id, caller_number, arrived_at FROM inbound_calls
                WHERE campaign_id = @campaign AND arrived_at >= @start AND arrived_at < @end AND connected_at IS NOT NULL
            )
            SELECT c.at,
                   least((SELECT min(r.started_at) FROM call_records r WHERE r.tenant_id = c.tenant_id AND r.phone_e164 = c.phone AND r.started_at > c.at
                            AND r.connected_at IS NOT NULL),
                         (SELECT min(i.arrived_at) FROM inbound_calls i WHERE i.tenant_id = c.tenant_id AND i.caller_number = c.phone AND i.arrived_at > c.at
                            AND i.connected_at IS NOT NULL)),
                   (SELECT min(o.created_at) FROM work_orders o WHERE o.phone_e164 = c.phone AND o.tenant_id = c.tenant_id AND o.created_at >= c.at)
            FROM contacts c
            """, new { campaign, start = start.ToUniversalTime(), end = end.ToUniversalTime() }, cancellationToken: ct, commandTimeout: 120));
        return rows.Select(r => new ContactFact(WorkOrderStore.Utc(r.At), WorkOrderStore.Utc(r.NextContact), WorkOrderStore.Utc(r.NextOrder))).ToList();
    }

    /// <summary>Orders opened in [start, end) for the campaign (or every campaign of the tenant).</summary>
    public async Task<IReadOnlyList<WorkOrderFact>> OrdersAsync(Guid? campaign, Guid? tenant, DateTimeOffset start, DateTimeOffset end, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<WorkOrderFact>(new CommandDefinition("""
            SELECT t.code AS TypeCode, t.name AS TypeName, o.escalations > 0 AS Escalated, t.skip_level_complaint AS SkipLevelComplaint,
                   CASE WHEN o.first_response_breached THEN false WHEN o.first_responded_at IS NOT NULL THEN true END AS FirstResponseMet,
                   CASE WHEN o.resolution_breached THEN false WHEN o.resolved_at IS NOT NULL THEN true END AS ResolutionMet,
                   CASE WHEN o.status = 'Closed' AND o.merged_into IS NULL THEN coalesce(o.resolved_fully, false) AND o.reopened = 0 END AS ClosedFully
            FROM work_orders o JOIN wo_types t ON t.id = o.type_id
            WHERE (@campaign::uuid IS NULL OR o.campaign_id = @campaign) AND (@tenant::uuid IS NULL OR o.tenant_id = @tenant)
              AND o.created_at >= @start AND o.created_at < @end
            """, new { campaign, tenant, start = start.ToUniversalTime(), end = end.ToUniversalTime() }, cancellationToken: ct, commandTimeout: 120));
        return rows.ToList();
    }

    /// <summary>知识库及时率 of a tenant's policy changes registered in [start, end), as of <paramref name="asOf"/>.</summary>
    public async Task<Ratio> TimelinessAsync(Guid tenant, DateTimeOffset start, DateTimeOffset end, DateTimeOffset asOf, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<(DateTime Registered, DateTime? Published, int Target)>(new CommandDefinition("""
            SELECT registered_at, published_at, target_hours FROM kb_policy_changes WHERE tenant_id = @tenant AND registered_at >= @start AND registered_at < @end
            """, new { tenant, start = start.ToUniversalTime(), end = end.ToUniversalTime() }, cancellationToken: ct));
        return KnowledgeTimeliness.Measure(rows.Select(r => new PolicyChangeFact(WorkOrderStore.Utc(r.Registered), WorkOrderStore.Utc(r.Published),
            TimeSpan.FromHours(r.Target))), asOf);
    }
}
