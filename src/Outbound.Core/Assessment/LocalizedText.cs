namespace Outbound.Core.Assessment;

/// <summary>
/// A user-facing text in Chinese (the default) and English, made where the wording is decided (a rule's text, a refusal
/// with its figures); the web renders it in the user's language, the CLI in English.
/// </summary>
public sealed record LocalizedText(string Zh, string En)
{
    public string For(bool english) => english ? En : Zh;

    /// <summary>Several texts as one, each language joined with its own separator.</summary>
    public static LocalizedText Join(IEnumerable<LocalizedText> texts)
    {
        var list = texts.ToList();
        return new(string.Join("", list.Select(t => t.Zh)), string.Join(" ", list.Select(t => t.En)));
    }
}
