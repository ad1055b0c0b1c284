namespace Outbound.Core.Lists;

/// <summary>
/// What the upload page shows before importing: the encoding the file will be read with, the
/// headers, the fields a column can map to, the suggested mapping (with what needs a human) and
/// the first rows as text.
/// </summary>
public sealed record ListPreview(
    DetectedEncoding Encoding,
    IReadOnlyList<string> Headers,
    IReadOnlyList<ListField> Fields,
    MappingSuggestion Suggestion,
    IReadOnlyList<IReadOnlyList<string>> Rows)
{
    public const int DefaultRows = 10;

    /// <param name="head">The start of the file (the first 64 KB is plenty) or all of it.</param>
    /// <param name="isWholeFile">False when <paramref name="head"/> is cut: its last, maybe partial, record is then not shown.</param>
    public static ListPreview Create(ReadOnlySpan<byte> head, bool isWholeFile, ListEncodingChoice choice,
        IReadOnlyList<ListField> fields, int maxRows = DefaultRows)
    {
        var encoding = ListEncodingDetector.Detect(head, isWholeFile, choice);
        var decoder = encoding.Encoding.GetDecoder();
        var body = head[encoding.PreambleLength..];
        var chars = new char[encoding.Encoding.GetMaxCharCount(body.Length) + 1];
        int count;
        try
        {
            count = decoder.GetChars(body, chars, flush: isWholeFile);
        }
        catch (System.Text.DecoderFallbackException e)
        {
            throw new ListFormatException($"文件不是有效的 {encoding.Name} 编码 / the file is not valid {encoding.Name} (byte {e.Index}); choose the encoding by hand", e);
        }
        var reader = new CsvRecordReader(new StringReader(new string(chars, 0, count)));
        if (!reader.Read()) throw new ListFormatException("文件为空 / the file is empty");
        var headers = reader.Fields();
        var rows = new List<IReadOnlyList<string>>();
        while (rows.Count <= maxRows && reader.Read()) rows.Add(reader.Fields());
        if (!isWholeFile && rows.Count > 0 && rows.Count <= maxRows) rows.RemoveAt(rows.Count - 1);
        if (rows.Count > maxRows) rows.RemoveAt(rows.Count - 1);
        return new ListPreview(encoding, headers, fields, HeaderMapper.Suggest(headers, fields), rows);
    }
}

/// <summary>The file cannot be read as a CSV list at all (empty, wrong encoding); the message says so for the user.</summary>
public sealed class ListFormatException(string message, Exception? inner = null) : Exception(message, inner);
