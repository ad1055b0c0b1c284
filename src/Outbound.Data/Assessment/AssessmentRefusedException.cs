namespace Outbound.Data.Assessment;

/// <summary>A request the assessment rules do not allow (wrong role, locked month, fine out of range …). The message is shown to the user.</summary>
public sealed class AssessmentRefusedException(string message) : Exception(message);
