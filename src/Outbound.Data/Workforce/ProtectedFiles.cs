using Npgsql;
using Outbound.Core.Assessment.Detection;
using Outbound.Core.Campaigns;
using Outbound.Core.Tenants;
using Outbound.Core.Workforce;
using Outbound.Data.Assessment;

namespace Outbound.Data.Workforce;

/// <summary>
/// The one door through which anyone may ask to delete a recording or a customer file. The answer is
/// always no (rule 7: 不得以任何理由删除原始文件): the attempt is kept and, when the person is staff under
/// assessment, a draft deduction is proposed to Hr (never charged until Hr confirms it).
/// </summary>
public sealed class ProtectedFiles(NpgsqlDataSource dataSource, CenterTime time)
{
    /// <summary>
    /// The recording of an outbound or inbound call (by call id) or a customer file (by lead id), with where it belongs and,
    /// for a recording, the agent who took the call; null when there is no such file.
    /// </summary>
    public async Task<ProtectedFile?> FindAsync(ProtectedFileKind kind, string id, CancellationToken ct = default)
    {
        string? sql = kind switch
        {
            ProtectedFileKind.Recording when Guid.TryParse(id, out _) => """
                SELECT tenant_id, campaign_id, agent FROM call_records WHERE id = @id::uuid AND recording_path IS NOT NULL
                UNION ALL
                SELECT tenant_id, campaign_id, agent FROM inbound_calls WHERE id = @id::uuid AND recording_path IS NOT NULL
                """,
            ProtectedFileKind.CustomerFile when long.TryParse(id, out _) => "SELECT tenant_id, campaign_id, NULL::text FROM leads WHERE id = @id::bigint",
            _ => null,
        };
        if (sql is null) return null;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var cmd = connection.Command(sql, null, ("id", id));
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct)
            ? new ProtectedFile(kind, id, new TenantId(reader.GetGuid(0)), new CampaignId(reader.GetGuid(1)), reader.IsDBNull(2) ? null : reader.GetString(2))
            : null;
    }

    public async Task<AssessmentRefusedException> RefuseDeletionAsync(AgentId by, ProtectedFileKind kind, string target, DateTimeOffset at,
        CancellationToken ct = default)
    {
        var attempt = new DeleteAttempt(Guid.CreateVersion7(), by, kind, target, time.ToLocal(at));
        await using (var connection = await dataSource.OpenConnectionAsync(ct))
        await using (var cmd = connection.Command("""
            INSERT INTO workforce_delete_attempts (id, agent_id, kind, target, attempted_at) VALUES (@id, @a, @k, @t, @at)
            """, null, ("id", attempt.AttemptId), ("a", by.Value), ("k", kind == ProtectedFileKind.Recording ? "recording" : "customer_file"),
            ("t", target), ("at", at.ToUniversalTime())))
            await cmd.ExecuteNonQueryAsync(ct);
        bool isStaff;
        await using (var connection = await dataSource.OpenConnectionAsync(ct))
        await using (var cmd = connection.Command("SELECT EXISTS (SELECT 1 FROM workforce_agents WHERE id = @a)", null, ("a", by.Value)))
            isStaff = (bool)(await cmd.ExecuteScalarAsync(ct))!;
        if (isStaff) await new Deductions(dataSource).ProposeAsync([DeleteAttemptDetection.Propose(attempt)], ct);
        return new AssessmentRefusedException("原始文件（录音、客户档案）不得删除；此次操作已记录。", "Original files cannot be deleted; the attempt was recorded.");
    }
}

/// <summary>A recording or customer file, where it belongs, and (for a recording) the agent on the call.</summary>
public sealed record ProtectedFile(ProtectedFileKind Kind, string Id, TenantId Tenant, CampaignId Campaign, string? Agent);
