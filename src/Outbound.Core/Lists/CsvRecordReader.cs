namespace Outbound.Core.Lists;

/// <summary>
/// A forward-only RFC 4180 reader over decoded text: quoted fields with embedded delimiters, quotes ("") and newlines,
/// LF or CRLF line ends, any one-character delimiter (comma, tab, semicolon). It keeps the physical line number where
/// each record starts and the record's raw text, so that a rejected row can be shown exactly as it was in the file.
/// Fields are exposed as spans into its buffer (valid until the next <see cref="Read"/>) to keep the million-row path
/// free of per-field allocations. A record longer than <see cref="ListLimits.MaxLineChars"/> is read past without being
/// held in memory and reported as <see cref="RecordProblem.LineTooLong"/> with its beginning.
/// </summary>
public sealed class CsvRecordReader : IListRecordReader
{
    private const int InitialBufferSize = 64 * 1024;

    private readonly TextReader _reader;
    private readonly char _delimiter;
    private readonly ListLimits _limits;
    private char[] _buffer = new char[InitialBufferSize];
    private char[] _scratch = new char[256];
    private int _start;   // first char of the current record
    private int _end;     // one past the current record's terminator
    private int _length;  // chars in the buffer
    private bool _eof;
    private int _nextLine = 1;
    private int _rawLength;
    private string? _rawPreview; // the beginning of a record too long to keep
    private bool _overlong;      // the current record is over the line limit: its text is dropped as it is read
    private (int Start, int Length, bool InScratch)[] _fields = new (int, int, bool)[32];

    public CsvRecordReader(TextReader reader, char delimiter = ',', ListLimits? limits = null)
    {
        _reader = reader;
        _delimiter = delimiter;
        _limits = limits ?? ListLimits.Default;
    }

    public int LineNumber { get; private set; }

    public int FieldCount { get; private set; }

    public bool HasUnterminatedQuote { get; private set; }

    public RecordProblem? Problem { get; private set; }

    public int ProblemColumn { get; private set; }

    public ReadOnlySpan<char> Field(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, FieldCount);
        var (start, length, inScratch) = _fields[index];
        return inScratch ? _scratch.AsSpan(start, length) : _buffer.AsSpan(_start + start, length);
    }

    public ReadOnlySpan<char> Raw => _rawPreview is not null ? _rawPreview : _buffer.AsSpan(_start, _rawLength);

    public bool Read()
    {
        _start = _end;
        if (_start >= _length && !Fill()) return false;
        LineNumber = _nextLine;
        HasUnterminatedQuote = false;
        Problem = null;
        _rawPreview = null;
        _overlong = false;
        FieldCount = 0;
        var scratchUsed = 0;

        var state = State.FieldStart;
        var fieldStart = 0;      // relative to _start
        var quotedEscapes = false;
        var p = _start;
        while (true)
        {
            if (p >= _length)
            {
                var offset = p - _start;
                if (offset >= _limits.MaxLineChars && !_overlong)
                {
                    Overlong(_buffer.AsSpan(_start, offset));
                    _overlong = true;
                }
                if (_overlong)
                {
                    // Keep nothing of an over-long record: the buffer never grows with it. Quotes still decide where it ends.
                    (_start, offset, fieldStart) = (p, 0, 0);
                }
                if (!Fill())
                {
                    // End of input ends the record.
                    HasUnterminatedQuote = state is State.Quoted;
                    if (_overlong) return Dropped(_length);
                    var rawEnd = offset;
                    if (HasUnterminatedQuote && rawEnd > 0 && _buffer[_start + rawEnd - 1] == '\n') rawEnd--;
                    if (rawEnd > 0 && _buffer[_start + rawEnd - 1] == '\r') rawEnd--;
                    var fieldState = state switch
                    {
                        State.QuoteInQuoted or State.Quoted => State.Quoted,
                        State.FieldStart => State.Unquoted,
                        _ => state,
                    };
                    AddField(fieldState, fieldStart, state is State.FieldStart ? fieldStart : Math.Max(fieldStart, rawEnd), quotedEscapes, ref scratchUsed);
                    _rawLength = rawEnd;
                    _end = _length;
                    _nextLine++;
                    return Checked();
                }
                p = _start + offset;
                continue;
            }
            var c = _buffer[p];
            var rel = p - _start;
            switch (state)
            {
                case State.FieldStart:
                    if (c == '"') { state = State.Quoted; quotedEscapes = false; fieldStart = rel; }
                    else if (c == _delimiter) { AddField(State.Unquoted, rel, rel, false, ref scratchUsed); fieldStart = rel + 1; }
                    else if (c == '\n') return EndRecord(State.Unquoted, rel, rel, false, ref scratchUsed, p);
                    else { state = State.Unquoted; fieldStart = rel; }
                    break;
                case State.Unquoted:
                case State.Malformed:
                    if (c == _delimiter) { AddField(state, fieldStart, rel, false, ref scratchUsed); state = State.FieldStart; fieldStart = rel + 1; }
                    else if (c == '\n') return EndRecord(state, fieldStart, rel, false, ref scratchUsed, p);
                    break;
                case State.Quoted:
                    if (c == '"') state = State.QuoteInQuoted;
                    else if (c == '\n') _nextLine++;
                    break;
                case State.QuoteInQuoted:
                    if (c == '"') { state = State.Quoted; quotedEscapes = true; }
                    else if (c == _delimiter) { AddField(State.Quoted, fieldStart, rel, quotedEscapes, ref scratchUsed); state = State.FieldStart; fieldStart = rel + 1; }
                    else if (c == '\n') return EndRecord(State.Quoted, fieldStart, rel, quotedEscapes, ref scratchUsed, p);
                    else if (c != '\r') state = State.Malformed; // text after a closing quote: keep the field as written
                    break;
            }
            p++;
        }
    }

    private bool EndRecord(State state, int fieldStart, int rel, bool escapes, ref int scratchUsed, int p)
    {
        if (_overlong) return Dropped(p + 1);
        // A CR before the LF belongs to the line terminator, not to the last field.
        var contentEnd = rel > fieldStart && _buffer[_start + rel - 1] == '\r' ? rel - 1 : rel;
        AddField(state, fieldStart, contentEnd, escapes, ref scratchUsed);
        _rawLength = rel > 0 && _buffer[_start + rel - 1] == '\r' ? rel - 1 : rel;
        _end = p + 1;
        _nextLine++;
        return Checked();
    }

    /// <summary>A record that fitted in the buffer but is still over the line limit is reported like one that did not.</summary>
    private bool Checked()
    {
        if (_rawLength > _limits.MaxLineChars) Overlong(_buffer.AsSpan(_start, _limits.MaxLineChars));
        return true;
    }

    private void Overlong(ReadOnlySpan<char> beginning)
    {
        Problem = RecordProblem.LineTooLong;
        _rawPreview = beginning[..Math.Min(beginning.Length, ListLimits.RawPreviewChars)].ToString() + "…";
        FieldCount = 0;
    }

    private bool Dropped(int end)
    {
        _end = end;
        _start = end;
        _rawLength = 0;
        _nextLine++;
        return true;
    }

    private void AddField(State state, int from, int to, bool escapes, ref int scratchUsed)
    {
        if (_overlong) return;
        if (FieldCount == _limits.MaxFields)
        {
            Problem ??= RecordProblem.TooManyFields;
            return;
        }
        if (FieldCount == _fields.Length) Array.Resize(ref _fields, _fields.Length * 2);
        var length = to - from;
        if (length > _limits.MaxFieldChars && Problem is null)
        {
            Problem = RecordProblem.FieldTooLong;
            ProblemColumn = FieldCount;
        }
        if (state == State.Quoted)
        {
            var inner = _buffer.AsSpan(_start + from + 1, Math.Max(0, to - from - 1));
            if (!HasUnterminatedQuote && inner.Length > 0 && inner[^1] == '"') inner = inner[..^1];
            if (!escapes)
            {
                _fields[FieldCount++] = (from + 1, inner.Length, false);
                return;
            }
            var needed = scratchUsed + inner.Length;
            if (needed > _scratch.Length) Array.Resize(ref _scratch, Math.Max(needed, _scratch.Length * 2));
            var written = 0;
            for (var i = 0; i < inner.Length; i++)
            {
                _scratch[scratchUsed + written++] = inner[i];
                if (inner[i] == '"' && i + 1 < inner.Length && inner[i + 1] == '"') i++;
            }
            _fields[FieldCount++] = (scratchUsed, written, true);
            scratchUsed += written;
            return;
        }
        _fields[FieldCount++] = (from, length, false);
    }

    /// <summary>Moves the current record to the front of the buffer (growing it for a long record) and reads more text.</summary>
    private bool Fill()
    {
        if (_eof) return false;
        var kept = _length - _start;
        if (_start > 0)
        {
            Array.Copy(_buffer, _start, _buffer, 0, kept);
            _end -= _start;
            _start = 0;
        }
        if (kept == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
        _length = kept;
        var read = _reader.Read(_buffer, kept, _buffer.Length - kept);
        if (read == 0)
        {
            _eof = true;
            return false;
        }
        _length += read;
        return true;
    }

    private enum State { FieldStart, Unquoted, Quoted, QuoteInQuoted, Malformed }
}
