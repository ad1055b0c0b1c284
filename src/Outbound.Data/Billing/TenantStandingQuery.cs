using Npgsql;
using Outbound.Core.Billing;
using Outbound.Core.Tenants;

namespace Outbound.Data.Billing;

/// <summary>
/// The one question the dialer asks about a client before dialing: suspended for overdue rent, inside
/// a maintenance window, or free to dial. A single indexed query, cheap enough to ask every few seconds.
/// </summary>
public sealed class TenantStandingQuery(NpgsqlDataSource dataSource)
{
    public async Task<TenantStanding> StandingAsync(TenantId tenant, DateTimeOffset now, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            SELECT EXISTS (SELECT 1 FROM tenant_suspensions WHERE tenant_id = @t AND lifted_at IS NULL),
                   EXISTS (SELECT 1 FROM maintenance_windows
                           WHERE (tenant_id IS NULL OR tenant_id = @t) AND starts_at <= @now AND ends_at > @now)
            """);
        cmd.Parameters.AddWithValue("t", tenant.Value);
        cmd.Parameters.AddWithValue("now", now.ToUniversalTime());
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return reader.GetBoolean(0) ? TenantStanding.Suspended : reader.GetBoolean(1) ? TenantStanding.Maintenance : TenantStanding.Active;
    }
}
