using Outbound.Core.Workforce;

namespace Outbound.Core.Assessment;

/// <summary>
/// The seed's arithmetic (员工底分100分,每分折合人民币5元): every agent starts the month with 40 office
/// and 60 department points; deductions take points from their own category, which stops at zero;
/// the points left are paid at ¥5 each, less the fines.
/// </summary>
public static class MonthlySettlement
{
    public const decimal YuanPerPoint = 5m;

    public static PayrollLine SettleAgent(AgentId agent, CalendarMonth month, decimal baseSalary,
        IReadOnlyCollection<ChargedDeduction> deductions, decimal adjustment = 0m)
    {
        if (baseSalary < 0) throw new ArgumentOutOfRangeException(nameof(baseSalary), "base salary must not be negative");
        if (deductions.Any(d => d.Points < 0 || d.Fine < 0))
            throw new ArgumentException("a deduction cannot add points or money back", nameof(deductions));
        return new PayrollLine(
            agent, month,
            PointsLeft(RuleCategory.Office, deductions),
            PointsLeft(RuleCategory.Department, deductions),
            deductions.Sum(d => d.Fine),
            adjustment,
            baseSalary,
            deductions.Count);
    }

    /// <summary>
    /// The correction owed for an earlier, locked month whose deductions changed after it was settled
    /// (an appeal voided, say): what the month would pay now, less what it paid, less corrections already made.
    /// Positive means the agent is owed money.
    /// </summary>
    public static decimal Correction(decimal settledMonthAmount, IReadOnlyCollection<ChargedDeduction> deductionsNow,
        decimal alreadyCorrected) =>
        MonthAmountOf(deductionsNow) - settledMonthAmount - alreadyCorrected;

    public static decimal MonthAmountOf(IReadOnlyCollection<ChargedDeduction> deductions) =>
        (PointsLeft(RuleCategory.Office, deductions) + PointsLeft(RuleCategory.Department, deductions)) * YuanPerPoint
        - deductions.Sum(d => d.Fine);

    private static int PointsLeft(RuleCategory category, IEnumerable<ChargedDeduction> deductions) =>
        Math.Max(0, RuleCategoryPoints.Allowance(category) - deductions.Where(d => d.Category == category).Sum(d => d.Points));
}
