using Npgsql;
using Outbound.Core.Billing;
using Outbound.Core.Tenants;

namespace Outbound.Data.Billing;

/// <summary>Payments received from clients, recorded by an Admin.</summary>
public sealed class PaymentStore(NpgsqlDataSource dataSource)
{
    public async Task<Payment> RecordAsync(TenantId tenant, DateOnly receivedOn, decimal amount, string reference, string? by, CancellationToken ct = default)
    {
        if (amount <= 0) throw new ArgumentOutOfRangeException(nameof(amount), "A payment is a positive amount.");
        var payment = new Payment(Guid.CreateVersion7(), receivedOn, decimal.Round(amount, 2), reference.Trim());
        await using var cmd = dataSource.CreateCommand(
            "INSERT INTO payments (id, tenant_id, received_on, amount, reference, recorded_by) VALUES (@id, @t, @on, @amount, @ref, @by)");
        cmd.Parameters.AddWithValue("id", payment.Id);
        cmd.Parameters.AddWithValue("t", tenant.Value);
        cmd.Parameters.AddWithValue("on", receivedOn);
        cmd.Parameters.AddWithValue("amount", payment.Amount);
        cmd.Parameters.AddWithValue("ref", payment.Reference);
        cmd.Parameters.AddWithValue("by", (object?)by ?? DBNull.Value);
        await cmd.ExecuteNonQueryAsync(ct);
        return payment;
    }

    public async Task<IReadOnlyList<Payment>> ListAsync(TenantId tenant, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand(
            "SELECT id, received_on, amount, reference FROM payments WHERE tenant_id = @t ORDER BY received_on, recorded_at");
        cmd.Parameters.AddWithValue("t", tenant.Value);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var list = new List<Payment>();
        while (await reader.ReadAsync(ct))
            list.Add(new Payment(reader.GetGuid(0), reader.GetFieldValue<DateOnly>(1), reader.GetDecimal(2), reader.GetString(3)));
        return list;
    }
}
