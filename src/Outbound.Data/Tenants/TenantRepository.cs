using Dapper;
using Npgsql;
using Outbound.Core.Tenants;

namespace Outbound.Data.Tenants;

/// <summary>The client companies (乙方). Listing respects the caller's <see cref="TenantScope"/>.</summary>
public sealed class TenantRepository(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<Tenant>> ListAsync(TenantScope scope, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            "SELECT id, code, name, created_at AS CreatedAt FROM tenants WHERE (@tenant::uuid IS NULL OR id = @tenant) ORDER BY code",
            new { tenant = scope.SqlFilter }, cancellationToken: ct));
        return rows.Select(r => r.ToTenant()).ToList();
    }

    public async Task<Tenant?> FindAsync(TenantId id, CancellationToken ct = default) =>
        await FindWhere("id = @value", id.Value, ct);

    public async Task<Tenant?> FindByCodeAsync(string code, CancellationToken ct = default) =>
        await FindWhere("code = @value", code, ct);

    /// <summary>Creates the tenant, or renames it when the code exists. Returns its id.</summary>
    public async Task<TenantId> UpsertAsync(string code, string name, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var id = await connection.ExecuteScalarAsync<Guid>(new CommandDefinition("""
            INSERT INTO tenants (id, code, name) VALUES (@id, @code, @name)
            ON CONFLICT (code) DO UPDATE SET name = excluded.name
            RETURNING id
            """, new { id = TenantId.New().Value, code, name }, cancellationToken: ct));
        return new TenantId(id);
    }

    private async Task<Tenant?> FindWhere(string condition, object value, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT id, code, name, created_at AS CreatedAt FROM tenants WHERE {condition}", new { value }, cancellationToken: ct));
        return row?.ToTenant();
    }

    private sealed record Row(Guid Id, string Code, string Name, DateTime CreatedAt)
    {
        public Tenant ToTenant() => new(new TenantId(Id), Code, Name, new DateTimeOffset(CreatedAt, TimeSpan.Zero));
    }
}
