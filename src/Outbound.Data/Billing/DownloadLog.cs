using Npgsql;
using Outbound.Core.Tenants;

namespace Outbound.Data.Billing;

public sealed record Download(TenantId TenantId, string UserName, string Document, string DocumentKey, DateTimeOffset At);

/// <summary>Every document a user downloads is logged: who, which client's, what, when.</summary>
public sealed class DownloadLog(NpgsqlDataSource dataSource, TimeProvider clock)
{
    public const string Contract = "contract", Statement = "statement", Performance = "performance";

    public async Task RecordAsync(TenantId tenant, string userName, string document, string documentKey, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand(
            "INSERT INTO download_log (tenant_id, user_name, document, document_key, at) VALUES (@t, @u, @d, @k, @at)");
        cmd.Parameters.AddWithValue("t", tenant.Value);
        cmd.Parameters.AddWithValue("u", userName);
        cmd.Parameters.AddWithValue("d", document);
        cmd.Parameters.AddWithValue("k", documentKey);
        cmd.Parameters.AddWithValue("at", clock.GetUtcNow());
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public async Task<IReadOnlyList<Download>> ForTenantAsync(TenantId tenant, int limit = 100, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand(
            "SELECT user_name, document, document_key, at FROM download_log WHERE tenant_id = @t ORDER BY at DESC, id DESC LIMIT @n");
        cmd.Parameters.AddWithValue("t", tenant.Value);
        cmd.Parameters.AddWithValue("n", limit);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var list = new List<Download>();
        while (await reader.ReadAsync(ct))
            list.Add(new Download(tenant, reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3)));
        return list;
    }
}
