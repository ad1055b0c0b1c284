using PdfSharp.Drawing;
using PdfSharp.Fonts;

namespace Outbound.Reports.Pdf;

/// <summary>
/// The fonts every Outbound PDF uses: WenQuanYi Zen Hei (TrueType, from Debian's fonts-wqy-zenhei),
/// which covers Chinese and Latin. PDFsharp resolves fonts through one process-wide resolver, so it is
/// installed once here; reports just ask for <see cref="Family"/>. Bold is synthesised by PDFsharp.
/// </summary>
public sealed class ReportFonts : IFontResolver
{
    public const string Family = "WenQuanYi Zen Hei";
    public const string DefaultCollectionPath = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";
    private const string FaceName = "wqy-zenhei-0";

    private static readonly Lock Gate = new();
    private static bool _installed;
    private readonly Lazy<byte[]> _face;

    private ReportFonts(string collectionPath) =>
        _face = new Lazy<byte[]>(() => File.Exists(collectionPath)
            ? TrueTypeCollection.ExtractFace(File.ReadAllBytes(collectionPath), 0)
            : throw new FileNotFoundException($"The Chinese font is missing: install the Debian package fonts-wqy-zenhei ({collectionPath}).", collectionPath));

    /// <summary>Installs the resolver the first time; later calls do nothing.</summary>
    public static void EnsureInstalled(string collectionPath = DefaultCollectionPath)
    {
        lock (Gate)
        {
            if (_installed) return;
            GlobalFontSettings.FontResolver = new ReportFonts(collectionPath);
            _installed = true;
        }
    }

    /// <summary>A report font; installs the resolver first, so it is safe to call from field initialisers.</summary>
    public static XFont Font(double size, XFontStyleEx style = XFontStyleEx.Regular)
    {
        EnsureInstalled();
        return new XFont(Family, size, style);
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        new(FaceName, mustSimulateBold: isBold, mustSimulateItalic: isItalic);

    public byte[]? GetFont(string faceName) => faceName == FaceName ? _face.Value : null;
}
