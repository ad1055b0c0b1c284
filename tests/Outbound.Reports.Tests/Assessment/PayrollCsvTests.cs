using System.Text;
using Outbound.Core.Assessment;
using Outbound.Core.Workforce;
using Outbound.Data.Assessment;
using Outbound.Reports.Assessment;

namespace Outbound.Reports.Tests.Assessment;

public sealed class PayrollCsvTests
{
    private static readonly CalendarMonth March = new(2026, 3);

    private static PayrollRow Row(string employeeNo, string name, decimal adjustment = 0m) =>
        new(employeeNo, name, new PayrollLine(AgentId.New(), March, 40, 60, 0m, adjustment, 3000m, 0));

    private static async Task<string[][]> WriteAsync(params PayrollRow[] rows)
    {
        var settlement = new Settlement(new SettlementSummary(March, rows.Length, 0, 0m, 0m, DateTimeOffset.UnixEpoch), rows);
        using var stream = new MemoryStream();
        await PayrollCsv.WriteAsync(settlement, stream);
        var text = Encoding.UTF8.GetString(stream.ToArray().AsSpan(3));
        return text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(',')).ToArray();
    }

    [Theory]
    [InlineData("-2+3+cmd|' /C calc'!A0")]
    [InlineData("=1+2")]
    [InlineData("+1")]
    [InlineData("@SUM(A1)")]
    public async Task A_staff_name_that_looks_like_a_formula_is_written_as_text(string name)
    {
        var lines = await WriteAsync(Row("W001", name));
        Assert.Equal("'" + name, lines[1][2]);
    }

    [Fact]
    public async Task Negative_amounts_stay_numbers()
    {
        var lines = await WriteAsync(Row("W001", "李丽", adjustment: -750m));
        Assert.Equal("-750.00", lines[1][8]);
        Assert.Equal("-250.00", lines[1][9]);
    }
}
