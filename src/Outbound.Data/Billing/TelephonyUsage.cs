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
    public Task<IReadOnlyDictionary<CalendarMonth, long>> MinutesByMonthAsync(TenantId tenant, CancellationToken ct = default) =>
        ByMonthAsync("call_records", "started_at", "answered_at", tenant, ct);

    public Task<IReadOnlyDictionary<CalendarMonth, long>> InboundMinutesByMonthAsync(TenantId tenant, CancellationToken ct = default) =>
        ByMonthAsync("inbound_calls", "arrived_at", "connected_at", tenant, ct);

    /// <summary>Per month of <paramref name="monthOf"/>, the minutes from <paramref name="talkFrom"/> to the end, each call rounded up.</summary>
    private async Task<IReadOnlyDictionary<CalendarMonth, long>> ByMonthAsync(string table, string monthOf, string talkFrom, TenantId tenant, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand($"""
            SELECT to_char({monthOf} AT TIME ZONE '{CenterTime.ChinaZoneId}', 'YYYY-MM') AS month,
                   sum(ceil(extract(epoch FROM ended_at - {talkFrom}) / 60.0))::bigint
            FROM {table}
            WHERE tenant_id = @t AND {talkFrom} IS NOT NULL AND ended_at > {talkFrom}
            GROUP BY 1
            """);
        cmd.Parameters.AddWithValue("t", tenant.Value);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var minutes = new Dictionary<CalendarMonth, long>();
        while (await reader.ReadAsync(ct)) minutes[CalendarMonth.Parse(reader.GetString(0))] = reader.GetInt64(1);
        return minutes;
    }
}
