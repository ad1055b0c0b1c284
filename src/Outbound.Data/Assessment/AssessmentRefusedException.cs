using Outbound.Core.Assessment;

namespace Outbound.Data.Assessment;

/// <summary>
/// An assessment or workforce request the rules refuse, with the reason in both languages: the pages show
/// <see cref="Text"/> in the user's language; <see cref="Exception.Message"/> is the English (CLI, logs).
/// </summary>
public sealed class AssessmentRefusedException(LocalizedText text) : Exception(text.En)
{
    public LocalizedText Text { get; } = text;

    public AssessmentRefusedException(string zh, string en) : this(new LocalizedText(zh, en)) { }
}
