using AngleSharp.Html.Parser;
using Ganss.Xss;

namespace Outbound.Data.Knowledge;

/// <summary>
/// The rich text of an article, made safe on save: HtmlSanitizer (MIT) keeps formatting (paragraphs, emphasis, lists,
/// tables, headings, links to http/https/mailto) and drops scripts, event handlers, styles, frames, forms and
/// <c>javascript:</c> URLs. What it removed is reported so the editor can say so.
/// </summary>
public static class ArticleHtml
{
    private static readonly string[] Tags =
    [
        "p", "br", "strong", "b", "em", "i", "u", "s", "ul", "ol", "li", "h2", "h3", "h4", "blockquote", "pre", "code",
        "table", "thead", "tbody", "tr", "th", "td", "a", "span", "div", "hr",
    ];

    public sealed record Cleaned(string Html, string Text, bool Changed);

    public static Cleaned Clean(string? html)
    {
        var input = html ?? "";
        var removed = false;
        var sanitizer = Sanitizer();
        sanitizer.RemovingTag += (_, _) => removed = true;
        sanitizer.RemovingAttribute += (_, _) => removed = true;
        sanitizer.RemovingStyle += (_, _) => removed = true;
        sanitizer.RemovingAtRule += (_, _) => removed = true;
        sanitizer.RemovingComment += (_, _) => { };
        var safe = sanitizer.Sanitize(input).Trim();
        return new Cleaned(safe, TextOf(safe), removed);
    }

    /// <summary>The words of the HTML as a reader sees them (for search and previews).</summary>
    public static string TextOf(string html)
    {
        var document = new HtmlParser().ParseDocument("<body>" + html.Replace("<br>", "\n").Replace("</p>", "</p>\n") + "</body>");
        return string.Join(' ', (document.Body?.TextContent ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    private static HtmlSanitizer Sanitizer()
    {
        var sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(Tags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(["href", "title", "colspan", "rowspan"], StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["http", "https", "mailto"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href"], StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(),
        });
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { TagName: "A" } link) link.SetAttribute("rel", "noopener noreferrer");
        };
        return sanitizer;
    }
}
