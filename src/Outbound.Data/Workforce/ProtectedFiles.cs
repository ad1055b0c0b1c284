using Npgsql;
using Outbound.Core.Assessment.Detection;
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
