using System.Text;

namespace Outbound.Core.Lists;

/// <summary>
/// What the upload page shows before importing: what the file was read as (its encoding and delimiter, or "xlsx"), the
/// headers, the fields a column can map to, the suggested mapping (with what needs a human) and the first rows as text.
/// A file that cannot be loaded says why here already, in the words the import would use.
/// </summary>
public sealed record ListPreview(
    string Format,
    IReadOnlyList<string> Headers,
    IReadOnlyList<ListField> Fields,
    MappingSuggestion Suggestion,
    IReadOnlyList<IReadOnlyList<string>> Rows)
{
    public const int DefaultRows = 10;

    /// <param name="file">The uploaded file from its start (only its head is read for a text file).</param>
    /// <exception cref="ListFormatException">Empty, not text, headers only, header too big, or not in the chosen encoding.</exception>
    public static ListPreview Create(Stream file, ListEncodingChoice choice, IReadOnlyList<ListField> fields, int maxRows = DefaultRows)
    {
        using var list = ListFile.Open(file, choice);
        var reader = list.Records;
        try
        {
            if (!reader.Read()) throw ListFormatException.Empty();
            if (reader.Problem is not null) throw ListFormatException.HeaderTooBig(ListLimits.Default);
            var headers = reader.Fields();
            var rows = new List<IReadOnlyList<string>>();
            while (rows.Count < maxRows && reader.Read())
                if (reader.Problem is null && reader.Fields() is var row && row.Any(f => !string.IsNullOrWhiteSpace(f))) rows.Add(row);
            if (rows.Count == 0) throw ListFormatException.HeadersOnly();
            return new ListPreview(list.Format, headers, fields, HeaderMapper.Suggest(headers, fields), rows);
        }
        catch (DecoderFallbackException e)
        {
            throw ListFormatException.BadEncoding(list.Format, e.Index);
        }
    }
}
