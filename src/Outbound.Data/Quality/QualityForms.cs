using Dapper;
using Npgsql;
using Outbound.Core.Quality;
using Outbound.Core.Tenants;

namespace Outbound.Data.Quality;

/// <summary>A form's current version, with where it applies.</summary>
public sealed record StoredForm(Guid Id, TenantId TenantId, Guid? CampaignId, string? CampaignCode, int Version, EvaluationForm Form,
    DateTimeOffset SavedAt, bool InUse);

/// <summary>
/// Evaluation forms (评分表) per tenant or campaign, versioned: saving a form whose current version has been scored with
/// adds a version (the database refuses to change a scored one); saving an unused version rewrites it. Invalid forms
/// are refused with every problem (<see cref="FormValidator"/>) and nothing is written.
/// </summary>
public sealed class QualityForms(NpgsqlDataSource dataSource)
{
    private const string Select = """
        SELECT f.id, f.tenant_id, f.campaign_id, c.code, v.version, v.definition::text, v.saved_at,
               EXISTS (SELECT 1 FROM qa_evaluations e WHERE e.form_id = v.form_id AND e.form_version = v.version) AS in_use
        FROM qa_forms f
        JOIN qa_form_versions v ON v.form_id = f.id AND v.version = (SELECT max(version) FROM qa_form_versions WHERE form_id = f.id)
        LEFT JOIN campaigns c ON c.id = f.campaign_id
        """;

    public async Task<IReadOnlyList<StoredForm>> ListAsync(QualityViewer viewer, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<FormRow>(new CommandDefinition(Select + " ORDER BY v.name, f.id", cancellationToken: ct));
        var forms = rows.Select(r => r.ToStored()).ToList();
        var campaigns = await TenantCampaignsAsync(connection, ct);
        // A tenant-wide form is visible to whoever covers one of the tenant's campaigns.
        return forms.Where(f => f.CampaignId is { } c ? viewer.MayReadResults(c) || viewer.MayManage(c)
            : campaigns.Where(t => t.Tenant == f.TenantId.Value).Any(t => viewer.MayReadResults(t.Campaign) || viewer.MayManage(t.Campaign))).ToList();
    }

    public async Task<StoredForm?> FindAsync(Guid id, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<FormRow>(new CommandDefinition(Select + " WHERE f.id = @id", new { id }, cancellationToken: ct));
        return row?.ToStored();
    }

    public async Task<EvaluationForm?> VersionAsync(Guid id, int version, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var json = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT definition::text FROM qa_form_versions WHERE form_id = @id AND version = @version", new { id, version }, cancellationToken: ct));
        return json is null ? null : QualityJson.Read<EvaluationForm>(json);
    }

    /// <summary>The form a campaign's calls are scored with: the campaign's own newest form, else the tenant's newest tenant-wide one.</summary>
    public async Task<StoredForm?> ForCampaignAsync(Guid campaign, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<FormRow>(new CommandDefinition(Select + """
             WHERE f.tenant_id = (SELECT tenant_id FROM campaigns WHERE id = @campaign) AND (f.campaign_id = @campaign OR f.campaign_id IS NULL)
             ORDER BY f.campaign_id IS NULL, v.saved_at DESC LIMIT 1
            """, new { campaign }, cancellationToken: ct));
        return row?.ToStored();
    }

    /// <summary>Creates a form (id null) or saves a form's content; returns the id and the version written.</summary>
    /// <exception cref="FormInvalidException">The form has problems; nothing was written.</exception>
    public async Task<(Guid Id, int Version)> SaveAsync(QualityViewer viewer, Guid? id, TenantId tenant, Guid? campaign, EvaluationForm form,
        DateTimeOffset now, CancellationToken ct = default)
    {
        if (FormValidator.Validate(form) is { Count: > 0 } problems) throw new FormInvalidException(problems);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var campaigns = (await TenantCampaignsAsync(connection, ct)).Where(c => c.Tenant == tenant.Value).Select(c => c.Campaign).ToList();
        if (campaign is { } c0 && !campaigns.Contains(c0)) throw new QualityRefusedException(QualityRefusal.NotFound);
        if (!(campaign is { } c1 ? viewer.MayManage(c1) : campaigns.Any(viewer.MayManage)))
            throw new QualityRefusedException(QualityRefusal.NotAllowed);
        var json = QualityJson.Write(form);
        if (id is null)
        {
            var created = Guid.CreateVersion7();
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO qa_forms (id, tenant_id, campaign_id, created_at, created_by) VALUES (@created, @tenant, @campaign, @now, @user);
                INSERT INTO qa_form_versions (form_id, version, name, definition, saved_at, saved_by) VALUES (@created, 1, @name, @json::jsonb, @now, @user);
                """, new { created, tenant = tenant.Value, campaign, now = now.UtcDateTime, user = viewer.Author, name = form.Name, json }, tx, cancellationToken: ct));
            await tx.CommitAsync(ct);
            return (created, 1);
        }
        var current = await connection.QuerySingleOrDefaultAsync<(int Version, bool InUse, Guid Tenant)>(new CommandDefinition("""
            SELECT v.version, EXISTS (SELECT 1 FROM qa_evaluations e WHERE e.form_id = v.form_id AND e.form_version = v.version), f.tenant_id
            FROM qa_forms f JOIN qa_form_versions v ON v.form_id = f.id WHERE f.id = @id ORDER BY v.version DESC LIMIT 1 FOR UPDATE OF f
            """, new { id }, tx, cancellationToken: ct));
        if (current.Version == 0 || current.Tenant != tenant.Value) throw new QualityRefusedException(QualityRefusal.NotFound);
        var version = current.InUse ? current.Version + 1 : current.Version;
        await connection.ExecuteAsync(new CommandDefinition(current.InUse
            ? "INSERT INTO qa_form_versions (form_id, version, name, definition, saved_at, saved_by) VALUES (@id, @version, @name, @json::jsonb, @now, @user)"
            : "UPDATE qa_form_versions SET name = @name, definition = @json::jsonb, saved_at = @now, saved_by = @user WHERE form_id = @id AND version = @version",
            new { id, version, name = form.Name, json, now = now.UtcDateTime, user = viewer.Author }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return (id.Value, version);
    }

    private static async Task<IReadOnlyList<(Guid Tenant, Guid Campaign)>> TenantCampaignsAsync(NpgsqlConnection connection, CancellationToken ct) =>
        (await connection.QueryAsync<(Guid, Guid)>(new CommandDefinition("SELECT tenant_id, id FROM campaigns", cancellationToken: ct))).ToList();

    private sealed record FormRow(Guid id, Guid tenant_id, Guid? campaign_id, string? code, int version, string definition, DateTime saved_at, bool in_use)
    {
        public StoredForm ToStored() => new(id, new TenantId(tenant_id), campaign_id, code, version, QualityJson.Read<EvaluationForm>(definition),
            new DateTimeOffset(DateTime.SpecifyKind(saved_at, DateTimeKind.Utc)), in_use);
    }
}

/// <summary>The form has problems (<see cref="FormValidator"/>); nothing was saved.</summary>
public sealed class FormInvalidException(IReadOnlyList<FormValidationError> problems)
    : Exception($"the form is invalid: {string.Join(", ", problems.Select(p => $"{p.Field} {p.Problem}"))}")
{
    public IReadOnlyList<FormValidationError> Problems { get; } = problems;
}
