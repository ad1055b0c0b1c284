namespace Outbound.Core.Assessment;

/// <summary>The kind of proof a rule expects, and that a deduction carries.</summary>
public enum EvidenceKind
{
    Recording,
    Attendance,
    HandoverLog,
    Manual,
}

public static class EvidenceKinds
{
    public static string Code(this EvidenceKind kind) => kind switch
    {
        EvidenceKind.Recording => "recording",
        EvidenceKind.Attendance => "attendance",
        EvidenceKind.HandoverLog => "handover_log",
        EvidenceKind.Manual => "manual",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static EvidenceKind ParseEvidenceKind(string code) => code switch
    {
        "recording" => EvidenceKind.Recording,
        "attendance" => EvidenceKind.Attendance,
        "handover_log" => EvidenceKind.HandoverLog,
        "manual" => EvidenceKind.Manual,
        _ => throw new ArgumentException($"unknown evidence kind '{code}'", nameof(code)),
    };
}

/// <summary>
/// What backs a deduction: a reference into the system's own data (a recording id, an attendance
/// event id, the shift whose handover log is missing) and/or a written note. <c>Reference</c> is an
/// opaque key so that detection can avoid proposing the same occurrence twice.
/// </summary>
public sealed record Evidence(EvidenceKind Kind, string? Reference, string Note)
{
    public static Evidence Written(string note) => new(EvidenceKind.Manual, null, note);
}
