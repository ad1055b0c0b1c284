using Outbound.Core.Lists;

namespace Outbound.Core.Tests.Lists;

public sealed class CsvTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    public void Values_are_quoted_only_when_needed(string value, string expected) => Assert.Equal(expected, Csv.Quote(value));

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\"),1", "\"'=HYPERLINK(\"\"http://x\"\"),1\"")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("+8613812345678", "'+8613812345678")]
    [InlineData("张三,138", "\"张三,138\"")]
    public void Spreadsheet_formulas_in_reports_are_defused(string value, string expected) =>
        Assert.Equal(expected, Csv.QuoteForSpreadsheet(value));
}
