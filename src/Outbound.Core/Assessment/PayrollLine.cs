using Outbound.Core.Workforce;

namespace Outbound.Core.Assessment;

/// <summary>
/// One agent's settled month. <see cref="MonthAmount"/> is what this month's own deductions leave
/// (points × ¥5 − fines); <see cref="NetPerformancePay"/> adds adjustments carried in from earlier
/// months. A negative net is taken from the base salary (以基本工资相抵); what even the base salary
/// cannot cover is carried into the next month.
/// </summary>
public sealed record PayrollLine(
    AgentId Agent,
    CalendarMonth Month,
    int OfficePoints,
    int DepartmentPoints,
    decimal Fines,
    decimal Adjustment,
    decimal BaseSalary,
    int Occurrences)
{
    public int Points => OfficePoints + DepartmentPoints;
    public decimal PointsPay => Points * MonthlySettlement.YuanPerPoint;
    public decimal MonthAmount => PointsPay - Fines;
    public decimal NetPerformancePay => MonthAmount + Adjustment;
    public decimal PerformancePayable => Math.Max(0m, NetPerformancePay);
    public decimal Shortfall => Math.Max(0m, -NetPerformancePay);
    public decimal BaseSalaryOffset => Math.Min(Shortfall, BaseSalary);
    public decimal BaseSalaryPayable => BaseSalary - BaseSalaryOffset;
    public decimal CarriedForward => Shortfall - BaseSalaryOffset;
    public decimal TotalPayable => BaseSalaryPayable + PerformancePayable;
}
