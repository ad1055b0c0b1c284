using Dapper;
using Npgsql;

namespace Outbound.Data.WorkOrders;

/// <summary>A department that handles orders: the operator's own (no tenant) or a client's back office.</summary>
public sealed record Department(Guid Id, Guid? TenantId, string Name, string? TenantName);

public sealed record DepartmentMember(Guid DepartmentId, Guid UserId, string Name, string Email, bool IsLead);

/// <summary>Why a department change is refused; the web words the codes.</summary>
public enum DepartmentProblem { NameRequired, NameTaken, UserNotFound, MemberOfWrongSide, NotFound }

/// <summary>
/// Departments and their members. A client user may belong only to its own tenant's departments and operator staff only
/// to the operator's: membership is what lets a client user work an order in the portal.
/// </summary>
public sealed class Departments(NpgsqlDataSource dataSource)
{
    /// <summary>Every department, or the operator's plus one tenant's.</summary>
    public async Task<IReadOnlyList<Department>> ListAsync(Guid? tenant = null, bool all = true, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<Department>(new CommandDefinition("""
            SELECT d.id, d.tenant_id AS TenantId, d.name, t.name AS TenantName FROM wo_departments d LEFT JOIN tenants t ON t.id = d.tenant_id
            WHERE @all OR d.tenant_id IS NULL OR d.tenant_id = @tenant
            ORDER BY t.name NULLS FIRST, d.name
            """, new { tenant, all }, cancellationToken: ct))).ToList();
    }

    public async Task<Department?> FindAsync(Guid id, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<Department>(new CommandDefinition("""
            SELECT d.id, d.tenant_id AS TenantId, d.name, t.name AS TenantName FROM wo_departments d LEFT JOIN tenants t ON t.id = d.tenant_id
            WHERE d.id = @id
            """, new { id }, cancellationToken: ct));
    }

    public async Task<(Guid? Id, DepartmentProblem? Problem)> CreateAsync(Guid? tenant, string name, CancellationToken ct = default)
    {
        name = name.Trim();
        if (name.Length is 0 or > 100) return (null, DepartmentProblem.NameRequired);
        var id = Guid.CreateVersion7();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var inserted = await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO wo_departments (id, tenant_id, name) VALUES (@id, @tenant, @name) ON CONFLICT DO NOTHING
            """, new { id, tenant, name }, cancellationToken: ct));
        return inserted == 1 ? (id, null) : (null, DepartmentProblem.NameTaken);
    }

    /// <summary>The department's id by name, created when missing (demo data).</summary>
    public async Task<Guid> EnsureAsync(Guid? tenant, string name, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<Guid?>(new CommandDefinition(
                   "SELECT id FROM wo_departments WHERE tenant_id IS NOT DISTINCT FROM @tenant AND name = @name", new { tenant, name }, cancellationToken: ct))
               ?? (await CreateAsync(tenant, name, ct)).Id ?? throw new InvalidOperationException($"department {name} could not be created");
    }

    public async Task<IReadOnlyList<DepartmentMember>> MembersAsync(Guid department, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<DepartmentMember>(new CommandDefinition("""
            SELECT m.department_id AS DepartmentId, m.user_id AS UserId, u.display_name AS Name, u.email, m.is_lead AS IsLead
            FROM wo_department_members m JOIN users u ON u.id = m.user_id WHERE m.department_id = @department ORDER BY m.is_lead DESC, u.display_name
            """, new { department }, cancellationToken: ct))).ToList();
    }

    /// <summary>Adds (or updates) a member by login e-mail, refusing a user of another side (a client user in an operator department, or another client's).</summary>
    public async Task<DepartmentProblem?> AddMemberAsync(Guid department, string email, bool isLead, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<(Guid? DepartmentTenant, Guid UserId, Guid? UserTenant)?>(new CommandDefinition("""
            SELECT d.tenant_id, u.id, u.tenant_id FROM wo_departments d, users u WHERE d.id = @department AND u.normalized_email = upper(@email)
            """, new { department, email = email.Trim() }, cancellationToken: ct));
        if (row is not { } found) return DepartmentProblem.UserNotFound;
        if (found.DepartmentTenant != found.UserTenant) return DepartmentProblem.MemberOfWrongSide;
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO wo_department_members (department_id, user_id, is_lead) VALUES (@department, @user, @isLead)
            ON CONFLICT (department_id, user_id) DO UPDATE SET is_lead = excluded.is_lead
            """, new { department, user = found.UserId, isLead }, cancellationToken: ct));
        return null;
    }

    public async Task RemoveMemberAsync(Guid department, Guid user, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM wo_department_members WHERE department_id = @department AND user_id = @user",
            new { department, user }, cancellationToken: ct));
    }
}
