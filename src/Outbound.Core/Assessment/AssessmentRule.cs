namespace Outbound.Core.Assessment;

/// <summary>
/// One rule of the point-based assessment (员工绩效考核). <see cref="Fine"/> is null when the rule
/// carries no fine; <see cref="Compensation"/> marks rules whose money is the cost of the damage
/// (照价赔偿) rather than a fixed fine, so Hr enters the amount.
/// </summary>
public sealed record AssessmentRule(
    RuleNumber Number,
    LocalizedText Text,
    RuleCategory Category,
    int Points,
    FineRange? Fine,
    bool Compensation,
    bool MayDismiss,
    EvidenceKind Evidence)
{
    /// <summary>Checks an amount Hr wants to charge for one occurrence; returns why it is refused, or null.</summary>
    public LocalizedText? RefuseFine(decimal amount)
    {
        if (amount < 0) return new("罚款不能为负数。", "A fine must not be negative.");
        if (Compensation) return null;
        if (Fine is null)
            return amount == 0 ? null : new($"条款 {Number} 没有罚款。", $"Rule {Number} carries no fine.");
        if (Fine.Contains(amount)) return null;
        return Fine.Min == Fine.Max
            ? new($"条款 {Number} 的罚款固定为 ¥{Fine.Min:0.##}，不能是 ¥{amount:0.##}。", $"Rule {Number} fines ¥{Fine.Min:0.##}, not ¥{amount:0.##}.")
            : new($"条款 {Number} 的罚款为 ¥{Fine.Min:0.##}–¥{Fine.Max:0.##}，不能是 ¥{amount:0.##}。",
                $"Rule {Number} fines ¥{Fine.Min:0.##}–¥{Fine.Max:0.##}, not ¥{amount:0.##}.");
    }

    /// <summary>The fine to propose when Hr does not choose one: the rule's minimum.</summary>
    public decimal DefaultFine => Fine?.Min ?? 0m;

    /// <summary>Validates an edited rule before it is stored.</summary>
    public IReadOnlyList<LocalizedText> Problems()
    {
        var problems = new List<LocalizedText>();
        if (Number.Value <= 0) problems.Add(new("条款号须为正数。", "The rule number must be positive."));
        if (string.IsNullOrWhiteSpace(Text.Zh)) problems.Add(new("请填写中文条款内容。", "The Chinese text is required."));
        if (string.IsNullOrWhiteSpace(Text.En)) problems.Add(new("请填写英文条款内容。", "The English text is required."));
        var allowance = RuleCategoryPoints.Allowance(Category);
        if (Points < 0 || Points > allowance)
            problems.Add(new($"扣分须在 0–{allowance} 之间。", $"The points must be between 0 and {allowance}."));
        return problems;
    }
}
