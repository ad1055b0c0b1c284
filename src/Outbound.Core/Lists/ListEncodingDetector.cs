using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Outbound.Core.Lists;

/// <summary>
/// Decides how to decode a call list: a UTF-8 byte-order mark wins; otherwise bytes that are strictly
/// valid UTF-8 are UTF-8; anything else is taken as GB18030 (the superset of GBK and GB2312 that
/// Excel on Chinese Windows writes). A forced choice skips the guess but still strips a BOM.
/// </summary>
public static class ListEncodingDetector
{
    public const string Utf8Name = "utf-8";
    public const string Gb18030Name = "gb18030";

    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    static ListEncodingDetector() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding StrictUtf8 { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static Encoding Gb18030 => Encoding.GetEncoding(54936);

    /// <param name="sample">The start of the file (or all of it).</param>
    /// <param name="isWholeFile">False when <paramref name="sample"/> may end inside a multi-byte character.</param>
    public static DetectedEncoding Detect(ReadOnlySpan<byte> sample, bool isWholeFile, ListEncodingChoice choice = ListEncodingChoice.Auto)
    {
        var bom = sample.StartsWith(Utf8Bom) ? Utf8Bom.Length : 0;
        return choice switch
        {
            ListEncodingChoice.Utf8 => new(Utf8Name, StrictUtf8, bom, WasDetected: false),
            ListEncodingChoice.Gb18030 => new(Gb18030Name, Gb18030, 0, WasDetected: false),
            _ when bom > 0 || IsValidUtf8(sample, isWholeFile) => new(Utf8Name, StrictUtf8, bom, WasDetected: true),
            _ => new(Gb18030Name, Gb18030, 0, WasDetected: true),
        };
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
