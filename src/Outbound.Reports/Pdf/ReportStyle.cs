using PdfSharp.Drawing;

namespace Outbound.Reports.Pdf;

/// <summary>The few fonts, colours and sizes every Outbound PDF shares.</summary>
public static class ReportStyle
{
    public const double Margin = 50;
    public const double FooterHeight = 20;

    // Made on first use, not in a type initialiser: a missing font must stay an error of that PDF, not of the type for good.
    private static XFont? _title, _heading, _body, _bodyBold, _small, _figure;

    public static XFont Title => _title ??= ReportFonts.Font(18, XFontStyleEx.Bold);
    public static XFont Heading => _heading ??= ReportFonts.Font(12, XFontStyleEx.Bold);
    public static XFont Body => _body ??= ReportFonts.Font(10);
    public static XFont BodyBold => _bodyBold ??= ReportFonts.Font(10, XFontStyleEx.Bold);
    public static XFont Small => _small ??= ReportFonts.Font(8);
    public static XFont Figure => _figure ??= ReportFonts.Font(14, XFontStyleEx.Bold);

    public static XColor Accent { get; } = XColor.FromArgb(0x1F, 0x4E, 0x79);
    public static XBrush HeaderFill { get; } = new XSolidBrush(XColor.FromArgb(0xE8, 0xEE, 0xF4));
    public static XPen Rule { get; } = new(XColor.FromArgb(0xB0, 0xB8, 0xC0), 0.5);
    public static XBrush Muted { get; } = new XSolidBrush(XColor.FromArgb(0x55, 0x5F, 0x6A));

    public static double LineHeight(XFont font) => font.Size * 1.45;
}
