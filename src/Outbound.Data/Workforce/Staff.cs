using Npgsql;
using Outbound.Core.Workforce;
using Outbound.Data.Assessment;

namespace Outbound.Data.Workforce;

public sealed record StaffRecord(AgentId Agent, string EmployeeNo, string Name, TeamId? Team, decimal BaseSalary, bool Active = true);

/// <summary>A team as Hr keeps it: its name, its leader (班长) and where it sits in the 大轮班 rotation.</summary>
public sealed record TeamRecord(TeamId Id, string Name, AgentId Leader, int RotationOffset);

/// <summary>A login account that may get a staff record (agents and supervisors).</summary>
public sealed record StaffAccount(AgentId Id, string DisplayName, string? Email, string Role);

/// <summary>Hr's staff records and teams (班组 with their 班长).</summary>
public sealed class Staff(NpgsqlDataSource dataSource)
{
    public async Task SaveTeamAsync(TeamId id, string name, AgentId leader, int rotationOffset, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var cmd = connection.Command("""
            INSERT INTO workforce_teams (id, name, leader_id, rotation_offset) VALUES (@id, @name, @leader, @off)
            ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, leader_id = EXCLUDED.leader_id, rotation_offset = EXCLUDED.rotation_offset
            """, null, ("id", id.Value), ("name", name), ("leader", leader.Value), ("off", rotationOffset));
        if (string.IsNullOrWhiteSpace(name)) throw new AssessmentRefusedException("请填写班组名称。", "A team needs a name.");
        try { await cmd.ExecuteNonQueryAsync(ct); }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            throw new AssessmentRefusedException("班组长须是已有的用户账号。", "A team's leader must be an existing user account.");
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new AssessmentRefusedException($"已有名为 {name} 的班组。", $"There is already a team named {name}.");
        }
    }

    public async Task SaveAgentAsync(StaffRecord record, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(record.EmployeeNo) || string.IsNullOrWhiteSpace(record.Name))
            throw new AssessmentRefusedException("请填写工号和姓名。", "An agent needs an employee number and a name.");
        if (record.BaseSalary < 0) throw new AssessmentRefusedException("基本工资不能为负数。", "The base salary must not be negative.");
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var cmd = connection.Command("""
            INSERT INTO workforce_agents (id, employee_no, name, team_id, base_salary, active) VALUES (@id, @no, @name, @team, @base, @active)
            ON CONFLICT (id) DO UPDATE SET employee_no = EXCLUDED.employee_no, name = EXCLUDED.name, team_id = EXCLUDED.team_id,
                                           base_salary = EXCLUDED.base_salary, active = EXCLUDED.active
            """, null, ("id", record.Agent.Value), ("no", record.EmployeeNo.Trim()), ("name", record.Name.Trim()),
            ("team", record.Team?.Value), ("base", record.BaseSalary), ("active", record.Active));
        try { await cmd.ExecuteNonQueryAsync(ct); }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            throw new AssessmentRefusedException("员工档案须对应已有的用户账号（以及已有的班组）。", "A staff record must belong to an existing user account (and an existing team).");
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new AssessmentRefusedException($"工号 {record.EmployeeNo.Trim()} 已被使用。", $"Employee number {record.EmployeeNo.Trim()} is already taken.");
        }
    }

    public async Task<IReadOnlyList<StaffRecord>> ListAsync(CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var cmd = connection.Command("SELECT id, employee_no, name, team_id, base_salary, active FROM workforce_agents ORDER BY employee_no");
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<StaffRecord>();
        while (await r.ReadAsync(ct))
            list.Add(new StaffRecord(new AgentId(r.GetGuid(0)), r.GetString(1), r.GetString(2),
                r.Nullable<Guid>(3) is { } t ? new TeamId(t) : null, r.GetDecimal(4), r.GetBoolean(5)));
        return list;
    }

    public async Task<IReadOnlyList<TeamRecord>> TeamListAsync(CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var cmd = connection.Command("SELECT id, name, leader_id, rotation_offset FROM workforce_teams ORDER BY name");
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<TeamRecord>();
        while (await r.ReadAsync(ct)) list.Add(new TeamRecord(new TeamId(r.GetGuid(0)), r.GetString(1), new AgentId(r.GetGuid(2)), r.GetInt32(3)));
        return list;
    }

    /// <summary>The accounts of agents and supervisors, who are the people a staff record or a team can name.</summary>
    public async Task<IReadOnlyList<StaffAccount>> AccountsAsync(CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var cmd = connection.Command("""
            SELECT DISTINCT ON (u.id) u.id, u.display_name, u.email, ro.name
              FROM users u JOIN user_roles ur ON ur.user_id = u.id JOIN roles ro ON ro.id = ur.role_id
             WHERE ro.name IN ('Agent', 'Supervisor')
             ORDER BY u.id, ro.name DESC
            """);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<StaffAccount>();
        while (await r.ReadAsync(ct)) list.Add(new StaffAccount(new AgentId(r.GetGuid(0)), r.GetString(1), r.NullableString(2), r.GetString(3)));
        return list.OrderBy(a => a.Email, StringComparer.Ordinal).ToList();
    }

    /// <summary>The agents of the team a supervisor leads (empty if they lead none).</summary>
    public async Task<IReadOnlySet<AgentId>> TeamLedByAsync(AgentId leader, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await Deductions.TeamLedByAsync(connection, leader, ct);
    }

    /// <summary>Teams with their members and rotation offsets, as roster generation needs them.</summary>
    public async Task<IReadOnlyList<TeamRotation>> TeamsAsync(CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var teams = new List<(TeamId Id, string Name, AgentId Leader, int Offset)>();
        await using (var cmd = connection.Command("SELECT id, name, leader_id, rotation_offset FROM workforce_teams ORDER BY name"))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct)) teams.Add((new TeamId(r.GetGuid(0)), r.GetString(1), new AgentId(r.GetGuid(2)), r.GetInt32(3)));
        var members = (await ListAsync(ct)).Where(s => s.Active && s.Team is not null).ToLookup(s => s.Team!);
        return teams.Select(t => new TeamRotation(
            new Team(t.Id, t.Name, t.Leader, members[t.Id].Select(m => m.Agent).Where(a => a != t.Leader).ToList()), t.Offset)).ToList();
    }
}
