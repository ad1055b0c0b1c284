using System.Globalization;
using System.Text;
using ExcelDataReader;

namespace Outbound.Core.Lists;

/// <summary>
/// The first worksheet of an Excel workbook (.xlsx or .xls, read by ExcelDataReader) as list records: a row is a record,
/// its worksheet row number its line, its cells as the text a person sees — numbers without exponent or float noise
/// (a phone number stored as a number stays 13800138000, "0000"-formatted ids keep their zeros), dates as yyyy-MM-dd —
/// and, for the reject report, the row as a comma-separated line.
/// </summary>
public sealed class SpreadsheetRecordReader : IListRecordReader, IDisposable
{
    private readonly IExcelDataReader _reader;
    private readonly ListLimits _limits;
    private string[] _cells = new string[32];
    private string? _raw;

    private SpreadsheetRecordReader(IExcelDataReader reader, ListLimits limits) => (_reader, _limits) = (reader, limits);

    /// <param name="workbook">A seekable stream at the workbook's start; left open.</param>
    public static SpreadsheetRecordReader Open(Stream workbook, ListLimits limits)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance); // .xls from before Excel 97 name their code page
        return new SpreadsheetRecordReader(ExcelReaderFactory.CreateReader(workbook, new ExcelReaderConfiguration { LeaveOpen = true }), limits);
    }

    public int LineNumber { get; private set; }
    public int FieldCount { get; private set; }
    public bool HasUnterminatedQuote => false;
    public RecordProblem? Problem { get; private set; }
    public int ProblemColumn { get; private set; }

    public ReadOnlySpan<char> Field(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, FieldCount);
        return _cells[index];
    }

    public ReadOnlySpan<char> Raw => _raw ??= RawLine();

    public bool Read()
    {
        if (!_reader.Read()) return false;
        LineNumber = _reader.Depth + 1;
        Problem = null;
        _raw = null;
        var columns = _reader.FieldCount;
        FieldCount = Math.Min(columns, _limits.MaxFields);
        if (columns > _limits.MaxFields) Problem = RecordProblem.TooManyFields;
        if (_cells.Length < FieldCount) Array.Resize(ref _cells, Math.Max(FieldCount, _cells.Length * 2));
        var length = 0;
        for (var i = 0; i < FieldCount; i++)
        {
            var cell = Text(_reader.GetValue(i), _reader.GetNumberFormatString(i));
            _cells[i] = cell;
            length += cell.Length + 1;
            if (cell.Length > _limits.MaxFieldChars && Problem is null)
            {
                Problem = RecordProblem.FieldTooLong;
                ProblemColumn = i;
            }
        }
        if (length > _limits.MaxLineChars)
        {
            Problem = RecordProblem.LineTooLong;
            _raw = RawLine()[..ListLimits.RawPreviewChars] + "…";
            FieldCount = 0;
        }
        return true;
    }

    public void Dispose() => _reader.Dispose();

    private static string Text(object? value, string? format) => value switch
    {
        null => "",
        string s => s,
        double d => Number(d, format),
        DateTime t => t.TimeOfDay == TimeSpan.Zero
            ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        bool b => b ? "TRUE" : "FALSE",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Number(double value, string? format)
    {
        if (value != Math.Floor(value) || Math.Abs(value) >= 1e15) return value.ToString("R", CultureInfo.InvariantCulture);
        var text = ((long)value).ToString(CultureInfo.InvariantCulture);
        // A "0000" number format shows leading zeros: an id card's last four digits "0123" stay four digits.
        return value >= 0 && format is { Length: > 1 } && format.All(c => c == '0') ? text.PadLeft(format.Length, '0') : text;
    }

    private string RawLine()
    {
        var line = new StringBuilder();
        for (var i = 0; i < Math.Min(_reader.FieldCount, _limits.MaxFields); i++)
        {
            if (i > 0) line.Append(',');
            var cell = _cells[i] ?? "";
            if (cell.AsSpan().IndexOfAny(",\"\r\n") >= 0) line.Append('"').Append(cell.Replace("\"", "\"\"")).Append('"');
            else line.Append(cell);
        }
        return line.ToString();
    }
}
