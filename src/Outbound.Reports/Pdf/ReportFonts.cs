using PdfSharp.Drawing;
using PdfSharp.Fonts;

namespace Outbound.Reports.Pdf;

/// <summary>
/// The fonts every Outbound PDF uses: WenQuanYi Zen Hei (TrueType, from Debian's fonts-wqy-zenhei),
/// which covers Chinese and Latin. PDFsharp resolves fonts through one process-wide resolver, so it is
/// installed once here; reports just ask for <see cref="Font"/>. Bold is synthesised by PDFsharp.
/// <para>
/// The font file is checked before PDFsharp is ever asked for a font: PDFsharp fails inside its own type
/// initialisers when a resolver cannot deliver, and such a failure sticks until the process restarts. A missing
/// file is a <see cref="ReportFontMissingException"/> instead, and once the package is installed the next PDF works.
/// </para>
/// </summary>
public sealed class ReportFonts : IFontResolver
{
    public const string Family = "WenQuanYi Zen Hei";
    public const string Package = "fonts-wqy-zenhei";
    public const string DefaultCollectionPath = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";
    private const string FaceName = "wqy-zenhei-0";

    private static readonly Lock Gate = new();
    // Process-wide like PDFsharp's own resolver: set once from configuration at start-up (tests point it elsewhere).
    private static string _collectionPath = DefaultCollectionPath;
    private static bool _installed;
    private static byte[]? _face;

    private ReportFonts() { }

    /// <summary>The font collection the PDFs are drawn with.</summary>
    public static string CollectionPath
    {
        get { lock (Gate) return _collectionPath; }
    }

    /// <summary>Where the font collection is (<c>Outbound:Reports:FontPath</c>).</summary>
    public static void Configure(string collectionPath)
    {
        lock (Gate) _collectionPath = collectionPath;
    }

    /// <summary>
    /// Whether PDFs can be drawn: the collection file is there. Asked every time, so installing the package is enough, and a font
    /// removed from the server is reported rather than quietly drawn from what PDFsharp still holds.
    /// </summary>
    public static bool Available => File.Exists(CollectionPath);

    /// <summary>Throws <see cref="ReportFontMissingException"/> when the font is not there; call before anything touches PDFsharp's fonts.</summary>
    public static void ThrowIfMissing()
    {
        if (!Available) throw new ReportFontMissingException(CollectionPath);
    }

    /// <summary>Installs the resolver the first time; later calls do nothing.</summary>
    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            if (_installed) return;
            GlobalFontSettings.FontResolver = new ReportFonts();
            _installed = true;
        }
    }

    /// <summary>A report font; checks the font file and installs the resolver first.</summary>
    public static XFont Font(double size, XFontStyleEx style = XFontStyleEx.Regular)
    {
        ThrowIfMissing();
        LoadFace();
        EnsureInstalled();
        return new XFont(Family, size, style);
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        new(FaceName, mustSimulateBold: isBold, mustSimulateItalic: isItalic);

    public byte[]? GetFont(string faceName) => faceName == FaceName ? LoadFace() : null;

    /// <summary>The face, read from the collection once it is there; nothing is cached while it is missing.</summary>
    private static byte[] LoadFace()
    {
        lock (Gate)
        {
            if (_face is not null) return _face;
            if (!File.Exists(_collectionPath)) throw new ReportFontMissingException(_collectionPath);
            return _face = TrueTypeCollection.ExtractFace(File.ReadAllBytes(_collectionPath), 0);
        }
    }
}

/// <summary>The Chinese font for PDFs is not installed: no PDF can be drawn until it is (nothing else is affected).</summary>
public sealed class ReportFontMissingException(string path)
    : Exception($"The Chinese font for PDFs is missing: install the Debian package {ReportFonts.Package} ({path} not found).")
{
    public string Path { get; } = path;
}
