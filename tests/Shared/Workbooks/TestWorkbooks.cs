using NPOI.HSSF.UserModel;
using NPOI.SS.UserModel;
using NPOI.XSSF.UserModel;

namespace Outbound.Testing;

/// <summary>A number shown with an Excel number format, e.g. 123 as "0000".</summary>
public sealed record Formatted(double Value, string Format);

/// <summary>
/// Real workbooks, as a spreadsheet program writes them (NPOI: shared strings, styles, number formats), for tests that
/// load call lists from .xlsx and the older .xls. A row is an array of cells: string, number, DateTime, <see cref="Formatted"/>, or null for none.
/// </summary>
public static class TestWorkbooks
{
    public static byte[] Xlsx(params object?[][] rows) => Write(new XSSFWorkbook(), rows);

    public static byte[] Xls(params object?[][] rows) => Write(new HSSFWorkbook(), rows);

    private static byte[] Write(IWorkbook workbook, object?[][] rows)
    {
        var sheet = workbook.CreateSheet("名单");
        var formats = new Dictionary<string, ICellStyle>();
        ICellStyle Style(string format)
        {
            if (formats.TryGetValue(format, out var style)) return style;
            style = workbook.CreateCellStyle();
            style.DataFormat = workbook.CreateDataFormat().GetFormat(format);
            return formats[format] = style;
        }
        for (var r = 0; r < rows.Length; r++)
        {
            if (rows[r].Length == 0) continue; // a blank row: none written, as in a real sheet
            var row = sheet.CreateRow(r);
            for (var c = 0; c < rows[r].Length; c++)
            {
                switch (rows[r][c])
                {
                    case null: break;
                    case string s: row.CreateCell(c).SetCellValue(s); break;
                    case DateTime d:
                        var date = row.CreateCell(c);
                        date.SetCellValue(d);
                        date.CellStyle = Style("yyyy-mm-dd");
                        break;
                    case Formatted f:
                        var formatted = row.CreateCell(c);
                        formatted.SetCellValue(f.Value);
                        formatted.CellStyle = Style(f.Format);
                        break;
                    case var number: row.CreateCell(c).SetCellValue(Convert.ToDouble(number, System.Globalization.CultureInfo.InvariantCulture)); break;
                }
            }
        }
        using var stream = new MemoryStream();
        workbook.Write(stream);
        return stream.ToArray();
    }
}
