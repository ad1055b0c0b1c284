using PdfSharp.Drawing;

namespace Outbound.Reports.Pdf;

/// <summary>A row of boxed key figures (value large, label small) across the page, wrapping to a second row when many.</summary>
public static class KeyFigureStrip
{
    private const double BoxHeight = 44, Gap = 6;

    public static void Draw(PdfComposer c, IReadOnlyList<(string Label, string Value)> figures, int perRow = 4)
    {
        for (var start = 0; start < figures.Count; start += perRow)
        {
            var row = figures.Skip(start).Take(perRow).ToList();
            c.EnsureRoom(BoxHeight + Gap);
            var width = (c.Width - Gap * (perRow - 1)) / perRow;
            for (var i = 0; i < row.Count; i++)
            {
                var x = c.Left + i * (width + Gap);
                c.Gfx.DrawRectangle(ReportStyle.Rule, ReportStyle.HeaderFill, x, c.Y, width, BoxHeight);
                c.Gfx.DrawString(row[i].Value, ReportStyle.Figure, new XSolidBrush(ReportStyle.Accent), new XRect(x, c.Y + 5, width, 20), XStringFormats.TopCenter);
                c.Gfx.DrawString(row[i].Label, ReportStyle.Small, ReportStyle.Muted, new XRect(x, c.Y + 28, width, 12), XStringFormats.TopCenter);
            }
            c.Y += BoxHeight + Gap;
        }
        c.Y += 4;
    }
}
