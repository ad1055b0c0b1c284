using System.Text;
using JiebaNet.Segmenter;

namespace Outbound.Data.Knowledge;

/// <summary>
/// Chinese word segmentation for full-text search, done in the app with jieba.NET (MIT): PostgreSQL's parsers split
/// text on spaces and punctuation only, and a Chinese sentence has neither between words. The segmented words are
/// stored as a <c>tsvector</c> built with the <c>simple</c> configuration (lower-casing, no stemming or stop words, which
/// Chinese has no use for), so plain GIN indexes, <c>@@</c> and <c>ts_rank</c> work with no server extension (zhparser and
/// pg_jieba are not packaged for the PostgreSQL the product runs on). Documents are cut in search mode (a long word and
/// the words inside it: 还款额 also as 还款), queries in accurate mode, so a query word is always among a document's words.
/// One instance per process: jieba loads its 5 MB dictionary once (seconds), then cuts a sentence in microseconds.
/// </summary>
public sealed class ChineseSegmenter
{
    private readonly JiebaSegmenter _jieba = new();

    /// <summary>
    /// Words a query can do without: jieba's stop-word list (的, 了, 把 …) and the question words callers wrap a topic in
    /// (怎么, 如何, 请问 …). Documents keep them; queries drop them, so "最低还款额怎么算" searches for 最低 还款额 算.
    /// </summary>
    private readonly HashSet<string> _stopWords = LoadStopWords();

    /// <summary>The words of a document, each once per occurrence, for <c>to_tsvector('simple', …)</c>.</summary>
    public string IndexText(string? text) => string.IsNullOrWhiteSpace(text) ? "" : Join(_jieba.CutForSearch(text));

    /// <summary>The distinct words of a query, in order.</summary>
    public IReadOnlyList<string> QueryWords(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : _jieba.Cut(text).Select(Clean).Where(w => w.Length > 0 && !_stopWords.Contains(w)).Distinct().ToList();

    /// <summary>Loads the dictionary now rather than on the first search (the host warms it at start).</summary>
    public void Warm() => _jieba.Cut("预热");

    private static HashSet<string> LoadStopWords()
    {
        var words = new HashSet<string>(["怎么", "怎样", "如何", "请问", "什么", "为什么", "吗", "呢", "吧", "啊", "我", "我的", "你", "您", "想", "要", "能", "能否",
            "可以", "是", "是否", "有", "没有", "一下", "哪里", "哪些", "多少"]);
        var file = Path.Combine(ConfigManager.ConfigFileBaseDir, "stopwords.txt");
        if (File.Exists(file)) words.UnionWith(File.ReadLines(file).Select(l => l.Trim().TrimStart('\uFEFF')).Where(l => l.Length > 0));
        return words;
    }

    private static string Join(IEnumerable<string> words)
    {
        var text = new StringBuilder();
        foreach (var word in words.Select(Clean).Where(w => w.Length > 0)) text.Append(word).Append(' ');
        return text.ToString();
    }

    /// <summary>Only letters and digits make a word: punctuation, spaces and tsquery operators are dropped.</summary>
    private static string Clean(string word)
    {
        var kept = new StringBuilder(word.Length);
        foreach (var c in word)
            if (char.IsLetterOrDigit(c)) kept.Append(char.ToLowerInvariant(c));
        return kept.ToString();
    }
}
