using PdfSharp.Drawing;
using ScottPlot;
using SkiaSharp;

namespace Outbound.Reports.Pdf;

/// <summary>
/// Places a ScottPlot chart on the page as vector graphics: the plot is drawn into a one-page Skia PDF
/// and imported as a form. Skia's text extraction of CJK is wrong, so chart labels stay Latin and
/// digits; the Chinese caption is drawn by PDFsharp above the chart (FINDINGS.md).
/// </summary>
public static class PdfChart
{
    /// <summary>ScottPlot sizes its text for screens; drawing larger and scaling down gives print-sized labels.</summary>
    private const double Scale = 1.6;

    public static void Draw(PdfComposer c, Plot plot, string caption, double height = 200)
    {
        var width = c.Width;
        c.EnsureRoom(height + ReportStyle.LineHeight(ReportStyle.BodyBold));
        c.Text(caption, ReportStyle.BodyBold);
        var (w, h) = ((int)(width * Scale), (int)(height * Scale));
        plot.RenderInMemory(w, h); // the first render autoscales; drawing once more avoids doubled text
        using var pdf = new MemoryStream();
        using (var document = SKDocument.CreatePdf(pdf))
        {
            var canvas = document.BeginPage(w, h);
            plot.Render(canvas, w, h);
            document.EndPage();
            document.Close();
        }
        pdf.Position = 0;
        using var form = XPdfForm.FromStream(pdf);
        c.Gfx.DrawImage(form, c.Left, c.Y, width, height);
        c.Y += height + 6;
    }
}
