using System.Text;

namespace Outbound.Core.Lists;

/// <summary>
/// A call list as uploaded, opened for reading whatever it is: delimited text (comma, tab or semicolon; UTF-8, GB18030 or
/// UTF-16, with or without a byte-order mark — Excel's "Unicode text" is UTF-16 and tab-separated), or an Excel
/// workbook (.xlsx, or the older .xls many bank systems still export). Anything else — an image, a PDF, an archive
/// renamed .csv — is refused as "not a text file". All formats yield the same <see cref="IListRecordReader"/>, so
/// header mapping, row checks and the reject report are one code path.
/// </summary>
public sealed class ListFile : IDisposable
{
    /// <summary>Bytes read to tell the format and the encoding (a GBK or UTF-16 file shows itself well within this).</summary>
    public const int SniffBytes = 1 << 20;

    private readonly HashingStream? _hashing;
    private readonly Stream? _workbook;
    private readonly long _workbookStart;
    private readonly string? _workbookSha256;
    private readonly IDisposable? _owned;

    private ListFile(string format, IListRecordReader records, HashingStream? hashing, Stream? workbook, long workbookStart, string? workbookSha256)
    {
        Format = format;
        Records = records;
        _hashing = hashing;
        _workbook = workbook;
        _workbookStart = workbookStart;
        _workbookSha256 = workbookSha256;
        _owned = records as IDisposable;
    }

    /// <summary>What the file was read as, stored in <c>list_imports.encoding</c>: "utf-8", "gb18030", "utf-16le", "utf-16be" (with ", tab" or ", semicolon" when not comma-separated), "xlsx" or "xls".</summary>
    public string Format { get; }

    public IListRecordReader Records { get; }

    /// <summary>Bytes of the file read so far (for a workbook, how far its reader got).</summary>
    public long BytesRead => _hashing?.BytesRead ?? (_workbook!.Position - _workbookStart);

    /// <summary>SHA-256 of the file (of what was read so far, for text: call it at the end).</summary>
    public string Sha256Hex() => _hashing?.Sha256Hex() ?? _workbookSha256!;

    /// <param name="content">The file from its start. A workbook needs a seekable stream (an uploaded file, a file on disk).</param>
    public static ListFile Open(Stream content, ListEncodingChoice choice = ListEncodingChoice.Auto, ListLimits? limits = null)
    {
        limits ??= ListLimits.Default;
        var start = content.CanSeek ? content.Position : 0;
        var hashing = new HashingStream(content);
        var head = new byte[SniffBytes];
        var length = hashing.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (length == 0) throw ListFormatException.Empty();
        var sniffed = head.AsSpan(0, length);
        var kind = choice == ListEncodingChoice.Auto ? Kind(sniffed) : FileKind.Text;
        if (kind is FileKind.Xlsx or FileKind.Xls) return OpenWorkbook(content, start, hashing, kind, limits);
        if (kind is FileKind.Binary) throw ListFormatException.NotText();

        var encoding = ListEncodingDetector.Detect(sniffed, isWholeFile: length < head.Length, choice);
        if (LooksBinary(sniffed, encoding)) throw ListFormatException.NotText();
        var delimiter = Delimiter(sniffed, encoding);
        var text = new StreamReader(new HeadThenRest(head, length, hashing), encoding.Encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
        if (encoding.HasBom) text.Read(); // the BOM decodes to U+FEFF: drop it
        var format = delimiter switch { '\t' => encoding.Name + ", tab", ';' => encoding.Name + ", semicolon", _ => encoding.Name };
        return new ListFile(format, new CsvRecordReader(text, delimiter, limits), hashing, null, 0, null);
    }

    private static ListFile OpenWorkbook(Stream content, long start, HashingStream hashing, FileKind kind, ListLimits limits)
    {
        if (!content.CanSeek) throw ListFormatException.WorkbookNeedsFile();
        hashing.CopyTo(Stream.Null);
        var sha256 = hashing.Sha256Hex();
        content.Position = start;
        try
        {
            return new ListFile(kind == FileKind.Xlsx ? "xlsx" : "xls", SpreadsheetRecordReader.Open(content, limits), null, content, start, sha256);
        }
        catch (Exception e) when (e is not ListFormatException)
        {
            throw new ListFormatException(ListFormatException.NotText().Zh, ListFormatException.NotText().En, e);
        }
    }

    public void Dispose() => _owned?.Dispose();

    private enum FileKind { Text, Xlsx, Xls, Binary }

    private static FileKind Kind(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("PK\x03\x04"u8)) return FileKind.Xlsx;                          // a zip: .xlsx (else not a list)
        if (head.StartsWith(Ole2Magic)) return FileKind.Xls;                                   // OLE2 compound file: .xls
        if (head.StartsWith(Utf16LeMark) || head.StartsWith(Utf16BeMark) || ListEncodingDetector.Utf16Without(head) is not null) return FileKind.Text;
        foreach (var magic in BinaryMagics)
            if (head.StartsWith(magic)) return FileKind.Binary;
        return FileKind.Text;
    }

    private static readonly byte[] Ole2Magic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] Utf16LeMark = [0xFF, 0xFE];
    private static readonly byte[] Utf16BeMark = [0xFE, 0xFF];

    /// <summary>Formats people rename to .csv by mistake: PDF, PNG, JPEG, GIF, gzip, RAR, 7-Zip, Windows and Linux programs.</summary>
    private static readonly byte[][] BinaryMagics =
    [
        "%PDF"u8.ToArray(), [0x89, 0x50, 0x4E, 0x47], [0xFF, 0xD8, 0xFF], "GIF8"u8.ToArray(), [0x1F, 0x8B], "Rar!"u8.ToArray(),
        [0x37, 0x7A, 0xBC, 0xAF], "MZ"u8.ToArray(), [0x7F, 0x45, 0x4C, 0x46],
    ];

    /// <summary>Text has no NUL and hardly any other control character; binary data is full of them.</summary>
    private static bool LooksBinary(ReadOnlySpan<byte> head, DetectedEncoding encoding)
    {
        if (encoding.Name is ListEncodingDetector.Utf16LeName or ListEncodingDetector.Utf16BeName) return false;
        var sample = head[..Math.Min(head.Length, 8192)];
        var controls = 0;
        foreach (var b in sample)
        {
            if (b == 0) return true;
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0C or 0x1A)) controls++;
        }
        return controls * 100 > sample.Length;
    }

    /// <summary>The delimiter of the header line: the most frequent of comma, tab and semicolon outside quotes (comma on a tie).</summary>
    private static char Delimiter(ReadOnlySpan<byte> head, DetectedEncoding encoding)
    {
        var body = head[encoding.PreambleLength..];
        body = body[..Math.Min(body.Length, 64 * 1024)];
        var chars = new char[encoding.Encoding.GetMaxCharCount(body.Length)];
        int count;
        try
        {
            // Not flushed: the sample may end inside a character.
            count = encoding.Encoding.GetDecoder().GetChars(body, chars, flush: false);
        }
        catch (DecoderFallbackException)
        {
            return ','; // the reader will report the bad bytes with their position
        }
        var text = chars.AsSpan(0, count);
        int commas = 0, tabs = 0, semicolons = 0;
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"') quoted = !quoted;
            else if (quoted) continue;
            else if (c == '\n') break;
            else if (c == ',') commas++;
            else if (c == '\t') tabs++;
            else if (c == ';') semicolons++;
        }
        return tabs > commas && tabs >= semicolons ? '\t' : semicolons > commas ? ';' : ',';
    }
}
