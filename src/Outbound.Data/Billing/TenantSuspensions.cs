using Npgsql;
using Outbound.Core.Billing;
using Outbound.Core.Tenants;

namespace Outbound.Data.Billing;

/// <summary>The open suspension of a client, why it was made, and when it was lifted.</summary>
public sealed record Suspension(TenantId TenantId, DateTimeOffset SuspendedAt, DateOnly OldestDueOn, int DaysOverdue, decimal Outstanding);

/// <summary>
/// Applies <see cref="AccountStanding"/> to the database: a client more than the grace days overdue gets
/// an open suspension row, a client in good standing has its open row lifted. Run by the background
/// watch, on demand by an Admin, and after every payment.
/// </summary>
public sealed class TenantSuspensions(NpgsqlDataSource dataSource, BillingAccounts accounts, TimeProvider clock)
{
    public async Task<Suspension?> CurrentAsync(TenantId tenant, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand(
            "SELECT suspended_at, oldest_due_on, days_overdue, outstanding FROM tenant_suspensions WHERE tenant_id = @t AND lifted_at IS NULL");
        cmd.Parameters.AddWithValue("t", tenant.Value);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct)
            ? new Suspension(tenant, reader.GetFieldValue<DateTimeOffset>(0), reader.GetFieldValue<DateOnly>(1), reader.GetInt32(2), reader.GetDecimal(3))
            : null;
    }

    /// <summary>Suspends or lifts one client according to its standing today; returns the open suspension, if any.</summary>
    public async Task<Suspension?> EvaluateAsync(TenantId tenant, CancellationToken ct = default)
    {
        var standing = await accounts.StandingAsync(tenant, accounts.Today, ct);
        var now = clock.GetUtcNow();
        if (standing is { Suspended: true, OldestUnpaidDueOn: { } due })
        {
            await using var cmd = dataSource.CreateCommand("""
                INSERT INTO tenant_suspensions (tenant_id, suspended_at, oldest_due_on, days_overdue, outstanding)
                VALUES (@t, @now, @due, @days, @owed)
                ON CONFLICT (tenant_id) WHERE lifted_at IS NULL
                DO UPDATE SET days_overdue = excluded.days_overdue, outstanding = excluded.outstanding
                """);
            cmd.Parameters.AddWithValue("t", tenant.Value);
            cmd.Parameters.AddWithValue("now", now);
            cmd.Parameters.AddWithValue("due", due);
            cmd.Parameters.AddWithValue("days", standing.DaysOverdue);
            cmd.Parameters.AddWithValue("owed", standing.Outstanding);
            await cmd.ExecuteNonQueryAsync(ct);
        }
        else
        {
            await using var cmd = dataSource.CreateCommand("UPDATE tenant_suspensions SET lifted_at = @now WHERE tenant_id = @t AND lifted_at IS NULL");
            cmd.Parameters.AddWithValue("t", tenant.Value);
            cmd.Parameters.AddWithValue("now", now);
            await cmd.ExecuteNonQueryAsync(ct);
        }
        return await CurrentAsync(tenant, ct);
    }

    /// <summary>Every client with a contract; returns how many are suspended afterwards.</summary>
    public async Task<int> EvaluateAllAsync(CancellationToken ct = default)
    {
        var suspended = 0;
        foreach (var terms in await accounts.Terms.ListAsync(ct))
            if (await EvaluateAsync(terms.TenantId, ct) is not null) suspended++;
        return suspended;
    }
}
