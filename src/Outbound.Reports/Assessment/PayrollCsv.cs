using System.Globalization;
using System.Text;
using Outbound.Data.Assessment;

namespace Outbound.Reports.Assessment;

/// <summary>
/// The payroll export of a settled month: UTF-8 with a BOM (so that Excel in China opens it as UTF-8),
/// one header row with Chinese and English names per column, amounts in yuan with two decimals.
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
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        writer.NewLine = "\r\n";
        await writer.WriteLineAsync(string.Join(',', Header.Select(Quote)));
        foreach (var row in settlement.Rows)
        {
            var l = row.Line;
            string[] cells =
            [
                l.Month.ToString(), row.EmployeeNo, row.Name, Int(l.OfficePoints), Int(l.DepartmentPoints), Int(l.Points),
                Yuan(l.PointsPay), Yuan(l.Fines), Yuan(l.Adjustment), Yuan(l.NetPerformancePay), Yuan(l.BaseSalary),
                Yuan(l.BaseSalaryOffset), Yuan(l.CarriedForward), Yuan(l.TotalPayable), Int(l.Occurrences),
            ];
            await writer.WriteLineAsync(string.Join(',', cells.Select(Quote)));
        }
        await writer.FlushAsync(ct);
    }

    private static string Int(int n) => n.ToString(CultureInfo.InvariantCulture);
    private static string Yuan(decimal d) => d.ToString("0.00", CultureInfo.InvariantCulture);

    // Quote when needed; a leading =,+,-,@ in a text cell is neutralised so a name cannot become a formula.
    private static string Quote(string cell)
    {
        var safe = cell.Length > 0 && "=+@".Contains(cell[0]) ? "'" + cell : cell;
        return safe.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + safe.Replace("\"", "\"\"") + "\"" : safe;
    }
}
