using Npgsql;
using Outbound.Core.Billing;
using Outbound.Core.Tenants;
using Outbound.Core.Workforce;

namespace Outbound.Data.Billing;

/// <summary>
/// Billable minutes per month: outbound from <c>call_records</c> (every answered call), inbound from <c>inbound_calls</c>
/// (every hotline call an agent took, from the bridge to the hang-up), each call rounded up to the started minute
/// (<see cref="BillableMinutes"/>), months taken in the call centre's zone.
/// </summary>
public sealed class TelephonyUsage(NpgsqlDataSource dataSource)
{
    public const string CenterZone = "Asia/Shanghai";

    public async Task<IReadOnlyDictionary<CalendarMonth, long>> MinutesByMonthAsync(TenantId tenant, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand($"""
            SELECT to_char(started_at AT TIME ZONE '{CenterZone}', 'YYYY-MM') AS month,
                   sum(ceil(extract(epoch FROM ended_at - answered_at) / 60.0))::bigint
            FROM call_records
            WHERE tenant_id = @t AND answered_at IS NOT NULL AND ended_at > answered_at
            GROUP BY 1
            """);
        cmd.Parameters.AddWithValue("t", tenant.Value);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var minutes = new Dictionary<CalendarMonth, long>();
        while (await reader.ReadAsync(ct)) minutes[CalendarMonth.Parse(reader.GetString(0))] = reader.GetInt64(1);
        return minutes;
    }

    public async Task<IReadOnlyDictionary<CalendarMonth, long>> InboundMinutesByMonthAsync(TenantId tenant, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand($"""
            SELECT to_char(arrived_at AT TIME ZONE '{CenterZone}', 'YYYY-MM') AS month,
                   sum(ceil(extract(epoch FROM ended_at - connected_at) / 60.0))::bigint
            FROM inbound_calls
            WHERE tenant_id = @t AND connected_at IS NOT NULL AND ended_at > connected_at
            GROUP BY 1
            """);
        cmd.Parameters.AddWithValue("t", tenant.Value);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var minutes = new Dictionary<CalendarMonth, long>();
        while (await reader.ReadAsync(ct)) minutes[CalendarMonth.Parse(reader.GetString(0))] = reader.GetInt64(1);
        return minutes;
    }
}
