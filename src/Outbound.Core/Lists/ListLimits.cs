namespace Outbound.Core.Lists;

/// <summary>
/// How big one row of a call list may be. A row beyond a limit is rejected with its line and the limit it broke (the
/// rest of the file loads); only its first <see cref="RawPreviewChars"/> characters are kept for the reject report, so a
/// 150 MB "row" costs no more memory than a normal one. A header row beyond a limit refuses the file.
/// </summary>
public sealed record ListLimits(int MaxLineChars = 65_536, int MaxFieldChars = 4_000, int MaxFields = 256)
{
    public static ListLimits Default { get; } = new();

    /// <summary>Characters of an over-long row kept for the reject report.</summary>
    public const int RawPreviewChars = 500;

    /// <summary>The longest name a lead keeps: a person's or company's name, not a document.</summary>
    public const int MaxNameChars = 100;
}

/// <summary>Why a record broke the <see cref="ListLimits"/>.</summary>
public enum RecordProblem
{
    LineTooLong,
    FieldTooLong,
    TooManyFields,
}

/// <summary>
/// The rows of a call list, whatever the file was (delimited text in any encoding, an Excel workbook): fields as spans
/// valid until the next <see cref="Read"/>, the row's line (the row number in a workbook), and its text as written.
/// </summary>
public interface IListRecordReader
{
    /// <summary>Moves to the next record; false at the end of the input.</summary>
    bool Read();

    /// <summary>The 1-based line (or worksheet row) on which the current record starts.</summary>
    int LineNumber { get; }

    int FieldCount { get; }

    ReadOnlySpan<char> Field(int index);

    /// <summary>The record as it appeared in the file (for a record that is too long, its beginning).</summary>
    ReadOnlySpan<char> Raw { get; }

    /// <summary>True when the record ended inside an opening quote (the file ended first).</summary>
    bool HasUnterminatedQuote { get; }

    /// <summary>The limit the record broke, if it broke one; <see cref="ProblemColumn"/> names the field for <see cref="RecordProblem.FieldTooLong"/>.</summary>
    RecordProblem? Problem { get; }

    int ProblemColumn { get; }
}

public static class ListRecordReaders
{
    public static IReadOnlyList<string> Fields(this IListRecordReader reader)
    {
        var fields = new string[reader.FieldCount];
        for (var i = 0; i < fields.Length; i++) fields[i] = reader.Field(i).ToString();
        return fields;
    }

    public static string FieldString(this IListRecordReader reader, int index) => reader.Field(index).ToString();
}
