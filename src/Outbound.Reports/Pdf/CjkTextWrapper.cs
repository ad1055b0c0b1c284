using PdfSharp.Drawing;

namespace Outbound.Reports.Pdf;

/// <summary>
/// Breaks text into lines that fit a width. Chinese has no spaces, so any character may end a line;
/// Latin words are kept whole when they fit, and closing punctuation (,。)」…) never starts a line.
/// </summary>
public static class CjkTextWrapper
{
    private const string NoLineStart = ",。、;:?!)」』》〉】,.;:?!)]}%";

    public static IReadOnlyList<string> Wrap(XGraphics gfx, string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r\n", "\n").Split('\n'))
            WrapParagraph(gfx, paragraph, font, width, lines);
        return lines;
    }

    private static void WrapParagraph(XGraphics gfx, string text, XFont font, double width, List<string> lines)
    {
        var start = 0;
        while (start < text.Length)
        {
            var end = start;
            while (end < text.Length && gfx.MeasureString(text[start..(end + 1)], font).Width <= width) end++;
            if (end == text.Length) { lines.Add(text[start..]); return; }
            if (end == start) end = start + 1;                                    // one glyph wider than the box
            while (end < text.Length && NoLineStart.Contains(text[end])) end++;   // keep punctuation on this line
            if (end < text.Length && IsLatin(text[end]) && IsLatin(text[end - 1]))
            {
                var space = text.LastIndexOf(' ', end - 1, end - start);
                if (space > start) end = space + 1;                               // break between words
            }
            lines.Add(text[start..end].TrimEnd());
            start = end;
            while (start < text.Length && text[start] == ' ') start++;
        }
        if (text.Length == 0) lines.Add("");
    }

    private static bool IsLatin(char c) => c < 0x2E80 && char.IsLetterOrDigit(c);
}
