using Outbound.Core.Assessment;

namespace Outbound.Web.Localization;

/// <summary>Texts worded in Core or Data (refusals with their figures, rule texts) rendered like the web's own.</summary>
public static class LocalizedTextExtensions
{
    public static Text ToText(this LocalizedText text) => new(text.Zh, text.En);
}
