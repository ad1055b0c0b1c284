namespace Outbound.Core.Assessment;

/// <summary>Which part of the 100 points a rule draws on: 办公室考核 (40) or 本部门业务考核 (60).</summary>
public enum RuleCategory
{
    Office,
    Department,
}

public static class RuleCategoryPoints
{
    public const int Office = 40;
    public const int Department = 60;
    public const int Total = Office + Department;

    public static int Allowance(RuleCategory category) => category switch
    {
        RuleCategory.Office => Office,
        RuleCategory.Department => Department,
        _ => throw new ArgumentOutOfRangeException(nameof(category)),
    };

    public static string Code(this RuleCategory category) => category switch
    {
        RuleCategory.Office => "office",
        RuleCategory.Department => "department",
        _ => throw new ArgumentOutOfRangeException(nameof(category)),
    };

    public static RuleCategory ParseCategory(string code) => code switch
    {
        "office" => RuleCategory.Office,
        "department" => RuleCategory.Department,
        _ => throw new ArgumentException($"unknown rule category '{code}'", nameof(code)),
    };
}
