using System.Runtime.CompilerServices;
using Dapper;
using Npgsql;
using Outbound.Core.Campaigns;
using Outbound.Core.Tenants;

namespace Outbound.Data.Campaigns;

/// <summary>One list import as the campaign pages show it (the import engine writes these rows).</summary>
public sealed record ImportSummary(
    Guid Id, CampaignId CampaignId, TenantId TenantId, string FileName, string Encoding, string Status, string? Error,
    int Rows, int Imported, int Rejected, int Duplicates, int Dnc, string? CreatedBy, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt);

public sealed record ImportReject(int LineNumber, string Reason, string? Detail, string Raw);

/// <summary>Read side of <c>list_imports</c> and <c>list_import_rejects</c>, always within a <see cref="TenantScope"/>.</summary>
public sealed class CampaignImports(NpgsqlDataSource dataSource)
{
    private const string Select = """
        SELECT id, campaign_id AS CampaignId, tenant_id AS TenantId, file_name AS FileName, encoding, status, error,
               rows, imported, rejected, duplicates, dnc, created_by AS CreatedBy, started_at AS StartedAt, finished_at AS FinishedAt
        FROM list_imports WHERE (@tenant::uuid IS NULL OR tenant_id = @tenant) AND (@campaigns::uuid[] IS NULL OR campaign_id = ANY(@campaigns))
        """;

    public async Task<IReadOnlyList<ImportSummary>> OfCampaignAsync(CampaignId campaign, TenantScope scope, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            Select + " AND campaign_id = @campaign ORDER BY started_at DESC", new { campaign = campaign.Value, tenant = scope.SqlFilter, campaigns = scope.CampaignFilter }, cancellationToken: ct));
        return rows.Select(r => r.ToSummary()).ToList();
    }

    public async Task<ImportSummary?> FindAsync(Guid importId, TenantScope scope, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            Select + " AND id = @id", new { id = importId, tenant = scope.SqlFilter, campaigns = scope.CampaignFilter }, cancellationToken: ct));
        return row?.ToSummary();
    }

    /// <summary>The rejected rows of an import in line order, streamed (a bad list can have millions).</summary>
    public async IAsyncEnumerable<ImportReject> RejectsAsync(Guid importId, TenantScope scope, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand("""
            SELECT r.line_number, r.reason, r.detail, r.raw FROM list_import_rejects r JOIN list_imports i ON i.id = r.import_id
            WHERE r.import_id = @id AND (@tenant::uuid IS NULL OR r.tenant_id = @tenant) AND (@campaigns::uuid[] IS NULL OR i.campaign_id = ANY(@campaigns))
            ORDER BY r.line_number
            """, connection);
        cmd.Parameters.AddWithValue("id", importId);
        cmd.Parameters.Add(new NpgsqlParameter<Guid?>("tenant", NpgsqlTypes.NpgsqlDbType.Uuid) { TypedValue = scope.SqlFilter });
        cmd.Parameters.Add(new NpgsqlParameter("campaigns", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Uuid) { Value = (object?)scope.CampaignFilter ?? DBNull.Value });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            yield return new ImportReject(reader.GetInt32(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3));
    }

    private sealed record Row(
        Guid Id, Guid CampaignId, Guid TenantId, string FileName, string Encoding, string Status, string? Error,
        int Rows, int Imported, int Rejected, int Duplicates, int Dnc, string? CreatedBy, DateTime StartedAt, DateTime? FinishedAt)
    {
        public ImportSummary ToSummary() => new(Id, new CampaignId(CampaignId), new TenantId(TenantId), FileName, Encoding, Status, Error,
            Rows, Imported, Rejected, Duplicates, Dnc, CreatedBy, new DateTimeOffset(StartedAt, TimeSpan.Zero),
            FinishedAt is { } f ? new DateTimeOffset(f, TimeSpan.Zero) : null);
    }
}
