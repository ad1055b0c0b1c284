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
    public string? RefuseFine(decimal amount)
    {
        if (amount < 0) return "fine must not be negative";
        if (Compensation) return null;
        if (Fine is null) return amount == 0 ? null : $"rule {Number} carries no fine";
        return Fine.Contains(amount) ? null : $"rule {Number} fines ¥{Fine.Min:0.##}–¥{Fine.Max:0.##}, not ¥{amount:0.##}";
    }

    /// <summary>The fine to propose when Hr does not choose one: the rule's minimum.</summary>
    public decimal DefaultFine => Fine?.Min ?? 0m;

    /// <summary>Validates an edited rule before it is stored.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Number.Value <= 0) problems.Add("number must be positive");
        if (string.IsNullOrWhiteSpace(Text.Zh)) problems.Add("Chinese text is required");
        if (string.IsNullOrWhiteSpace(Text.En)) problems.Add("English text is required");
        if (Points < 0 || Points > RuleCategoryPoints.Allowance(Category))
            problems.Add($"points must be between 0 and {RuleCategoryPoints.Allowance(Category)}");
        return problems;
    }
}
