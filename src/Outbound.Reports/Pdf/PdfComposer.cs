using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Outbound.Reports.Pdf;

/// <summary>
/// Flows content down A4 pages: a running header on every page, text wrapped per character for
/// Chinese, blocks (tables, strips, charts) that ask for room and get a fresh page when it runs out,
/// and a footer "第 x / y 页" written once the page count is known. Documents call its parts from
/// their <c>Compose</c> method; it knows nothing of any report.
/// </summary>
public sealed class PdfComposer : IDisposable
{
    private readonly PdfDocument _pdf = new();
    private readonly string _runningHeader;
    private readonly string _footerNote;
    private XGraphics? _gfx;

    /// <exception cref="ReportFontMissingException">The Chinese font is not installed (nothing of PDFsharp's is touched then).</exception>
    public PdfComposer(string title, string runningHeader, string footerNote = "")
    {
        ReportFonts.ThrowIfMissing();
        _pdf.Info.Title = title;
        _pdf.Info.Creator = "Outbound";
        _runningHeader = runningHeader;
        _footerNote = footerNote;
        NewPage();
    }

    public PdfPage Page { get; private set; } = null!;
    public XGraphics Gfx => _gfx!;
    /// <summary>The top of the free space on the current page.</summary>
    public double Y { get; set; }
    public double Left => ReportStyle.Margin;
    public double Width => Page.Width.Point - 2 * ReportStyle.Margin;
    public double Bottom => Page.Height.Point - ReportStyle.Margin - ReportStyle.FooterHeight;
    public int PageCount => _pdf.PageCount;

    /// <summary>Starts a new page when less than <paramref name="height"/> is left; true when it did.</summary>
    public bool EnsureRoom(double height)
    {
        if (Y + height <= Bottom) return false;
        NewPage();
        return true;
    }

    public void NewPage()
    {
        _gfx?.Dispose();
        Page = _pdf.AddPage();
        Page.Size = PdfSharp.PageSize.A4;
        _gfx = XGraphics.FromPdfPage(Page);
        Y = ReportStyle.Margin;
        if (_runningHeader.Length == 0) return;
        Gfx.DrawString(_runningHeader, ReportStyle.Small, ReportStyle.Muted, Left, Y - 22, XStringFormats.TopLeft);
        Gfx.DrawLine(ReportStyle.Rule, Left, Y - 8, Left + Width, Y - 8);
    }

    /// <summary>Wrapped text; breaks to the next page between lines.</summary>
    public void Text(string text, XFont? font = null, double indent = 0, XBrush? brush = null)
    {
        font ??= ReportStyle.Body;
        var lineHeight = ReportStyle.LineHeight(font);
        foreach (var line in CjkTextWrapper.Wrap(Gfx, text, font, Width - indent))
        {
            EnsureRoom(lineHeight);
            Gfx.DrawString(line, font, brush ?? XBrushes.Black, Left + indent, Y, XStringFormats.TopLeft);
            Y += lineHeight;
        }
    }

    public void Title(string text)
    {
        Text(text, ReportStyle.Title, brush: new XSolidBrush(ReportStyle.Accent));
        Y += 4;
    }

    /// <summary>A section heading, kept with at least <paramref name="keepWith"/> points of what follows.</summary>
    public void Heading(string text, double keepWith = 60)
    {
        Y += 8;
        EnsureRoom(ReportStyle.LineHeight(ReportStyle.Heading) + keepWith);
        Text(text, ReportStyle.Heading, brush: new XSolidBrush(ReportStyle.Accent));
        Y += 2;
    }

    /// <summary>A label on the left and a value aligned right, on one line.</summary>
    public void LabelValue(string label, string value, XFont? font = null)
    {
        font ??= ReportStyle.Body;
        var lineHeight = ReportStyle.LineHeight(font);
        EnsureRoom(lineHeight);
        Gfx.DrawString(label, font, XBrushes.Black, Left, Y, XStringFormats.TopLeft);
        Gfx.DrawString(value, font, XBrushes.Black, new XRect(Left, Y, Width, lineHeight), XStringFormats.TopRight);
        Y += lineHeight;
    }

    public void Space(double points) => Y += points;

    /// <summary>Writes the footers (they need the page count) and returns the PDF.</summary>
    public byte[] Save()
    {
        _gfx?.Dispose();
        _gfx = null;
        var pages = _pdf.PageCount;
        for (var i = 0; i < pages; i++)
        {
            var page = _pdf.Pages[i];
            using var gfx = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var y = page.Height.Point - ReportStyle.Margin + 4;
            var width = page.Width.Point - 2 * ReportStyle.Margin;
            gfx.DrawLine(ReportStyle.Rule, ReportStyle.Margin, y - 4, ReportStyle.Margin + width, y - 4);
            if (_footerNote.Length > 0) gfx.DrawString(_footerNote, ReportStyle.Small, ReportStyle.Muted, ReportStyle.Margin, y, XStringFormats.TopLeft);
            gfx.DrawString($"第 {i + 1} / {pages} 页  Page {i + 1} / {pages}", ReportStyle.Small, ReportStyle.Muted,
                new XRect(ReportStyle.Margin, y, width, 12), XStringFormats.TopRight);
        }
        using var stream = new MemoryStream();
        _pdf.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    public void Dispose()
    {
        _gfx?.Dispose();
        _pdf.Dispose();
    }
}
