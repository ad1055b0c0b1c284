namespace Outbound.Core.WorkOrders;

/// <summary>Why a file is refused as an attachment; the web words the codes.</summary>
public enum AttachmentProblem { Empty, TooLarge, ForbiddenType, ContentDoesNotMatch, NameTooLong }

/// <summary>
/// Files that may be attached to work orders and knowledge articles: documents, images, spreadsheets, plain text and
/// call audio, at most <see cref="MaxBytes"/>. The extension picks the type and the first bytes must agree with it, so a
/// renamed executable or HTML page is refused rather than served back to another user.
/// </summary>
public static class AttachmentPolicy
{
    public const int MaxBytes = 10 * 1024 * 1024;
    public const int MaxNameLength = 200;

    private sealed record Kind(string ContentType, Func<byte[], bool> Looks);

    private static readonly Kind Pdf = new("application/pdf", b => Starts(b, "%PDF-"u8));
    private static readonly Kind Png = new("image/png", b => Starts(b, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]));
    private static readonly Kind Jpeg = new("image/jpeg", b => Starts(b, [0xFF, 0xD8, 0xFF]));
    private static readonly Kind Gif = new("image/gif", b => Starts(b, "GIF87a"u8) || Starts(b, "GIF89a"u8));
    private static readonly Kind Zip = new("", b => Starts(b, [0x50, 0x4B, 0x03, 0x04]));
    private static readonly Kind Ole = new("", b => Starts(b, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]));
    private static readonly Kind Wav = new("audio/wav", b => Starts(b, "RIFF"u8) && b.Length >= 12 && b.AsSpan(8, 4).SequenceEqual("WAVE"u8));
    private static readonly Kind Mp3 = new("audio/mpeg", b => Starts(b, "ID3"u8) || (b.Length >= 2 && b[0] == 0xFF && (b[1] & 0xE0) == 0xE0));
    private static readonly Kind Text = new("text/plain; charset=utf-8", b => !b.Contains((byte)0) && !LooksLikeMarkup(b));

    private static readonly Dictionary<string, Kind> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = Pdf, [".png"] = Png, [".jpg"] = Jpeg, [".jpeg"] = Jpeg, [".gif"] = Gif,
        [".docx"] = Zip with { ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        [".xlsx"] = Zip with { ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        [".doc"] = Ole with { ContentType = "application/msword" }, [".xls"] = Ole with { ContentType = "application/vnd.ms-excel" },
        [".wav"] = Wav, [".mp3"] = Mp3, [".txt"] = Text, [".csv"] = Text with { ContentType = "text/csv; charset=utf-8" },
    };

    public static IReadOnlyCollection<string> Extensions => ByExtension.Keys;

    /// <summary>The content type to store and serve the file with, or why it is refused.</summary>
    public static (string? ContentType, AttachmentProblem? Problem) Check(string fileName, byte[] content)
    {
        if (content.Length == 0) return (null, AttachmentProblem.Empty);
        if (content.Length > MaxBytes) return (null, AttachmentProblem.TooLarge);
        if (fileName.Length > MaxNameLength) return (null, AttachmentProblem.NameTooLong);
        if (!ByExtension.TryGetValue(Path.GetExtension(fileName), out var kind)) return (null, AttachmentProblem.ForbiddenType);
        return kind.Looks(content) ? (kind.ContentType, null) : (null, AttachmentProblem.ContentDoesNotMatch);
    }

    private static bool Starts(byte[] content, ReadOnlySpan<byte> magic) => content.AsSpan().StartsWith(magic);

    private static bool LooksLikeMarkup(byte[] content)
    {
        var head = System.Text.Encoding.UTF8.GetString(content, 0, Math.Min(content.Length, 512)).TrimStart().ToLowerInvariant();
        return head.StartsWith("<!doctype html", StringComparison.Ordinal) || head.StartsWith("<html", StringComparison.Ordinal)
            || head.StartsWith("<script", StringComparison.Ordinal) || head.StartsWith("<svg", StringComparison.Ordinal);
    }
}
