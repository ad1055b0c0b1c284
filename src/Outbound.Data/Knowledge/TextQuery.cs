using System.Text;

namespace Outbound.Data.Knowledge;

/// <summary>
/// Builds a <c>to_tsquery('simple', …)</c> text from segmented query words: every word must match, each word or one of
/// its tenant synonyms (a synonym of several words must match as a phrase). Words are letters and digits only
/// (<see cref="ChineseSegmenter"/>), so the text needs no quoting beyond that.
/// </summary>
public static class TextQuery
{
    /// <param name="synonyms">Each query word's synonyms, already segmented (a synonym may be several words).</param>
    public static string Build(IReadOnlyList<string> words, Func<string, IEnumerable<IReadOnlyList<string>>>? synonyms = null)
    {
        var query = new StringBuilder();
        foreach (var word in words)
        {
            if (query.Length > 0) query.Append(" & ");
            var alternatives = new List<string> { word };
            if (synonyms is not null)
                alternatives.AddRange(synonyms(word).Where(s => s.Count > 0).Select(s => s.Count == 1 ? s[0] : "(" + string.Join(" <-> ", s) + ")"));
            var distinct = alternatives.Distinct().ToList();
            query.Append(distinct.Count == 1 ? distinct[0] : "(" + string.Join(" | ", distinct) + ")");
        }
        return query.ToString();
    }
}
