using System.Text.Json;
using Dapper;
using Npgsql;
using Outbound.Core.Campaigns;
using Outbound.Core.Tenants;

namespace Outbound.Data.Campaigns;

/// <summary>
/// Campaign rows with their settings as jsonb. Every read takes a <see cref="TenantScope"/>: a campaign of
/// another tenant (or, for a supervisor, one it is not assigned to) is simply not found, so pages answer 404 without a separate check.
/// </summary>
public sealed class CampaignRepository(NpgsqlDataSource dataSource)
{
    private const string Select = """
        SELECT c.id, c.tenant_id AS TenantId, t.code AS TenantCode, t.name AS TenantName, c.code, c.name, c.kind,
               c.dial_mode AS DialMode, c.status, c.settings::text AS Settings, c.updated_at AS UpdatedAt
        FROM campaigns c JOIN tenants t ON t.id = c.tenant_id
        WHERE (@tenant::uuid IS NULL OR c.tenant_id = @tenant) AND (@campaigns::uuid[] IS NULL OR c.id = ANY(@campaigns))
        """;

    public async Task<IReadOnlyList<StoredCampaign>> ListAsync(TenantScope scope, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            Select + " ORDER BY t.code, c.code", new { tenant = scope.SqlFilter, campaigns = scope.CampaignFilter }, cancellationToken: ct));
        return rows.Select(r => r.ToCampaign()).ToList();
    }

    public async Task<StoredCampaign?> FindAsync(CampaignId id, TenantScope scope, CancellationToken ct = default) =>
        await FindWhere("c.id = @value", id.Value, scope, ct);

    public async Task<StoredCampaign?> FindByCodeAsync(string code, TenantScope scope, CancellationToken ct = default) =>
        await FindWhere("c.code = @value", code, scope, ct);

    /// <summary>Stores a new campaign; null when its code is already taken (codes are unique across tenants).</summary>
    public async Task<CampaignId?> CreateAsync(TenantId tenant, CampaignDefinition campaign, CancellationToken ct = default)
    {
        var id = CampaignId.New();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var inserted = await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO campaigns (id, tenant_id, code, name, kind, dial_mode, settings)
            VALUES (@id, @tenant, @code, @name, @kind, @dialMode, @settings::jsonb)
            ON CONFLICT (code) DO NOTHING
            """, Parameters(campaign, new { id = id.Value, tenant = tenant.Value }), cancellationToken: ct));
        return inserted == 1 ? id : null;
    }

    /// <summary>Replaces name, kind, dial mode and settings (the code and tenant never change). False when not visible in the scope.</summary>
    public async Task<bool> UpdateAsync(CampaignId id, TenantScope scope, CampaignDefinition campaign, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var updated = await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE campaigns SET name = @name, kind = @kind, dial_mode = @dialMode, settings = @settings::jsonb, updated_at = now()
            WHERE id = @id AND (@tenant::uuid IS NULL OR tenant_id = @tenant) AND (@campaigns::uuid[] IS NULL OR id = ANY(@campaigns))
            """, Parameters(campaign, new { id = id.Value, tenant = scope.SqlFilter, campaigns = scope.CampaignFilter }), cancellationToken: ct));
        return updated == 1;
    }

    private static DynamicParameters Parameters(CampaignDefinition c, object extra)
    {
        var p = new DynamicParameters(extra);
        p.Add("code", c.Code);
        p.Add("name", c.Name);
        p.Add("kind", c.Kind.ToString());
        p.Add("dialMode", c.DialMode.ToString());
        p.Add("settings", JsonSerializer.Serialize(c.Settings, CampaignSettingsJson.Options));
        return p;
    }

    private async Task<StoredCampaign?> FindWhere(string condition, object value, TenantScope scope, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"{Select} AND {condition}", new { value, tenant = scope.SqlFilter, campaigns = scope.CampaignFilter }, cancellationToken: ct));
        return row?.ToCampaign();
    }

    private sealed record Row(
        Guid Id, Guid TenantId, string TenantCode, string TenantName, string Code, string Name, string Kind,
        string DialMode, string Status, string Settings, DateTime UpdatedAt)
    {
        public StoredCampaign ToCampaign() => new(
            new CampaignId(Id), new TenantId(TenantId), TenantCode, TenantName,
            new CampaignDefinition(Code, Name, Enum.Parse<CampaignKind>(Kind), Enum.Parse<Core.Campaigns.DialMode>(DialMode),
                JsonSerializer.Deserialize<CampaignSettings>(Settings, CampaignSettingsJson.Options)
                ?? throw new InvalidDataException($"Campaign {Code} has empty settings.")),
            Status, new DateTimeOffset(UpdatedAt, TimeSpan.Zero));
    }
}
