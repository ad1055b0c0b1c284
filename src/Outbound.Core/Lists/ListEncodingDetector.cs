using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Outbound.Core.Lists;

/// <summary>
/// Decides how to decode a call list: a byte-order mark wins (UTF-8, UTF-16 LE or BE); then text whose ASCII
/// characters (digits, commas, tabs, line ends) come with a zero byte beside them is UTF-16 without a mark, as Excel's
/// "Unicode text" and some bank systems write it; otherwise bytes that are strictly valid UTF-8 are UTF-8; anything else
/// is taken as GB18030 (the superset of GBK and GB2312 that Excel on Chinese Windows writes). A forced choice skips the
/// guess but still strips a BOM. Decoders throw on invalid bytes, so that a mis-detected file fails loudly instead of
/// loading mojibake.
/// </summary>
public static class ListEncodingDetector
{
    public const string Utf8Name = "utf-8";
    public const string Gb18030Name = "gb18030";
    public const string Utf16LeName = "utf-16le";
    public const string Utf16BeName = "utf-16be";

    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];
    private static readonly byte[] Utf16LeBom = [0xFF, 0xFE];
    private static readonly byte[] Utf16BeBom = [0xFE, 0xFF];

    static ListEncodingDetector() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding StrictUtf8 { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static Encoding StrictUtf16Le { get; } = new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);

    public static Encoding StrictUtf16Be { get; } = new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);

    public static Encoding Gb18030 => Encoding.GetEncoding(54936);

    /// <param name="sample">The start of the file (or all of it).</param>
    /// <param name="isWholeFile">False when <paramref name="sample"/> may end inside a multi-byte character.</param>
    public static DetectedEncoding Detect(ReadOnlySpan<byte> sample, bool isWholeFile, ListEncodingChoice choice = ListEncodingChoice.Auto)
    {
        var utf8Bom = sample.StartsWith(Utf8Bom) ? Utf8Bom.Length : 0;
        var leBom = sample.StartsWith(Utf16LeBom) ? 2 : 0;
        var beBom = sample.StartsWith(Utf16BeBom) ? 2 : 0;
        return choice switch
        {
            ListEncodingChoice.Utf8 => new(Utf8Name, StrictUtf8, utf8Bom, WasDetected: false),
            ListEncodingChoice.Gb18030 => new(Gb18030Name, Gb18030, 0, WasDetected: false),
            ListEncodingChoice.Utf16Le => new(Utf16LeName, StrictUtf16Le, leBom, WasDetected: false),
            ListEncodingChoice.Utf16Be => new(Utf16BeName, StrictUtf16Be, beBom, WasDetected: false),
            _ when utf8Bom > 0 => new(Utf8Name, StrictUtf8, utf8Bom, WasDetected: true),
            _ when leBom > 0 => new(Utf16LeName, StrictUtf16Le, leBom, WasDetected: true),
            _ when beBom > 0 => new(Utf16BeName, StrictUtf16Be, beBom, WasDetected: true),
            _ when Utf16Without(sample) is { } bigEndian => bigEndian
                ? new(Utf16BeName, StrictUtf16Be, 0, WasDetected: true)
                : new(Utf16LeName, StrictUtf16Le, 0, WasDetected: true),
            _ when IsValidUtf8(sample, isWholeFile) => new(Utf8Name, StrictUtf8, 0, WasDetected: true),
            _ => new(Gb18030Name, Gb18030, 0, WasDetected: true),
        };
    }

    /// <summary>
    /// UTF-16 without a byte-order mark: in a list, many characters are ASCII (digits, delimiters, line ends), whose
    /// high byte is zero — every second byte is zero on one side (LE: odd offsets) and almost never on the other.
    /// Returns whether it is big-endian, or null when the bytes do not look like UTF-16.
    /// </summary>
    public static bool? Utf16Without(ReadOnlySpan<byte> sample)
    {
        var pairs = Math.Min(sample.Length, 4096) / 2;
        if (pairs < 8) return null; // too little to tell
        int evenZeros = 0, oddZeros = 0;
        for (var i = 0; i < pairs; i++)
        {
            if (sample[2 * i] == 0) evenZeros++;
            if (sample[2 * i + 1] == 0) oddZeros++;
        }
        // At least a fifth of the characters ASCII, and (almost) no zero byte on the other side.
        if (oddZeros * 5 >= pairs && evenZeros * 50 <= pairs) return false;
        if (evenZeros * 5 >= pairs && oddZeros * 50 <= pairs) return true;
        return null;
    }

    private static bool IsValidUtf8(ReadOnlySpan<byte> bytes, bool isFinalBlock)
    {
        var chars = ArrayPool<char>.Shared.Rent(Math.Max(16, bytes.Length));
        try
        {
            var status = Utf8.ToUtf16(bytes, chars, out _, out _, replaceInvalidSequences: false, isFinalBlock);
            return status is OperationStatus.Done or OperationStatus.NeedMoreData;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }
}
