using System.Text.RegularExpressions;
using UglyToad.PdfPig;

namespace Outbound.Reports.Tests.Support;

/// <summary>Reads PDFs back as text: one string per page, whitespace removed, so that checks do not depend on how glyphs were spaced.</summary>
public static partial class PdfText
{
    public static IReadOnlyList<string> Pages(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().Select(p => Squeeze(string.Concat(p.Letters.Select(l => l.Value)))).ToList();
    }

    public static string All(byte[] pdf) => string.Concat(Pages(pdf));

    public static string Squeeze(string text) => Whitespace().Replace(text, "");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
