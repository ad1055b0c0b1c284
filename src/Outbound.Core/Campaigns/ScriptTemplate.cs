using System.Text.RegularExpressions;

namespace Outbound.Core.Campaigns;

/// <summary>A piece of a filled script: plain text, or the value of a placeholder (<see cref="Missing"/> when the lead has none).</summary>
public sealed record ScriptPart(string Text, string? Field = null, bool Missing = false);

/// <summary>
/// A campaign's call script (话术) with placeholders such as <c>{name}</c>, <c>{days_past_due}</c> or <c>{amount}</c>, filled
/// from the lead on the screen pop. Placeholder names match the lead's fields case-insensitively; a field the lead lacks
/// (or has empty) is kept as a missing part, for the desk to mark, never silently dropped or shown as raw braces.
/// </summary>
public static partial class ScriptTemplate
{
    /// <summary>The lead's name: always a placeholder, whatever the list's custom fields.</summary>
    public const string NameField = "name";

    /// <summary>The number dialled.</summary>
    public const string PhoneField = "phone";

    public static IReadOnlyList<ScriptPart> Fill(string template, IReadOnlyDictionary<string, string> values)
    {
        var lookup = new Dictionary<string, string>(values, StringComparer.OrdinalIgnoreCase);
        var parts = new List<ScriptPart>();
        var at = 0;
        foreach (Match m in Placeholder().Matches(template))
        {
            if (m.Index > at) parts.Add(new ScriptPart(template[at..m.Index]));
            var field = m.Groups[1].Value;
            parts.Add(lookup.TryGetValue(field, out var value) && !string.IsNullOrWhiteSpace(value)
                ? new ScriptPart(value.Trim(), field)
                : new ScriptPart(m.Value, field, Missing: true));
            at = m.Index + m.Length;
        }
        if (at < template.Length) parts.Add(new ScriptPart(template[at..]));
        return parts;
    }

    /// <summary>The placeholder names a script uses, in order of first use.</summary>
    public static IReadOnlyList<string> Placeholders(string template) =>
        Placeholder().Matches(template).Select(m => m.Groups[1].Value).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    [GeneratedRegex(@"\{([^{}\s]{1,64})\}")]
    private static partial Regex Placeholder();
}
