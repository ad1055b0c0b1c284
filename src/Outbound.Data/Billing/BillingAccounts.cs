using Npgsql;
using Outbound.Core.Billing;
using Outbound.Core.Tenants;
using Outbound.Core.Workforce;

namespace Outbound.Data.Billing;

/// <summary>When and by whom a month's statement was issued, and the balance it showed then.</summary>
public sealed record IssuedStatement(DateTimeOffset IssuedAt, string? IssuedBy, decimal ClosingBalance);

/// <summary>A client's account: terms, minutes and payments brought together into Core's statement and standing.</summary>
public sealed class BillingAccounts(NpgsqlDataSource dataSource, TimeProvider clock)
{
    public ContractTermsStore Terms { get; } = new(dataSource);
    public PaymentStore Payments { get; } = new(dataSource);
    public TelephonyUsage Usage { get; } = new(dataSource);

    /// <summary>Today in the call centre's zone: due days and grace days are counted in it.</summary>
    public DateOnly Today => CenterTime.China.Day(clock.GetUtcNow());

    /// <summary>The statement of a month computed from the account as it stands, writing nothing; null when the client has no contract.</summary>
    public async Task<MonthlyStatement?> StatementAsync(TenantId tenant, CalendarMonth month, CancellationToken ct = default)
    {
        if (await Terms.FindAsync(tenant, ct) is not { } terms) return null;
        return MonthlyStatement.Compute(terms, month, await Usage.MinutesByMonthAsync(tenant, ct), await Payments.ListAsync(tenant, ct),
            await Usage.InboundMinutesByMonthAsync(tenant, ct));
    }

    /// <summary>The month's statement as last issued, or null while it is only a preview.</summary>
    public async Task<IssuedStatement?> IssuedAsync(TenantId tenant, CalendarMonth month, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("SELECT issued_at, issued_by, closing_balance FROM statements WHERE tenant_id = @t AND month = @m");
        cmd.Parameters.AddWithValue("t", tenant.Value);
        cmd.Parameters.AddWithValue("m", month.ToString());
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? new IssuedStatement(r.GetFieldValue<DateTimeOffset>(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetDecimal(2)) : null;
    }

    /// <summary>Issues (or re-issues) the month's statement: its figures are recorded with who issued it and when. Null without a contract.</summary>
    public async Task<MonthlyStatement?> IssueStatementAsync(TenantId tenant, CalendarMonth month, string? issuedBy, CancellationToken ct = default)
    {
        if (await StatementAsync(tenant, month, ct) is not { } statement) return null;
        await using var cmd = dataSource.CreateCommand("""
            INSERT INTO statements (tenant_id, month, opening_balance, charges, payments, closing_balance, telephony_minutes, inbound_minutes, issued_at, issued_by)
            VALUES (@t, @m, @open, @charges, @paid, @close, @minutes, @inbound, @at, @by)
            ON CONFLICT (tenant_id, month) DO UPDATE SET opening_balance = excluded.opening_balance, charges = excluded.charges,
                payments = excluded.payments, closing_balance = excluded.closing_balance,
                telephony_minutes = excluded.telephony_minutes, inbound_minutes = excluded.inbound_minutes,
                issued_at = excluded.issued_at, issued_by = excluded.issued_by
            """);
        cmd.Parameters.AddWithValue("t", tenant.Value);
        cmd.Parameters.AddWithValue("m", month.ToString());
        cmd.Parameters.AddWithValue("open", statement.OpeningBalance);
        cmd.Parameters.AddWithValue("charges", statement.ChargesTotal);
        cmd.Parameters.AddWithValue("paid", statement.PaymentsTotal);
        cmd.Parameters.AddWithValue("close", statement.ClosingBalance);
        cmd.Parameters.AddWithValue("minutes", statement.TelephonyMinutes);
        cmd.Parameters.AddWithValue("inbound", statement.InboundMinutes);
        cmd.Parameters.AddWithValue("at", clock.GetUtcNow());
        cmd.Parameters.AddWithValue("by", (object?)issuedBy ?? DBNull.Value);
        await cmd.ExecuteNonQueryAsync(ct);
        return statement;
    }

    public async Task<AccountStanding?> StandingAsync(TenantId tenant, DateOnly today, CancellationToken ct = default)
    {
        if (await Terms.FindAsync(tenant, ct) is not { } terms) return null;
        return AccountStanding.Evaluate(terms, await Usage.MinutesByMonthAsync(tenant, ct), await Payments.ListAsync(tenant, ct), today,
            await Usage.InboundMinutesByMonthAsync(tenant, ct));
    }
}
