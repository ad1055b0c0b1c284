namespace Outbound.Core.Lists;

/// <summary>Which column (0-based) feeds which field key. Columns not in the map are ignored.</summary>
public sealed record ColumnMap(IReadOnlyDictionary<string, int> Columns)
{
    public int? ColumnOf(string fieldKey) => Columns.TryGetValue(fieldKey, out var column) ? column : null;
}

/// <summary>
/// What auto-mapping made of a header row. <see cref="NeedsManualMapping"/> is true when a required
/// field has no column or a field matched several columns: the caller must then ask the user
/// (web) or take <c>--map field=column</c> (CLI) and call <see cref="HeaderMapper.Apply"/>.
/// </summary>
public sealed record MappingSuggestion(
    ColumnMap Map,
    IReadOnlyList<AmbiguousField> Ambiguous,
    IReadOnlyList<string> MissingRequired,
    IReadOnlyList<int> UnmappedColumns)
{
    public bool NeedsManualMapping => Ambiguous.Count > 0 || MissingRequired.Count > 0;
}

/// <summary>A field whose synonyms matched more than one column; <see cref="Chosen"/> is the best guess, if any.</summary>
public sealed record AmbiguousField(string FieldKey, IReadOnlyList<int> CandidateColumns, int? Chosen);
