using System.Text;

namespace Outbound.Data.Knowledge;

/// <summary>
/// Builds a <c>to_tsquery('simple', …)</c> text from segmented query words, each word or one of its tenant synonyms (a
/// synonym of several words must match as a phrase): every word must match (<see cref="Join.All"/>, for work orders, where
/// a search narrows a million orders), or any (<see cref="Join.Any"/>, for the knowledge base, where a question in the
/// agent's words should still find the article that shares most of them, ranked first). Words are letters and digits
/// only (<see cref="ChineseSegmenter"/>), so the text needs no quoting beyond that.
/// </summary>
public static class TextQuery
{
    /// <param name="synonyms">Each query word's synonyms, already segmented (a synonym may be several words).</param>
    public enum Join { All, Any }

    public static string Build(IReadOnlyList<string> words, Join join = Join.All, Func<string, IEnumerable<IReadOnlyList<string>>>? synonyms = null)
    {
        var query = new StringBuilder();
        foreach (var word in words)
        {
            if (query.Length > 0) query.Append(join == Join.All ? " & " : " | ");
            var alternatives = new List<string> { word };
            if (synonyms is not null)
                alternatives.AddRange(synonyms(word).Where(s => s.Count > 0).Select(s => s.Count == 1 ? s[0] : "(" + string.Join(" <-> ", s) + ")"));
            var distinct = alternatives.Distinct().ToList();
            query.Append(distinct.Count == 1 ? distinct[0] : "(" + string.Join(" | ", distinct) + ")");
        }
        return query.ToString();
    }
}
