using PdfSharp.Drawing;

namespace Outbound.Reports.Pdf;

public enum CellAlign { Left, Right, Center }

/// <summary>A column: its header, its share of the width, and how its cells align.</summary>
public sealed record PdfColumn(string Header, double Weight = 1, CellAlign Align = CellAlign.Left);

/// <summary>
/// A table that flows across pages: cells wrap, a row never splits, and every page the table
/// continues on starts with the header row again.
/// </summary>
public sealed class PdfTable(params PdfColumn[] columns)
{
    private const double Padding = 3;
    private readonly List<string[]> _rows = [];

    public PdfTable Row(params string[] cells)
    {
        if (cells.Length != columns.Length) throw new ArgumentException($"expected {columns.Length} cells, got {cells.Length}", nameof(cells));
        _rows.Add(cells);
        return this;
    }

    public void Draw(PdfComposer c, XFont? font = null)
    {
        font ??= ReportStyle.Body;
        var total = columns.Sum(col => col.Weight);
        var widths = columns.Select(col => col.Weight / total * c.Width).ToArray();
        var lineHeight = ReportStyle.LineHeight(font);

        var headerLines = Wrap(c, columns.Select(col => col.Header).ToArray(), ReportStyle.BodyBold, widths);
        var headerHeight = headerLines.Max(l => l.Count) * lineHeight + 2 * Padding;
        var firstRowHeight = _rows.Count == 0 ? 0 : Wrap(c, _rows[0], font, widths).Max(l => l.Count) * lineHeight + 2 * Padding;
        c.EnsureRoom(headerHeight + firstRowHeight);
        DrawRow(c, headerLines, widths, ReportStyle.BodyBold, headerHeight, header: true);
        foreach (var row in _rows)
        {
            var lines = Wrap(c, row, font, widths);
            var height = lines.Max(l => l.Count) * lineHeight + 2 * Padding;
            if (c.EnsureRoom(height)) DrawRow(c, headerLines, widths, ReportStyle.BodyBold, headerHeight, header: true);
            DrawRow(c, lines, widths, font, height, header: false);
        }
        c.Y += 6;
    }

    private void DrawRow(PdfComposer c, IReadOnlyList<IReadOnlyList<string>> lines, double[] widths, XFont font, double height, bool header)
    {
        var gfx = c.Gfx;
        if (header) gfx.DrawRectangle(ReportStyle.HeaderFill, c.Left, c.Y, c.Width, height);
        var x = c.Left;
        var lineHeight = ReportStyle.LineHeight(font);
        for (var i = 0; i < columns.Length; i++)
        {
            var y = c.Y + Padding;
            foreach (var line in lines[i])
            {
                var box = new XRect(x + Padding, y, widths[i] - 2 * Padding, lineHeight);
                gfx.DrawString(line, font, XBrushes.Black, box, (header ? CellAlign.Left : columns[i].Align) switch
                {
                    CellAlign.Right => XStringFormats.TopRight,
                    CellAlign.Center => XStringFormats.TopCenter,
                    _ => XStringFormats.TopLeft,
                });
                y += lineHeight;
            }
            x += widths[i];
        }
        c.Y += height;
        gfx.DrawLine(ReportStyle.Rule, c.Left, c.Y, c.Left + c.Width, c.Y);
    }

    private static List<IReadOnlyList<string>> Wrap(PdfComposer c, string[] cells, XFont font, double[] widths) =>
        cells.Select((text, i) => CjkTextWrapper.Wrap(c.Gfx, text, font, widths[i] - 2 * Padding)).ToList();
}
