using Npgsql;
using Outbound.Core.Billing;
using Outbound.Core.Tenants;

namespace Outbound.Data.Billing;

/// <summary>Each client's seat-lease terms (one row per tenant), edited by an Admin.</summary>
public sealed class ContractTermsStore(NpgsqlDataSource dataSource)
{
    private const string Columns = """
        tenant_id, contract_no, seats, price_per_seat_month, telephony_rate_per_minute, start_date, end_date,
        deposit_months, advance_months, grace_days, maintenance_days_per_month, renewal_notice_months
        """;

    public async Task<ContractTerms?> FindAsync(TenantId tenant, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand($"SELECT {Columns} FROM contract_terms WHERE tenant_id = @t");
        cmd.Parameters.AddWithValue("t", tenant.Value);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? Read(reader) : null;
    }

    public async Task<IReadOnlyList<ContractTerms>> ListAsync(CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand($"SELECT {Columns} FROM contract_terms ORDER BY contract_no");
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var list = new List<ContractTerms>();
        while (await reader.ReadAsync(ct)) list.Add(Read(reader));
        return list;
    }

    public async Task SaveAsync(ContractTerms terms, string? by, CancellationToken ct = default)
    {
        if (terms.Problems() is { Count: > 0 } problems) throw new ArgumentException($"Invalid contract terms: {string.Join(", ", problems)}", nameof(terms));
        await using var cmd = dataSource.CreateCommand($"""
            INSERT INTO contract_terms ({Columns}, updated_by, updated_at)
            VALUES (@t, @no, @seats, @price, @rate, @start, @end, @dep, @adv, @grace, @maint, @renew, @by, now())
            ON CONFLICT (tenant_id) DO UPDATE SET contract_no = excluded.contract_no, seats = excluded.seats,
                price_per_seat_month = excluded.price_per_seat_month, telephony_rate_per_minute = excluded.telephony_rate_per_minute,
                start_date = excluded.start_date, end_date = excluded.end_date, deposit_months = excluded.deposit_months,
                advance_months = excluded.advance_months, grace_days = excluded.grace_days,
                maintenance_days_per_month = excluded.maintenance_days_per_month, renewal_notice_months = excluded.renewal_notice_months,
                updated_by = excluded.updated_by, updated_at = now()
            """);
        var p = cmd.Parameters;
        p.AddWithValue("t", terms.TenantId.Value);
        p.AddWithValue("no", terms.ContractNo);
        p.AddWithValue("seats", terms.Seats);
        p.AddWithValue("price", terms.PricePerSeatMonth);
        p.AddWithValue("rate", terms.TelephonyRatePerMinute);
        p.AddWithValue("start", terms.StartDate);
        p.AddWithValue("end", terms.EndDate);
        p.AddWithValue("dep", terms.DepositMonths);
        p.AddWithValue("adv", terms.AdvanceMonths);
        p.AddWithValue("grace", terms.GraceDays);
        p.AddWithValue("maint", terms.MaintenanceDaysPerMonth);
        p.AddWithValue("renew", terms.RenewalNoticeMonths);
        p.AddWithValue("by", (object?)by ?? DBNull.Value);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static ContractTerms Read(NpgsqlDataReader r) => new(
        new TenantId(r.GetGuid(0)), r.GetString(1), r.GetInt32(2), r.GetDecimal(3), r.GetDecimal(4),
        r.GetFieldValue<DateOnly>(5), r.GetFieldValue<DateOnly>(6), r.GetInt32(7), r.GetInt32(8), r.GetInt32(9), r.GetInt32(10), r.GetInt32(11));
}
