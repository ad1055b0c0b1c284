using Npgsql;
using Outbound.Core.Billing;
using Outbound.Core.Tenants;

namespace Outbound.Data.Billing;

/// <summary>Planned maintenance windows; one with no tenant pauses every client.</summary>
public sealed class MaintenanceWindows(NpgsqlDataSource dataSource)
{
    public async Task AddAsync(TenantId? tenant, MaintenanceWindow window, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand(
            "INSERT INTO maintenance_windows (id, tenant_id, starts_at, ends_at, reason) VALUES (@id, @t, @from, @to, @reason)");
        cmd.Parameters.AddWithValue("id", window.Id);
        cmd.Parameters.AddWithValue("t", (object?)tenant?.Value ?? DBNull.Value);
        cmd.Parameters.AddWithValue("from", window.StartsAt.ToUniversalTime());
        cmd.Parameters.AddWithValue("to", window.EndsAt.ToUniversalTime());
        cmd.Parameters.AddWithValue("reason", window.Reason);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Windows that apply to the client (its own and the global ones), ending after <paramref name="from"/>.</summary>
    public async Task<IReadOnlyList<MaintenanceWindow>> ForTenantAsync(TenantId tenant, DateTimeOffset from, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            SELECT id, starts_at, ends_at, reason FROM maintenance_windows
            WHERE (tenant_id IS NULL OR tenant_id = @t) AND ends_at > @from ORDER BY starts_at
            """);
        cmd.Parameters.AddWithValue("t", tenant.Value);
        cmd.Parameters.AddWithValue("from", from.ToUniversalTime());
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var list = new List<MaintenanceWindow>();
        while (await reader.ReadAsync(ct))
            list.Add(new MaintenanceWindow(reader.GetGuid(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetString(3)));
        return list;
    }

    /// <summary>Every window ending after <paramref name="from"/>, with the client it applies to (null: all clients).</summary>
    public async Task<IReadOnlyList<(TenantId? Tenant, MaintenanceWindow Window)>> UpcomingAsync(DateTimeOffset from, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand(
            "SELECT tenant_id, id, starts_at, ends_at, reason FROM maintenance_windows WHERE ends_at > @from ORDER BY starts_at");
        cmd.Parameters.AddWithValue("from", from.ToUniversalTime());
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var list = new List<(TenantId?, MaintenanceWindow)>();
        while (await reader.ReadAsync(ct))
            list.Add((reader.IsDBNull(0) ? null : new TenantId(reader.GetGuid(0)),
                new MaintenanceWindow(reader.GetGuid(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetFieldValue<DateTimeOffset>(3), reader.GetString(4))));
        return list;
    }
}
