using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Dapper;
using Npgsql;
using Outbound.Core.WorkOrders;

namespace Outbound.Data.WorkOrders;

/// <summary>An order type of a campaign, with its SLA per priority.</summary>
public sealed record OrderType(
    Guid Id, Guid TenantId, Guid CampaignId, string CampaignCode, string CampaignName, string Code, string Name,
    IReadOnlyList<WorkOrderField> Fields, WorkOrderPriority DefaultPriority, Guid DepartmentId, string DepartmentName,
    IReadOnlyList<EscalationStep> Escalation, bool SkipLevelComplaint, bool Active, IReadOnlyDictionary<WorkOrderPriority, SlaPolicy> Sla);

public sealed record OrderTypeInput(
    Guid CampaignId, string Code, string Name, IReadOnlyList<WorkOrderField> Fields, WorkOrderPriority DefaultPriority, Guid DepartmentId,
    IReadOnlyList<EscalationStep> Escalation, bool SkipLevelComplaint, bool Active, IReadOnlyDictionary<WorkOrderPriority, SlaPolicy> Sla);

/// <summary>Why an order type is refused; <see cref="OrderTypeError.Detail"/> names the field, level or priority.</summary>
public enum OrderTypeProblem
{
    CampaignNotFound, CodeInvalid, CodeTaken, NameRequired, DepartmentNotAllowed, FieldKeyInvalid, FieldKeyDuplicate, FieldLabelRequired,
    EscalationNotAllowed, EscalationTimeNotPositive, Sla,
}

public sealed record OrderTypeError(OrderTypeProblem Problem, string? Detail = null, SlaPolicyProblem? Sla = null);

/// <summary>
/// Order types per campaign and their SLA policies, saved together in one transaction: a type with a broken policy
/// (a zero or negative time) is refused whole. A type's departments must be the operator's or its campaign's tenant's.
/// </summary>
public sealed partial class OrderTypes(NpgsqlDataSource dataSource)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private sealed record StoredStep(Guid Department, int WithinMinutes);

    public async Task<IReadOnlyList<OrderType>> ListAsync(Guid? campaign = null, Guid? tenant = null, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = (await connection.QueryAsync<Row>(new CommandDefinition(Select + """
             WHERE (@campaign::uuid IS NULL OR t.campaign_id = @campaign) AND (@tenant::uuid IS NULL OR t.tenant_id = @tenant)
             ORDER BY c.code, t.name
            """, new { campaign, tenant }, cancellationToken: ct))).ToList();
        var policies = (await connection.QueryAsync<PolicyRow>(new CommandDefinition("""
            SELECT type_id AS TypeId, priority, first_response_minutes AS FirstResponse, next_update_minutes AS NextUpdate,
                   resolution_minutes AS Resolution, warn_minutes AS Warn
            FROM wo_sla_policies WHERE type_id = ANY(@ids)
            """, new { ids = rows.Select(r => r.Id).ToArray() }, cancellationToken: ct))).ToLookup(p => p.TypeId);
        return rows.Select(r => r.ToType(policies[r.Id])).ToList();
    }

    public async Task<OrderType?> FindAsync(Guid id, CancellationToken ct = default) =>
        (await ListAsync(ct: ct)).FirstOrDefault(t => t.Id == id);

    /// <summary>Creates (<paramref name="id"/> null) or replaces a type and its policies; nothing is written when anything is refused.</summary>
    public async Task<(Guid? Id, IReadOnlyList<OrderTypeError> Errors)> SaveAsync(Guid? id, OrderTypeInput input, CancellationToken ct = default)
    {
        var errors = Check(input);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var tenant = await connection.ExecuteScalarAsync<Guid?>(new CommandDefinition("SELECT tenant_id FROM campaigns WHERE id = @c", new { c = input.CampaignId }, cancellationToken: ct));
        if (tenant is null) return (null, [new OrderTypeError(OrderTypeProblem.CampaignNotFound)]);
        var departments = input.Escalation.Select(e => e.DepartmentId).Append(input.DepartmentId).Distinct().ToArray();
        var allowed = (await connection.QueryAsync<Guid>(new CommandDefinition(
            "SELECT id FROM wo_departments WHERE id = ANY(@departments) AND (tenant_id IS NULL OR tenant_id = @tenant)",
            new { departments, tenant }, cancellationToken: ct))).ToHashSet();
        if (!allowed.Contains(input.DepartmentId)) errors.Add(new OrderTypeError(OrderTypeProblem.DepartmentNotAllowed));
        for (var i = 0; i < input.Escalation.Count; i++)
            if (!allowed.Contains(input.Escalation[i].DepartmentId)) errors.Add(new OrderTypeError(OrderTypeProblem.EscalationNotAllowed, (i + 1).ToString()));
        if (errors.Count > 0) return (null, errors);

        var typeId = id ?? Guid.CreateVersion7();
        await using var tx = await connection.BeginTransactionAsync(ct);
        int saved;
        try
        {
            saved = await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO wo_types (id, tenant_id, campaign_id, code, name, fields, default_priority, department_id, escalation, skip_level_complaint, active)
                VALUES (@typeId, @tenant, @CampaignId, @Code, @Name, @fields::jsonb, @priority, @DepartmentId, @escalation::jsonb, @SkipLevelComplaint, @Active)
                ON CONFLICT (id) DO UPDATE SET code = excluded.code, name = excluded.name, fields = excluded.fields,
                    default_priority = excluded.default_priority, department_id = excluded.department_id, escalation = excluded.escalation,
                    skip_level_complaint = excluded.skip_level_complaint, active = excluded.active
                    WHERE wo_types.campaign_id = excluded.campaign_id
                """, new
            {
                typeId, tenant, input.CampaignId, Code = input.Code.Trim(), Name = input.Name.Trim(), fields = JsonSerializer.Serialize(input.Fields, Json),
                priority = input.DefaultPriority.ToString(), input.DepartmentId, input.SkipLevelComplaint, input.Active,
                escalation = JsonSerializer.Serialize(input.Escalation.Select(e => new StoredStep(e.DepartmentId, (int)e.Within.TotalMinutes)), Json),
            }, tx, cancellationToken: ct));
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return (null, [new OrderTypeError(OrderTypeProblem.CodeTaken)]);
        }
        if (saved != 1) return (null, [new OrderTypeError(OrderTypeProblem.CampaignNotFound)]);
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM wo_sla_policies WHERE type_id = @typeId", new { typeId }, tx, cancellationToken: ct));
        foreach (var (priority, policy) in input.Sla)
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO wo_sla_policies (type_id, priority, first_response_minutes, next_update_minutes, resolution_minutes, warn_minutes)
                VALUES (@typeId, @priority, @first, @next, @resolution, @warn)
                """, new { typeId, priority = priority.ToString(), first = Minutes(policy.FirstResponse), next = Minutes(policy.NextUpdate),
                resolution = Minutes(policy.Resolution), warn = Minutes(policy.WarnBefore) }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return (typeId, []);
    }

    private static List<OrderTypeError> Check(OrderTypeInput input)
    {
        var errors = new List<OrderTypeError>();
        if (!CodePattern().IsMatch(input.Code.Trim())) errors.Add(new OrderTypeError(OrderTypeProblem.CodeInvalid));
        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Trim().Length > 100) errors.Add(new OrderTypeError(OrderTypeProblem.NameRequired));
        foreach (var field in input.Fields)
        {
            if (!FieldKeyPattern().IsMatch(field.Key)) errors.Add(new OrderTypeError(OrderTypeProblem.FieldKeyInvalid, field.Key));
            if (string.IsNullOrWhiteSpace(field.Label)) errors.Add(new OrderTypeError(OrderTypeProblem.FieldLabelRequired, field.Key));
        }
        foreach (var duplicate in input.Fields.GroupBy(f => f.Key).Where(g => g.Count() > 1))
            errors.Add(new OrderTypeError(OrderTypeProblem.FieldKeyDuplicate, duplicate.Key));
        for (var i = 0; i < input.Escalation.Count; i++)
            if (input.Escalation[i].Within <= TimeSpan.Zero) errors.Add(new OrderTypeError(OrderTypeProblem.EscalationTimeNotPositive, (i + 1).ToString()));
        foreach (var (priority, policy) in input.Sla)
            errors.AddRange(policy.Problems.Select(p => new OrderTypeError(OrderTypeProblem.Sla, priority.ToString(), p)));
        return errors;
    }

    private static int Minutes(TimeSpan t) => (int)Math.Round(t.TotalMinutes);

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,39}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex("^[a-z][a-z0-9_]{0,39}$")]
    private static partial Regex FieldKeyPattern();

    private const string Select = """
        SELECT t.id, t.tenant_id AS TenantId, t.campaign_id AS CampaignId, c.code AS CampaignCode, c.name AS CampaignName, t.code, t.name,
               t.fields::text AS Fields, t.default_priority AS DefaultPriority, t.department_id AS DepartmentId, d.name AS DepartmentName,
               t.escalation::text AS Escalation, t.skip_level_complaint AS SkipLevelComplaint, t.active
        FROM wo_types t JOIN campaigns c ON c.id = t.campaign_id JOIN wo_departments d ON d.id = t.department_id
        """;

    private sealed record PolicyRow(Guid TypeId, string Priority, int FirstResponse, int NextUpdate, int Resolution, int Warn);

    private sealed record Row(Guid Id, Guid TenantId, Guid CampaignId, string CampaignCode, string CampaignName, string Code, string Name, string Fields,
        string DefaultPriority, Guid DepartmentId, string DepartmentName, string Escalation, bool SkipLevelComplaint, bool Active)
    {
        public OrderType ToType(IEnumerable<PolicyRow> policies) => new(Id, TenantId, CampaignId, CampaignCode, CampaignName, Code, Name,
            JsonSerializer.Deserialize<List<WorkOrderField>>(Fields, Json) ?? [], Enum.Parse<WorkOrderPriority>(DefaultPriority), DepartmentId, DepartmentName,
            (JsonSerializer.Deserialize<List<StoredStep>>(Escalation, Json) ?? []).Select(s => new EscalationStep(s.Department, TimeSpan.FromMinutes(s.WithinMinutes))).ToList(),
            SkipLevelComplaint, Active,
            policies.ToDictionary(p => Enum.Parse<WorkOrderPriority>(p.Priority), p => new SlaPolicy(TimeSpan.FromMinutes(p.FirstResponse),
                TimeSpan.FromMinutes(p.NextUpdate), TimeSpan.FromMinutes(p.Resolution), TimeSpan.FromMinutes(p.Warn))));
    }
}
