namespace Outbound.Core.Assessment.Detection;

/// <summary>
/// An evidence reference as the agent and Hr read it on statements and pages. Detected occurrences carry keys made for
/// de-duplication (<see cref="ShiftKey"/>, a delete attempt's number); those are put in words and never show the agent's id.
/// A reference Hr typed (a recording id …) is shown as typed.
/// </summary>
public static class EvidenceReference
{
    public static LocalizedText? Describe(string? reference)
    {
        if (string.IsNullOrWhiteSpace(reference)) return null;
        if (ShiftKey.TryRead(reference, out var day, out var shift)) return new($"{day} {shift} 班", $"shift {shift} of {day}");
        if (reference.StartsWith(DeleteAttemptDetection.ReferencePrefix, StringComparison.Ordinal))
        {
            var number = reference[DeleteAttemptDetection.ReferencePrefix.Length..];
            return new($"删除尝试记录 #{number}", $"delete attempt #{number}");
        }
        return new(reference, reference);
    }
}
