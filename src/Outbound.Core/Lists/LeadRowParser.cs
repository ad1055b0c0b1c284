using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Outbound.Core.Lists;

/// <summary>
/// Turns one list record (a CSV line or a worksheet row) into a <see cref="ParsedLead"/> or a <see cref="RejectedRow"/> under a column
/// map. It checks the row alone (size limits, column count, required fields, phone, amounts, dates); duplicates and
/// DNC are the <see cref="LeadDeduplicator"/>'s business. Not thread-safe: one parser per import.
/// </summary>
public sealed class LeadRowParser
{
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly IReadOnlyList<string> _headers;
    private readonly PhoneNormalizer _phones;
    private readonly int _phoneColumn;
    private readonly int? _nameColumn;
    private readonly int? _regionColumn;
    private readonly (ListField Field, int Column)[] _extras;
    private readonly (ListField Field, int Column)[] _required;
    private readonly int[] _unmappedColumns;
    private readonly ArrayBufferWriter<byte> _json = new(256);
    private readonly Utf8JsonWriter _writer;

    private readonly ListLimits _limits;

    public LeadRowParser(IReadOnlyList<string> headers, IReadOnlyList<ListField> fields, ColumnMap map, PhoneNormalizer phones, ListLimits? limits = null)
    {
        _limits = limits ?? ListLimits.Default;
        _headers = headers;
        _phones = phones;
        _phoneColumn = map.ColumnOf(StandardListFields.Phone)
            ?? throw new ColumnMappingException(["required field 'phone' has no column"]);
        _nameColumn = map.ColumnOf(StandardListFields.Name);
        _regionColumn = map.ColumnOf(StandardListFields.Region);
        var mapped = fields.Where(f => map.ColumnOf(f.Key) is not null).Select(f => (Field: f, Column: map.ColumnOf(f.Key)!.Value)).ToList();
        _extras = mapped.Where(m => m.Field.Key is not (StandardListFields.Phone or StandardListFields.Name or StandardListFields.Region)).ToArray();
        _required = mapped.Where(m => m.Field.Required && m.Field.Key != StandardListFields.Phone).ToArray();
        _unmappedColumns = Enumerable.Range(0, headers.Count).Where(c => !map.Columns.Values.Contains(c) && headers[c].Trim().Length > 0).ToArray();
        _writer = new Utf8JsonWriter(_json, JsonOptions);
    }

    /// <summary>The outcome for the reader's current record, or null for a blank row (skipped, not counted).</summary>
    public RowOutcome? Parse(IListRecordReader record)
    {
        if (record.Problem is { } limit) return Reject(record, limit);
        if (IsBlank(record)) return null;
        if (record.HasUnterminatedQuote)
            return Reject(record, RejectReason.UnterminatedQuote, "引号未闭合，直到文件结尾 / a quote opened here is never closed");
        if (record.FieldCount != _headers.Count && !OnlyBlankExtraColumns(record))
            return Reject(record, RejectReason.WrongColumnCount, $"应有 {_headers.Count} 列，实际 {record.FieldCount} 列 / expected {_headers.Count} columns, found {record.FieldCount}");

        var phone = _phones.Normalize(record.Field(_phoneColumn));
        if (!phone.IsValid)
            return Reject(record, phone.Failure!.Value, $"{_headers[_phoneColumn]}: {phone.Detail}");

        if (_nameColumn is { } nameColumn && record.Field(nameColumn).Trim().Length > ListLimits.MaxNameChars)
            return Reject(record, RejectReason.BadFieldValue,
                $"{_headers[nameColumn]}: 超过 {ListLimits.MaxNameChars} 个字符 / longer than {ListLimits.MaxNameChars} characters");

        foreach (var (field, column) in _required)
            if (record.Field(column).Trim().IsEmpty)
                return Reject(record, RejectReason.MissingRequiredField, $"{_headers[column]} ({field.Key}) 为空 / is empty");

        _json.ResetWrittenCount();
        _writer.Reset(_json);
        _writer.WriteStartObject();
        foreach (var (field, column) in _extras)
        {
            var value = record.Field(column).Trim();
            if (value.IsEmpty) continue;
            var problem = WriteField(field, value);
            if (problem is not null)
                return Reject(record, problem.Value.Reason, $"{_headers[column]}: '{value}' {problem.Value.Detail}");
        }
        if (_unmappedColumns.Length > 0) WriteExtraColumns(record);
        _writer.WriteEndObject();
        _writer.Flush();

        return RowOutcome.Loaded(new ParsedLead(
            record.LineNumber,
            phone.Phone!,
            _nameColumn is { } n ? NullIfEmpty(record.Field(n)) : null,
            _regionColumn is { } r ? NullIfEmpty(record.Field(r)) : null,
            Encoding.UTF8.GetString(_json.WrittenSpan)));
    }

    private (RejectReason Reason, string Detail)? WriteField(ListField field, ReadOnlySpan<char> value)
    {
        switch (field.Kind)
        {
            case ListFieldKind.Money:
                if (!FieldValueParsers.TryParseMoney(value, out var yuan))
                    return (field.Key == StandardListFields.Amount ? RejectReason.BadAmount : RejectReason.BadFieldValue, "不是有效金额 / not an amount in yuan");
                _writer.WriteNumber(field.Key, yuan);
                return null;
            case ListFieldKind.WholeNumber:
                if (!FieldValueParsers.TryParseWholeNumber(value, out var number))
                    return (field.Key == StandardListFields.DaysPastDue ? RejectReason.BadDaysPastDue : RejectReason.BadFieldValue, "不是非负整数 / not a whole number");
                _writer.WriteNumber(field.Key, number);
                return null;
            case ListFieldKind.Date:
                if (!FieldValueParsers.TryParseDate(value, out var iso))
                    return (RejectReason.BadFieldValue, "不是日期 / not a date");
                _writer.WriteString(field.Key, iso);
                return null;
            case ListFieldKind.Phone:
                var phone = _phones.Normalize(value);
                if (!phone.IsValid)
                    return (RejectReason.InvalidPhone, phone.Detail ?? "");
                _writer.WriteString(field.Key, phone.Phone!.E164);
                return null;
            default:
                _writer.WriteString(field.Key, value);
                return null;
        }
    }

    private void WriteExtraColumns(IListRecordReader record)
    {
        var started = false;
        foreach (var column in _unmappedColumns)
        {
            if (column >= record.FieldCount) break;
            var value = record.Field(column).Trim();
            if (value.IsEmpty) continue;
            if (!started)
            {
                _writer.WriteStartObject("extra");
                started = true;
            }
            _writer.WriteString(_headers[column].Trim(), value);
        }
        if (started) _writer.WriteEndObject();
    }

    private static RowOutcome Reject(IListRecordReader record, RejectReason reason, string detail) =>
        RowOutcome.Rejected(new RejectedRow(record.LineNumber, reason, detail, record.Raw.ToString()));

    private RowOutcome Reject(IListRecordReader record, RecordProblem problem) => problem switch
    {
        RecordProblem.LineTooLong => Reject(record, RejectReason.LineTooLong,
            $"整行超过 {_limits.MaxLineChars} 个字符，只保留了开头 / the line is longer than {_limits.MaxLineChars} characters; only its start is kept"),
        RecordProblem.TooManyFields => Reject(record, RejectReason.TooManyFields,
            $"超过 {_limits.MaxFields} 列 / more than {_limits.MaxFields} columns"),
        _ => Reject(record, RejectReason.FieldTooLong,
            $"{(record.ProblemColumn < _headers.Count ? _headers[record.ProblemColumn] : $"#{record.ProblemColumn + 1}")}: 超过 {_limits.MaxFieldChars} 个字符 / longer than {_limits.MaxFieldChars} characters"),
    };

    private static bool IsBlank(IListRecordReader record)
    {
        for (var i = 0; i < record.FieldCount; i++)
            if (!record.Field(i).Trim().IsEmpty) return false;
        return true;
    }

    // Spreadsheets often pad rows with trailing empty cells; those are harmless.
    private bool OnlyBlankExtraColumns(IListRecordReader record)
    {
        if (record.FieldCount < _headers.Count) return false;
        for (var i = _headers.Count; i < record.FieldCount; i++)
            if (!record.Field(i).Trim().IsEmpty) return false;
        return true;
    }

    private static string? NullIfEmpty(ReadOnlySpan<char> value)
    {
        var trimmed = value.Trim();
        return trimmed.IsEmpty ? null : trimmed.ToString();
    }
}
