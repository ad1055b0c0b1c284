using System.Globalization;
using System.Text;

namespace Outbound.Core.Exports;

/// <summary>
/// One cell of a CSV export. Text is defused on writing (see <see cref="SpreadsheetCsv"/>); a number made here from a
/// value is written as it is, so that a negative amount stays a number in the spreadsheet.
/// </summary>
public readonly record struct CsvCell
{
    private CsvCell(string text, bool isNumber) => (Text, IsNumber) = (text, isNumber);

    public string Text { get; }
    public bool IsNumber { get; }

    public static CsvCell Number(long value) => new(value.ToString(CultureInfo.InvariantCulture), true);

    /// <param name="format">A .NET numeric format, e.g. "0.00" for yuan.</param>
    public static CsvCell Number(decimal value, string format) => new(value.ToString(format, CultureInfo.InvariantCulture), true);

    public static implicit operator CsvCell(string? text) => new(text ?? "", false);
}

/// <summary>
/// Every CSV the product writes goes through here: files that people open in Excel or WPS. UTF-8 with a byte-order mark
/// (so that Chinese shows), CRLF rows, RFC 4180 quoting, and text cells that cannot run as formulas: a cell starting
/// with = + - @, a tab or a carriage return gets a leading apostrophe, which spreadsheets show as plain text (OWASP's
/// advice against CSV injection). The database keeps the exact text; only the export is defused.
/// </summary>
public sealed class SpreadsheetCsv : IAsyncDisposable
{
    private static readonly Encoding Utf8WithBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
    private readonly StreamWriter _writer;

    /// <param name="output">Left open when the writer is disposed (a response body, a file the caller owns).</param>
    public SpreadsheetCsv(Stream output) =>
        _writer = new StreamWriter(output, Utf8WithBom, 1 << 16, leaveOpen: true) { NewLine = "\r\n" };

    public async Task WriteRowAsync(params IReadOnlyList<CsvCell> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0) await _writer.WriteAsync(',');
            await _writer.WriteAsync(Cell(cells[i]));
        }
        await _writer.WriteLineAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _writer.FlushAsync();
        await _writer.DisposeAsync();
    }

    /// <summary>The cell as it is written: defused when it is text, then quoted when it holds a comma, quote, line break or edge space.</summary>
    public static string Cell(CsvCell cell)
    {
        var value = cell.IsNumber || !StartsLikeFormula(cell.Text) ? cell.Text : "'" + cell.Text;
        var needsQuotes = value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (value.Length > 0 && (value[0] == ' ' || value[^1] == ' '));
        return needsQuotes ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }

    private static bool StartsLikeFormula(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';
}
