using System.Text;
using Outbound.Core.Lists;
using Outbound.Testing;

namespace Outbound.Core.Tests.Lists;

/// <summary>Every format a client sends a list in reads to the same records; anything else is refused in plain words.</summary>
public sealed class ListFileTests
{
    private const string List = "姓名\t手机号码\t金额\n张三\t13812345678\t1,200.50\n李四\t13912345678\t300\n";

    private static (string Format, List<string[]> Rows) Read(byte[] bytes, ListEncodingChoice choice = ListEncodingChoice.Auto)
    {
        using var file = ListFile.Open(new MemoryStream(bytes), choice);
        var rows = new List<string[]>();
        while (file.Records.Read()) rows.Add(file.Records.Fields().ToArray());
        return (file.Format, rows);
    }

    private static readonly string[][] Expected = [["姓名", "手机号码", "金额"], ["张三", "13812345678", "1,200.50"], ["李四", "13912345678", "300"]];

    [Theory]
    [InlineData("utf-16le", true)]
    [InlineData("utf-16le", false)]
    [InlineData("utf-16be", true)]
    [InlineData("utf-16be", false)]
    public void Utf16_with_or_without_a_byte_order_mark_is_read_as_text(string encoding, bool bom)
    {
        var coding = new UnicodeEncoding(bigEndian: encoding == "utf-16be", byteOrderMark: bom);
        var bytes = coding.GetPreamble().Concat(coding.GetBytes(List)).ToArray();
        var (format, rows) = Read(bytes);
        Assert.Equal(encoding + ", tab", format);
        Assert.Equal(Expected, rows);
    }

    [Fact]
    public void Excels_unicode_text_export_and_gbk_tab_separated_text_read_alike()
    {
        Assert.Equal(Expected, Read(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(List)).ToArray()).Rows);
        var gbk = Read(ListEncodingDetector.Gb18030.GetBytes(List));
        Assert.Equal("gb18030, tab", gbk.Format);
        Assert.Equal(Expected, gbk.Rows);
        Assert.Equal("utf-8, semicolon", Read(Encoding.UTF8.GetBytes("姓名;手机号码\n张三;13812345678\n")).Format);
        Assert.Equal("utf-8", Read(Encoding.UTF8.GetBytes("\"姓名;备注\",手机号码\n张三,13812345678\n")).Format);
    }

    [Fact]
    public void Xlsx_and_xls_workbooks_read_as_the_text_people_see_in_them()
    {
        object?[][] sheet =
        [
            ["姓名", "手机号码", "身份证后四位", "金额", "到期日"],
            ["张三", 13812345678L, new Formatted(123, "0000"), 1200.5, new DateTime(2026, 11, 30)],
            [],
            ["李四", "13912345678", "0042", 300, null],
        ];
        foreach (var (bytes, format) in new[] { (TestWorkbooks.Xlsx(sheet), "xlsx"), (TestWorkbooks.Xls(sheet), "xls") })
        {
            using var file = ListFile.Open(new MemoryStream(bytes));
            Assert.Equal(format, file.Format);
            var rows = new List<(int Line, string[] Fields)>();
            while (file.Records.Read()) rows.Add((file.Records.LineNumber, file.Records.Fields().ToArray()));
            Assert.Equal(["姓名", "手机号码", "身份证后四位", "金额", "到期日"], rows[0].Fields);
            Assert.Equal(["张三", "13812345678", "0123", "1200.5", "2026-11-30"], rows[1].Fields);
            Assert.All(rows[2].Fields, f => Assert.Equal("", f)); // the blank row keeps its place …
            Assert.Equal((4, "李四"), (rows[3].Line, rows[3].Fields[0])); // … so lines are the sheet's row numbers
            Assert.Equal("李四,13912345678,0042,300,", file.Records.Raw.ToString());
            Assert.Equal(64, file.Sha256Hex().Length);
        }
    }

    [Theory]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13 })] // PNG
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37, 0x0A })]         // %PDF-1.7
    [InlineData(new byte[] { 0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0 })]                          // a Linux program
    [InlineData(new byte[] { 0x61, 0x2C, 0x62, 0x0A, 0x00, 0x01, 0x02, 0x03, 0xFF, 0x00, 0x31, 0x2C, 0x00 })] // NULs in "text"
    public void A_binary_file_renamed_to_csv_is_refused_as_not_a_text_file(byte[] bytes)
    {
        var refused = Assert.Throws<ListFormatException>(() => ListFile.Open(new MemoryStream(bytes)));
        Assert.Equal(("这不是文本文件（也不是 Excel 工作簿），不能作为名单导入", "this is not a text file (nor an Excel workbook), so it cannot be loaded as a list"),
            (refused.Zh, refused.En));
    }

    [Fact]
    public void A_zip_that_is_no_workbook_is_refused_as_not_a_text_file()
    {
        using var zip = new MemoryStream();
        using (var archive = new System.IO.Compression.ZipArchive(zip, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        using (var entry = new StreamWriter(archive.CreateEntry("list.csv").Open()))
            entry.Write("phone\n13812345678\n");
        Assert.Equal(ListFormatException.NotText().En, Assert.Throws<ListFormatException>(() => ListFile.Open(new MemoryStream(zip.ToArray()))).En);
    }

    [Fact]
    public void An_empty_file_and_a_headers_only_file_say_so()
    {
        Assert.Equal(ListFormatException.Empty().Zh, Assert.Throws<ListFormatException>(() => ListFile.Open(new MemoryStream())).Zh);
        var fields = StandardListFields.All;
        var headersOnly = Assert.Throws<ListFormatException>(() => ListPreview.Create(new MemoryStream(Encoding.UTF8.GetBytes("姓名,手机号码\n\n,\n")),
            ListEncodingChoice.Auto, fields));
        Assert.Equal("文件只有表头，没有数据行：没有可导入的名单", headersOnly.Zh);
    }
}
