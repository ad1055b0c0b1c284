namespace Outbound.Core.Lists;

public enum ListFieldKind { Text, Phone, Money, WholeNumber, Date }

/// <summary>
/// A field a list column can be mapped to: one of the <see cref="StandardListFields"/> or a custom
/// lead field of the campaign (matched by its key or label).
/// </summary>
public sealed record ListField(string Key, string Label, ListFieldKind Kind, bool Required, bool IsCustom, IReadOnlyList<string> Synonyms);
