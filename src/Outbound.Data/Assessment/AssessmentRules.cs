using System.Text.Json;
using Npgsql;
using Outbound.Core.Assessment;

namespace Outbound.Data.Assessment;

/// <summary>The stored rule catalogue (seeded by migration 0401); Hr edits it, every edit is kept.</summary>
public sealed class AssessmentRules(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<AssessmentRule>> ListAsync(CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var cmd = connection.Command($"SELECT {SqlRows.RuleColumns} FROM assessment_rules ORDER BY number");
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var rules = new List<AssessmentRule>();
        while (await reader.ReadAsync(ct)) rules.Add(reader.ReadRule());
        return rules;
    }

    public async Task<AssessmentRule?> FindAsync(RuleNumber number, CancellationToken ct = default) =>
        (await ListAsync(ct)).FirstOrDefault(r => r.Number == number);

    /// <summary>Replaces an existing rule's text, category, points and fines. Only Hr; the rule's number stays.</summary>
    public async Task UpdateAsync(AssessmentRule rule, AssessmentActor actor, CancellationToken ct = default)
    {
        if (actor.Role != AssessmentRole.Hr) throw new AssessmentRefusedException("只有人事可以修改考核条款。", "Only Hr may edit the rule catalogue.");
        var problems = rule.Problems();
        if (problems.Count > 0) throw new AssessmentRefusedException(LocalizedText.Join(problems));

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        AssessmentRule before;
        await using (var read = connection.Command($"SELECT {SqlRows.RuleColumns} FROM assessment_rules WHERE number = @n FOR UPDATE", tx,
                         ("n", rule.Number.Value)))
        await using (var reader = await read.ExecuteReaderAsync(ct))
        {
            if (!await reader.ReadAsync(ct)) throw new AssessmentRefusedException($"没有条款 {rule.Number}。", $"There is no rule {rule.Number}.");
            before = reader.ReadRule();
        }
        await using (var update = connection.Command("""
            UPDATE assessment_rules SET text_zh = @zh, text_en = @en, category = @cat, points = @pts, fine_min = @fmin,
                   fine_max = @fmax, compensation = @comp, may_dismiss = @dis, evidence = @ev, updated_at = now(), updated_by = @by
             WHERE number = @n
            """, tx,
            ("n", rule.Number.Value), ("zh", rule.Text.Zh.Trim()), ("en", rule.Text.En.Trim()), ("cat", rule.Category.Code()),
            ("pts", rule.Points), ("fmin", rule.Fine?.Min), ("fmax", rule.Fine?.Max), ("comp", rule.Compensation),
            ("dis", rule.MayDismiss), ("ev", rule.Evidence.Code()), ("by", actor.Id.Value)))
            await update.ExecuteNonQueryAsync(ct);
        await using (var log = connection.Command("""
            INSERT INTO assessment_rule_changes (number, changed_by, before, after) VALUES (@n, @by, @b::jsonb, @a::jsonb)
            """, tx, ("n", rule.Number.Value), ("by", actor.Id.Value), ("b", Describe(before)), ("a", Describe(rule))))
            await log.ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
    }

    private static string Describe(AssessmentRule r) => JsonSerializer.Serialize(new
    {
        number = r.Number.Value, text_zh = r.Text.Zh, text_en = r.Text.En, category = r.Category.Code(), points = r.Points,
        fine_min = r.Fine?.Min, fine_max = r.Fine?.Max, compensation = r.Compensation, may_dismiss = r.MayDismiss,
        evidence = r.Evidence.Code(),
    });
}
