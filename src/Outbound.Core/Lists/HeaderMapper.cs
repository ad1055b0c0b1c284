namespace Outbound.Core.Lists;

/// <summary>
/// Maps a header row onto list fields by exact (normalised) synonym first, then by a synonym
/// contained in the header ("客户手机号码" → phone). A field matched by several columns at the
/// same strength is ambiguous; a column is given to one field at most.
/// </summary>
public static class HeaderMapper
{
    public static MappingSuggestion Suggest(IReadOnlyList<string> headers, IReadOnlyList<ListField> fields)
    {
        var normalised = headers.Select(Normalise).ToArray();
        var taken = new HashSet<int>();
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        var ambiguous = new List<AmbiguousField>();

        // Exact matches first, for every field, so that "电话" as a column is not stolen by a contains-match of another field.
        foreach (var pass in new[] { MatchStrength.Exact, MatchStrength.Contains })
        {
            foreach (var field in fields)
            {
                if (map.ContainsKey(field.Key) || ambiguous.Any(a => a.FieldKey == field.Key)) continue;
                var candidates = Candidates(field, normalised, pass).Where(c => !taken.Contains(c)).ToList();
                if (candidates.Count == 0) continue;
                // The synonym list is ordered by preference: the earliest synonym hit wins when it is unique.
                var best = candidates.GroupBy(c => BestSynonymRank(field, normalised[c], pass)).OrderBy(g => g.Key).First().ToList();
                if (best.Count == 1)
                {
                    map[field.Key] = best[0];
                    taken.Add(best[0]);
                }
                else
                {
                    ambiguous.Add(new AmbiguousField(field.Key, best, null));
                }
            }
        }

        var missing = fields.Where(f => f.Required && !map.ContainsKey(f.Key)).Select(f => f.Key)
            .Where(k => ambiguous.All(a => a.FieldKey != k)).ToList();
        var unmapped = Enumerable.Range(0, headers.Count).Where(c => !taken.Contains(c)).ToList();
        return new MappingSuggestion(new ColumnMap(map), ambiguous, missing, unmapped);
    }

    /// <summary>
    /// Applies manual choices (field key → header text or 1-based column number, e.g. "phone=手机" or
    /// "phone=#2") over a suggestion. Throws <see cref="ColumnMappingException"/> naming what is wrong.
    /// </summary>
    public static ColumnMap Apply(MappingSuggestion suggestion, IReadOnlyList<string> headers, IReadOnlyList<ListField> fields,
        IReadOnlyDictionary<string, string> overrides)
    {
        var map = new Dictionary<string, int>(suggestion.Map.Columns, StringComparer.Ordinal);
        var errors = new List<string>();
        foreach (var (fieldKey, column) in overrides)
        {
            var field = fields.FirstOrDefault(f => string.Equals(f.Key, fieldKey, StringComparison.OrdinalIgnoreCase));
            if (field is null)
            {
                errors.Add($"unknown field '{fieldKey}' (known: {string.Join(", ", fields.Select(f => f.Key))})");
                continue;
            }
            var index = ResolveColumn(headers, column);
            if (index is null)
            {
                errors.Add($"no column '{column}' for field '{field.Key}' (columns: {string.Join(", ", headers)})");
                continue;
            }
            foreach (var other in map.Where(p => p.Value == index && p.Key != field.Key).Select(p => p.Key).ToList())
                map.Remove(other);
            map[field.Key] = index.Value;
        }
        foreach (var a in suggestion.Ambiguous.Where(a => !map.ContainsKey(a.FieldKey)))
            errors.Add($"field '{a.FieldKey}' matches several columns ({string.Join(", ", a.CandidateColumns.Select(c => headers[c]))}): choose one with {a.FieldKey}=COLUMN");
        foreach (var f in fields.Where(f => f.Required && !map.ContainsKey(f.Key) && suggestion.Ambiguous.All(a => a.FieldKey != f.Key)))
            errors.Add($"required field '{f.Key}' ({f.Label}) has no column: map it with {f.Key}=COLUMN");
        if (errors.Count > 0) throw new ColumnMappingException(errors);
        return new ColumnMap(map);
    }

    private static int? ResolveColumn(IReadOnlyList<string> headers, string column)
    {
        if (column.StartsWith('#') && int.TryParse(column.AsSpan(1), out var number))
            return number >= 1 && number <= headers.Count ? number - 1 : null;
        var exact = Enumerable.Range(0, headers.Count).Where(i => headers[i].Trim() == column.Trim()).ToList();
        if (exact.Count == 1) return exact[0];
        var loose = Enumerable.Range(0, headers.Count).Where(i => Normalise(headers[i]) == Normalise(column)).ToList();
        return loose.Count == 1 ? loose[0] : null;
    }

    private enum MatchStrength { Exact, Contains }

    private static IEnumerable<int> Candidates(ListField field, string[] headers, MatchStrength strength) =>
        Enumerable.Range(0, headers.Length).Where(i => headers[i].Length > 0 && BestSynonymRank(field, headers[i], strength) < int.MaxValue);

    private static int BestSynonymRank(ListField field, string header, MatchStrength strength)
    {
        var keys = field.Synonyms.Prepend(field.Key).Select(Normalise).ToList();
        for (var rank = 0; rank < keys.Count; rank++)
        {
            var hit = strength == MatchStrength.Exact
                ? header == keys[rank]
                : keys[rank].Length >= 2 && header.Contains(keys[rank], StringComparison.Ordinal);
            if (hit) return rank;
        }
        return int.MaxValue;
    }

    /// <summary>Lower case, without spaces, underscores, hyphens, full-width brackets or a trailing "(元)".</summary>
    private static string Normalise(string header)
    {
        var text = header.Trim().Trim('\uFEFF').ToLowerInvariant();
        foreach (var unit in new[] { "(元)", "（元）", "(天)", "（天）" })
            text = text.Replace(unit, "", StringComparison.Ordinal);
        return new string(text.Where(c => !char.IsWhiteSpace(c) && c is not ('_' or '-' or '*' or ':' or '：')).ToArray());
    }
}

/// <summary>The manual mapping given cannot be used; <see cref="Problems"/> says why, one line each.</summary>
public sealed class ColumnMappingException(IReadOnlyList<string> problems)
    : Exception("column mapping: " + string.Join("; ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
