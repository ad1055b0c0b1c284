using Outbound.Core.Exports;
using Outbound.Data.Assessment;

namespace Outbound.Reports.Assessment;

/// <summary>
/// The payroll export of a settled month: UTF-8 with a BOM (so that Excel in China opens it as UTF-8),
/// one header row with Chinese and English names per column, amounts in yuan with two decimals, written by
/// <see cref="SpreadsheetCsv"/> (a name cannot become a formula).
/// </summary>
public static class PayrollCsv
{
    private static readonly string[] Header =
    [
        "月份 month", "工号 employee_no", "姓名 name", "办公室得分 office_points", "业务得分 department_points", "总分 points",
        "绩效金额 points_pay", "罚款 fines", "调整 adjustment", "绩效净额 net_performance_pay", "基本工资 base_salary",
        "基本工资抵扣 base_salary_offset", "结转下月 carried_forward", "应发合计 total_payable", "扣分次数 occurrences",
    ];

    public static async Task WriteAsync(Settlement settlement, Stream output, CancellationToken ct = default)
    {
        await using var csv = new SpreadsheetCsv(output);
        await csv.WriteRowAsync([.. Header.Select(h => (CsvCell)h)]);
        foreach (var row in settlement.Rows)
        {
            ct.ThrowIfCancellationRequested();
            var l = row.Line;
            await csv.WriteRowAsync(
                l.Month.ToString(), row.EmployeeNo, row.Name, CsvCell.Number(l.OfficePoints), CsvCell.Number(l.DepartmentPoints), CsvCell.Number(l.Points),
                Yuan(l.PointsPay), Yuan(l.Fines), Yuan(l.Adjustment), Yuan(l.NetPerformancePay), Yuan(l.BaseSalary),
                Yuan(l.BaseSalaryOffset), Yuan(l.CarriedForward), Yuan(l.TotalPayable), CsvCell.Number(l.Occurrences));
        }
    }

    private static CsvCell Yuan(decimal d) => CsvCell.Number(d, "0.00");
}
