using Outbound.Core.Assessment;
using Outbound.Core.Workforce;
using Outbound.Data.Assessment;

namespace Outbound.Reports.Assessment;

/// <summary>Everything one agent's monthly statement shows; built by the data source, drawn by the document.</summary>
public sealed record AssessmentStatementModel(
    string EmployeeNo,
    string AgentName,
    PayrollLine Line,
    bool Settled,
    IReadOnlyList<AssessmentStatementModel.Item> Deductions,
    IReadOnlyList<PayrollAdjustment> Adjustments,
    DateTimeOffset GeneratedAt)
{
    public CalendarMonth Month => Line.Month;

    public sealed record Item(DateOnly OccurredOn, RuleNumber Rule, string RuleText, RuleCategory Category, int Points, decimal Fine,
        DeductionState State, Evidence Evidence);
}
