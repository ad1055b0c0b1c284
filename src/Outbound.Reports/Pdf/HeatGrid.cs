using PdfSharp.Drawing;

namespace Outbound.Reports.Pdf;

/// <summary>
/// A heat map drawn with PDFsharp itself (vector, text extractable): one row per label, one column per
/// label, each cell shaded by its value from white (0) to the accent colour (the largest value) and
/// showing its text. Null values are left blank.
/// </summary>
public static class HeatGrid
{
    public static void Draw(PdfComposer c, IReadOnlyList<string> rowLabels, IReadOnlyList<string> columnLabels,
        Func<int, int, (double? Value, string Text)> cell, double rowHeight = 18)
    {
        const double labelWidth = 44;
        var cellWidth = (c.Width - labelWidth) / Math.Max(1, columnLabels.Count);
        var max = 0.0;
        for (var r = 0; r < rowLabels.Count; r++)
        for (var k = 0; k < columnLabels.Count; k++)
            if (cell(r, k).Value is { } v && v > max) max = v;

        c.EnsureRoom(rowHeight * (rowLabels.Count + 1));
        var gfx = c.Gfx;
        for (var k = 0; k < columnLabels.Count; k++)
            gfx.DrawString(columnLabels[k], ReportStyle.Small, XBrushes.Black,
                new XRect(c.Left + labelWidth + k * cellWidth, c.Y + 4, cellWidth, rowHeight), XStringFormats.TopCenter);
        c.Y += rowHeight;
        for (var r = 0; r < rowLabels.Count; r++)
        {
            gfx.DrawString(rowLabels[r], ReportStyle.Small, XBrushes.Black, c.Left, c.Y + 4, XStringFormats.TopLeft);
            for (var k = 0; k < columnLabels.Count; k++)
            {
                var (value, text) = cell(r, k);
                var box = new XRect(c.Left + labelWidth + k * cellWidth, c.Y, cellWidth, rowHeight);
                var share = value is { } v && max > 0 ? v / max : 0;
                gfx.DrawRectangle(ReportStyle.Rule, new XSolidBrush(Shade(share)), box);
                if (text.Length > 0)
                    gfx.DrawString(text, ReportStyle.Small, share > 0.6 ? XBrushes.White : XBrushes.Black,
                        new XRect(box.X, box.Y + 4, box.Width, box.Height), XStringFormats.TopCenter);
            }
            c.Y += rowHeight;
        }
        c.Y += 6;
    }

    private static XColor Shade(double share)
    {
        var a = ReportStyle.Accent;
        byte Mix(byte to) => (byte)Math.Round(255 + (to - 255) * Math.Clamp(share, 0, 1));
        return XColor.FromArgb(Mix(a.R), Mix(a.G), Mix(a.B));
    }
}
