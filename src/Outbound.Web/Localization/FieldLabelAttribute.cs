using System.Reflection;

namespace Outbound.Web.Localization;

/// <summary>
/// Names a bound property with the label its page shows (a static <see cref="Text"/> of a feature's texts class), so validation
/// and binding messages name the field in the user's language instead of by its C# name.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class FieldLabelAttribute(Type texts, string name) : Attribute
{
    public Text Text { get; } = texts.GetField(name, BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as Text
        ?? throw new ArgumentException($"{texts.Name}.{name} is not a Text", nameof(name));
}
